/**
 * The kubelets of every node, as one controller keyed by pod. A pod bound to a node whose kubelet
 * runs gets a PodWorker there; a pod bound to a node that does not exist, or whose kubelet is
 * stopped, gets nothing (it stays as it was, as on a real cluster). Also answers `kubectl logs`.
 */
import { objectKey, splitKey } from '../api/object-util.ts';
import type { ObjectStore, WatchEvent } from '../api/store.ts';
import type { Node, Pod } from '../api/types/index.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { Controller, ControllerManager, WatchSpec } from '../controllers/runtime.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { Clock } from '../sim/clock.ts';
import type { SeededRandom } from '../sim/random.ts';
import type { ImageCatalog } from './images.ts';
import { NodeAgent } from './node-agent.ts';
import { PodWorker } from './pod-worker.ts';
import { podLogs } from './logs.ts';
import type { ContainerRuntimeApi, ExecOptions, ExecResult, LogOptions, LogsResult } from './runtime-api.ts';
import { AccessLogBook } from '../network/access-log.ts';
import { execInContainer, runCommandIn } from './exec.ts';
import { ApiError } from '../apiserver/errors.ts';
import { isMirrorPod } from './static-pods.ts';
import { admitPod } from './admission.ts';

export const KUBELET = 'kubelet';

export interface KubeletDeps {
  store: ObjectStore;
  api: ApiServer;
  clock: Clock;
  events: EventRecorder;
  catalog: ImageCatalog;
  failures: SeededRandom;
  /** Service backend choices for in-cluster requests. */
  network: SeededRandom;
  controllers: ControllerManager;
}

export class Kubelet implements Controller, ContainerRuntimeApi {
  readonly name = KUBELET;
  private agents = new Map<string, NodeAgent>();
  /** Lines servers wrote answering in-cluster requests (nginx access logs), for `kubectl logs`. */
  readonly accessLog = new AccessLogBook();
  /** Which node each pod's worker lives on (to find it after the pod is gone). */
  private podNode = new Map<string, string>();

  constructor(private deps: KubeletDeps) {}

  watches(): WatchSpec[] {
    return [{ kind: 'Pod', keys: (e) => this.podKeys(e) }];
  }

  private podKeys(e: WatchEvent): string[] {
    const pod = e.object as Pod;
    const old = e.old as Pod | undefined;
    if (!pod.spec.nodeName && !old?.spec.nodeName) return [];
    // Status-only writes (the kubelet's own) share the old spec object: nothing to do for them.
    if (e.type === 'MODIFIED' && old && old.spec === pod.spec && old.metadata.deletionTimestamp === pod.metadata.deletionTimestamp) return [];
    return [objectKey(pod)];
  }

  /** A machine's kubelet starts (the node joined, or came back). */
  startNode(node: Node): NodeAgent {
    let agent = this.agents.get(node.metadata.name);
    if (!agent) {
      const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
      agent = new NodeAgent(node.metadata.name, node.spec.podCIDR ?? '10.244.0.0/24', hostIP, this.deps.catalog);
      this.agents.set(node.metadata.name, agent);
      const name = node.metadata.name;
      const puller = agent.puller;
      puller.onPresent = () => this.reportImages(name, puller.report());
    }
    agent.up = true;
    for (const pod of this.deps.store.podsOnNode<Pod>(node.metadata.name)) this.deps.controllers.enqueue(KUBELET, objectKey(pod));
    for (const key of agent.workers.keys()) this.deps.controllers.enqueue(KUBELET, key);
    return agent;
  }

