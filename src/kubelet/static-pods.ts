/**
 * Static pods (kubelet config/file.go, pod/mirror_client.go): each node's kubelet runs the pod
 * manifests in its staticPodPath (files starting with `.` are ignored) and publishes a mirror pod
 * to the API: `<pod>-<node>`, annotations `kubernetes.io/config.mirror/hash/source/seen`, owned by
 * the Node. Deleting the mirror through the API does not stop the pod: the kubelet removes the
 * mirror and publishes it again a moment later. Removing the file stops the pod and its mirror.
 */
import { createHash } from 'node:crypto';
import { rfc3339 } from '../api/duration.ts';
import { clone, objectKey, ownerRefTo, splitKey } from '../api/object-util.ts';
import type { ObjectStore } from '../api/store.ts';
import type { Node, Pod } from '../api/types/index.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { Clock } from '../sim/clock.ts';
import type { SeededRandom } from '../sim/random.ts';
import type { ControllerManager } from '../controllers/runtime.ts';
import { PLEG_MS } from './constants.ts';
import type { ImageCatalog } from './images.ts';
import type { Kubelet } from './kubelet.ts';
import { PodWorker } from './pod-worker.ts';

export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
export const HASH_ANNOTATION = 'kubernetes.io/config.hash';
export const SOURCE_ANNOTATION = 'kubernetes.io/config.source';
export const SEEN_ANNOTATION = 'kubernetes.io/config.seen';

export function isMirrorPod(pod: Pod): boolean {
  return pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined;
}

export class StaticPodError extends Error {}

interface StaticPod {
  node: string;
  file: string;
  key: string;
  hash: string;
  /** The pod as the kubelet runs it (name `<pod>-<node>`, defaulted by the API on first publish). */
  pod: Pod;
  worker?: PodWorker;
  mirrorDueAt?: number;
  removing?: boolean;
}

export interface StaticPodDeps {
  store: ObjectStore;
  api: ApiServer;
  clock: Clock;
  events: EventRecorder;
  catalog: ImageCatalog;
  failures: SeededRandom;
  controllers: ControllerManager;
  kubelet: Kubelet;
}

export class StaticPodManager {
  private pods = new Map<string, StaticPod>();
  private files = new Map<string, Map<string, string>>();

  constructor(private deps: StaticPodDeps) {
    deps.kubelet.mirrorHandler = (key, pod) => this.handle(key, pod);
    deps.kubelet.staticWorkerFor = (pod) => this.pods.get(objectKey(pod))?.worker;
  }

  /** Files in a node's staticPodPath: file name → mirror pod key. */
  filesOf(node: string): string[] {
    return [...(this.files.get(node)?.keys() ?? [])];
  }

  /** Writes `file` with this manifest into `node`'s staticPodPath. */
  addFile(node: string, file: string, manifest: unknown): string {
    if (file.startsWith('.')) return `file ${file} written to ${node}:/etc/kubernetes/manifests (ignored: it starts with ".")`;
    const m = manifest as Pod;
    if (!m || typeof m !== 'object' || m.kind !== 'Pod' || !m.metadata?.name) throw new StaticPodError(`static pod file ${file}: expected a Pod manifest with metadata.name`);
    const nodeObj = this.deps.store.get<Node>('Node', '', node);
    if (!nodeObj) throw new StaticPodError(`node "${node}" not found`);
    this.removeFile(node, file);
    const namespace = m.metadata.namespace || 'default';
    const name = `${m.metadata.name}-${node.toLowerCase()}`;
    const hash = createHash('md5').update(`${node}/${file}/${JSON.stringify(m)}`).digest('hex');
    const now = this.deps.clock.now();
    const pod: Pod = clone(m);
    pod.metadata = {
      ...pod.metadata,
      name,
      namespace,
      uid: hash,
      annotations: { ...(pod.metadata.annotations ?? {}), [HASH_ANNOTATION]: hash, [SEEN_ANNOTATION]: rfc3339(now), [SOURCE_ANNOTATION]: 'file' },
    };
    pod.spec = { ...pod.spec, nodeName: node, tolerations: [...(pod.spec.tolerations ?? []), { operator: 'Exists', effect: 'NoExecute' }] };
    const sp: StaticPod = { node, file, key: `${namespace}/${name}`, hash, pod };
    let byFile = this.files.get(node);
    if (!byFile) this.files.set(node, (byFile = new Map()));
    byFile.set(file, sp.key);
    this.pods.set(sp.key, sp);
    this.publishMirror(sp);
    this.deps.controllers.enqueue('kubelet', sp.key);
    return `file ${file} written to ${node}:/etc/kubernetes/manifests (static pod ${sp.key})`;
  }

  /** Removes `file` from `node`'s staticPodPath: the pod stops and its mirror goes. */
  removeFile(node: string, file: string): string | undefined {
    const key = this.files.get(node)?.get(file);
    if (!key) return undefined;
    this.files.get(node)!.delete(file);
    const sp = this.pods.get(key);
    if (!sp) return undefined;
    sp.removing = true;
    const now = this.deps.clock.now();
    const grace = sp.pod.spec.terminationGracePeriodSeconds ?? 30;
    sp.pod = { ...sp.pod, metadata: { ...sp.pod.metadata, deletionTimestamp: rfc3339(now + grace * 1000), deletionGracePeriodSeconds: grace } };
    if (sp.worker) this.deps.controllers.enqueue('kubelet', key);
    else this.drop(sp);
    return `file ${file} removed from ${node}:/etc/kubernetes/manifests`;
  }

  private publishMirror(sp: StaticPod): void {
    const node = this.deps.store.get<Node>('Node', '', sp.node);
    if (!node) return;
    const mirror = clone(sp.pod);
    delete mirror.metadata.uid;
    delete mirror.metadata.deletionTimestamp;
    delete mirror.metadata.deletionGracePeriodSeconds;
    mirror.metadata.annotations = { ...(mirror.metadata.annotations ?? {}), [MIRROR_ANNOTATION]: sp.hash };
    mirror.metadata.ownerReferences = [{ ...ownerRefTo(node), blockOwnerDeletion: undefined } as never];
    delete mirror.status;
    try {
      const created = this.deps.api.create(mirror);
      // The kubelet runs the pod as the API defaulted it.
      if (!sp.worker) sp.pod = { ...sp.pod, spec: { ...created.spec } };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  /** Kubelet routing for mirror pod keys. Returns true when handled here. */
  private handle(key: string, pod: Pod | undefined): boolean {
    const sp = this.pods.get(key);
    if (!sp) {
      // A mirror pod without a static pod behind it is removed.
      if (pod && isMirrorPod(pod)) this.forceDelete(pod);
      return !!pod;
    }
    const agent = this.deps.kubelet.agent(sp.node);
    if (!agent?.up) return true;
    const now = this.deps.clock.now();
    if (pod && pod.metadata.annotations?.[MIRROR_ANNOTATION] !== sp.hash) {
      this.forceDelete(pod);
      pod = undefined;
    } else if (pod?.metadata.deletionTimestamp) {
      this.forceDelete(pod);
      pod = undefined;
    }
    if (!pod && !sp.removing) {
      if (sp.mirrorDueAt === undefined) {
        sp.mirrorDueAt = now + PLEG_MS;
        this.deps.clock.at(sp.mirrorDueAt, () => this.deps.controllers.enqueue('kubelet', key));
      } else if (now >= sp.mirrorDueAt) {
        sp.mirrorDueAt = undefined;
        this.publishMirror(sp);
      }
    }
    this.worker(sp).sync(sp.pod);
    return true;
  }

  private worker(sp: StaticPod): PodWorker {
    if (sp.worker) return sp.worker;
    const agent = this.deps.kubelet.agent(sp.node)!;
    const { namespace, name } = splitKey(sp.key);
    sp.worker = new PodWorker(`static:${sp.key}`, sp.pod, {
      clock: this.deps.clock,
      api: this.deps.api,
      store: this.deps.store,
      events: this.deps.events,
      catalog: this.deps.catalog,
      failures: this.deps.failures,
      node: sp.node,
      hostIP: agent.hostIP,
      puller: agent.puller,
      allocateIp: (k) => agent.allocateIp(k),
      releaseIp: (k) => agent.releaseIp(k),
      enqueue: () => this.deps.controllers.enqueue('kubelet', sp.key),
      statusTarget: () => {
        const p = this.deps.store.get<Pod>('Pod', namespace, name);
        return p && p.metadata.annotations?.[MIRROR_ANNOTATION] === sp.hash && !p.metadata.deletionTimestamp ? p : undefined;
      },
      onTerminated: () => this.drop(sp),
    });
    return sp.worker;
  }

  private drop(sp: StaticPod): void {
    sp.worker?.teardown();
    this.pods.delete(sp.key);
    const { namespace, name } = splitKey(sp.key);
    const mirror = this.deps.store.get<Pod>('Pod', namespace, name);
    if (mirror) this.forceDelete(mirror);
  }

  private forceDelete(pod: Pod): void {
    try {
      this.deps.api.delete('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name, { gracePeriodSeconds: 0 });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  /** The machine is gone: its static pods with it. */
  forgetNode(node: string): void {
    for (const sp of [...this.pods.values()]) if (sp.node === node) {
      sp.worker?.teardown();
      this.pods.delete(sp.key);
    }
    this.files.delete(node);
  }
}