  /** The node status lists the images on the node (what ImageLocality scores). */
  private reportImages(name: string, images: { names: string[]; sizeBytes: number }[]): void {
    const node = this.deps.store.get<Node>('Node', '', name);
    if (!node || !this.agents.get(name)?.up) return;
    try {
      this.deps.api.updateStatus({ ...node, status: { ...node.status, images } });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  /** The kubelet stops: its pods keep running but nothing is reported or changed. */
  stopNode(name: string): void {
    const agent = this.agents.get(name);
    if (agent) agent.up = false;
  }

  /** The machine is gone: its workers and images with it. */
  removeNode(name: string): void {
    const agent = this.agents.get(name);
    if (!agent) return;
    for (const w of agent.workers.values()) w.teardown();
    this.agents.delete(name);
  }

  agent(name: string): NodeAgent | undefined {
    return this.agents.get(name);
  }

  /** Kubelet admission: a pod that does not fit the node fails at once (see admission.ts). */
  private reject(pod: Pod, agent: NodeAgent): boolean {
    const node = this.deps.store.get<Node>('Node', '', agent.name);
    if (!node) return false;
    const admitted = this.deps.store
      .podsOnNode<Pod>(agent.name)
      .filter((p) => p !== pod && agent.workers.get(objectKey(p))?.uid === p.metadata.uid && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const rejection = admitPod(pod, node, admitted);
    if (!rejection) return false;
    this.deps.events.event(pod, 'Warning', rejection.reason, rejection.message, { component: 'kubelet', host: agent.name });
    try {
      this.deps.api.updateStatus({ ...pod, status: { ...pod.status, phase: 'Failed', reason: rejection.reason, message: `Pod was rejected: ${rejection.message}` } });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
    return true;
  }

  /** Set by the static pod manager: handles mirror pods instead of running them as API pods. */
  mirrorHandler?: (key: string, pod: Pod | undefined) => boolean;

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.deps.store.get<Pod>('Pod', namespace, name);
    if (this.mirrorHandler && (!pod || isMirrorPod(pod)) && this.mirrorHandler(key, pod)) return;
    const nodeName = pod?.spec.nodeName ?? this.podNode.get(key);
    if (!nodeName) return;
    const agent = this.agents.get(nodeName);
    if (!agent || !agent.up) return;
    let worker = agent.workers.get(key);
    if (worker && (!pod || worker.uid !== pod.metadata.uid || pod.spec.nodeName !== nodeName)) {
      worker.teardown();
      agent.workers.delete(key);
      this.podNode.delete(key);
      worker = undefined;
    }
    if (!pod || pod.spec.nodeName !== nodeName) return;
    if (!worker) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return;
      if (this.reject(pod, agent)) return;
      worker = new PodWorker(key, pod, {
        clock: this.deps.clock,
        api: this.deps.api,
        store: this.deps.store,
        events: this.deps.events,
        catalog: this.deps.catalog,
        failures: this.deps.failures,
        node: nodeName,
        hostIP: agent.hostIP,
        puller: agent.puller,
        allocateIp: (k) => agent.allocateIp(k),
        releaseIp: (k) => agent.releaseIp(k),
        enqueue: (k) => this.deps.controllers.enqueue(KUBELET, k),
        runCheck: (p, container, argv) => this.runInContainer(p, container, argv),
        statusTarget: () => {
          const p = this.deps.store.get<Pod>('Pod', namespace, name);
          return p && p.metadata.uid === pod.metadata.uid ? p : undefined;
        },
        onTerminated: () => {
          try {
            this.deps.api.delete('Pod', namespace, name, { gracePeriodSeconds: 0, uid: pod.metadata.uid });
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
          }
        },
      });
      agent.workers.set(key, worker);
      this.podNode.set(key, nodeName);
    }
    worker.sync(pod);
  }

  /** Static pod workers, by mirror pod key (set by the static pod manager). */
  staticWorkerFor?: (pod: Pod) => PodWorker | undefined;

  workerFor(pod: Pod): PodWorker | undefined {
    if (isMirrorPod(pod)) return this.staticWorkerFor?.(pod);
    const agent = pod.spec.nodeName ? this.agents.get(pod.spec.nodeName) : undefined;
    const w = agent?.workers.get(objectKey(pod));
    return w && w.uid === pod.metadata.uid ? w : undefined;
  }

  logs(pod: Pod, container: string, opts: LogOptions): LogsResult {
    return podLogs(pod, this.workerFor(pod), container, opts, this.deps.clock.now(), this.accessLog);
  }

  /** A command a container's own script runs (no kubectl exec: the container may be an init container). */
  private runInContainer(pod: Pod, container: string, argv: string[]): ExecResult {
    return runCommandIn({ pod, worker: undefined, container, argv, store: this.deps.store, catalog: this.deps.catalog, now: this.deps.clock.now(), random: this.deps.network }, argv);
  }

  exec(pod: Pod, container: string, argv: string[], opts: ExecOptions = {}): ExecResult {
    return execInContainer({
      pod,
      worker: this.workerFor(pod),
      container,
      argv,
      store: this.deps.store,
      catalog: this.deps.catalog,
      now: this.deps.clock.now(),
      tty: opts.tty,
      random: this.deps.network,
      onRequest: this.accessLog.record,
    });
  }
}
