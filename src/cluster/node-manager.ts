/**
 * The machines of the cluster: a node joining (its kubelet starts and registers the Node object),
 * its kubelet stopping and starting again, and the machine going away (its Node object deleted).
 *
 * A node that joins a running cluster (`sim: node add`, as kubeadm join or kind) registers
 * NotReady: its container runtime reports no pod network until the CNI DaemonSet's pod has started
 * on it and written its config, so the kubelet's Ready setter posts Ready=False, KubeletNotReady,
 * "container runtime network not ready: ...", and the TaintNodesByCondition admission plugin gives
 * the new Node `node.kubernetes.io/not-ready:NoSchedule`. Pods that do not tolerate it (most pods,
 * and DaemonSets without such a toleration) wait; the node becomes Ready NETWORK_READY_AFTER_MS
 * later (event NodeReady, from setters.go on the False → True transition; none at registration,
 * where the condition is new) and the node lifecycle controller lifts the taint. The nodes a
 * scenario starts with are Ready from the start.
 */
import { rfc3339 } from '../api/duration.ts';
import { clone } from '../api/object-util.ts';
import type { Condition, Node } from '../api/types/index.ts';
import type { Kubelet } from '../kubelet/kubelet.ts';
import type { StaticPodManager } from '../kubelet/static-pods.ts';
import { addStaticFile } from './sim-actions.ts';
import type { NodeLeases } from './node-leases.ts';
import type { Cluster } from './cluster.ts';
import { buildNode, type NodeConfig } from './nodes.ts';

/** With node leases, the kubelet re-posts unchanged node status every 5 minutes (nodeStatusReportFrequency). */
const STATUS_REPORT_MS = 5 * 60_000;
const NODE_LIFECYCLE = 'node-lifecycle-controller';
/**
 * How long a joining node waits for its pod network: the CNI pod (which tolerates the taint, as
 * flannel's and kindnet's do) starts on it in a few seconds, and the kubelet's runtime check
 * (updateRuntimeUp, every 5 s) sees NetworkReady at its second pass. Fixed, so runs repeat.
 */
export const NETWORK_READY_AFTER_MS = 10_000;
/** The Ready condition's message while the runtime has no pod network (kubelet runtimeState, containerd's status). */
export const NETWORK_NOT_READY_MESSAGE =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';
/** Added to every new Node by the TaintNodesByCondition admission plugin; lifted once it is Ready. */
const NOT_READY_TAINT = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' } as const;

export interface JoinOptions {
  /** The node registers NotReady and becomes Ready this long after (a node joining a running cluster). */
  networkReadyAfterMs?: number;
}
/** The pressure conditions and the event their setter records when one becomes False. */
const PRESSURE_EVENTS: readonly [string, string][] = [
  ['MemoryPressure', 'NodeHasSufficientMemory'],
  ['DiskPressure', 'NodeHasNoDiskPressure'],
  ['PIDPressure', 'NodeHasSufficientPID'],
];

export class NodeManager {
  private configs = new Map<string, NodeConfig>();
  private nextIndex = 0;
  private reportTimers = new Map<string, number>();

  constructor(
    private cluster: Cluster,
    private kubelet: Kubelet,
    private staticPods: StaticPodManager,
    private leases: NodeLeases,
  ) {}

  /** A new machine registers its Node object and its kubelet starts. */
  join(cfg: NodeConfig, index = this.nextIndex, opts: JoinOptions = {}): Node {
    this.nextIndex = Math.max(this.nextIndex, index + 1);
    this.configs.set(cfg.name, cfg);
    const waitMs = opts.networkReadyAfterMs ?? 0;
    const built = buildNode(cfg, index, this.cluster.now());
    const node = this.cluster.api.create(waitMs > 0 ? withoutNetwork(built) : built);
    this.kubelet.startNode(node);
    this.leases.renewing(cfg.name);
    this.kubeletStartEvents(node, true, waitMs === 0);
    if (waitMs > 0) {
      // The pod network comes up: the next status update posts Ready (and NodeReady).
      this.cluster.clock.after(waitMs, () => {
        if (this.isRunning(cfg.name) && this.configs.get(cfg.name) === cfg) this.postStatus(cfg.name);
      });
    }
    this.scheduleReport(cfg.name);
    for (const [file, text] of Object.entries(cfg.staticPods ?? {})) {
      addStaticFile(this.cluster, cfg.name, file, { text, file: `${cfg.name}:/etc/kubernetes/manifests/${file}` });
    }
    return node;
  }

  config(name: string): NodeConfig | undefined {
    return this.configs.get(name);
  }

  /** Machines that have joined (whether or not their kubelet runs). */
  machines(): string[] {
    return [...this.configs.keys()];
  }

  isRunning(name: string): boolean {
    return this.kubelet.agent(name)?.up ?? false;
  }

  stop(name: string): void {
    this.kubelet.stopNode(name);
    this.leases.stopped(name);
    const t = this.reportTimers.get(name);
    if (t !== undefined) this.cluster.clock.cancel(t);
    this.reportTimers.delete(name);
    this.cluster.controllers.enqueue(NODE_LIFECYCLE, name);
  }

  /** The kubelet comes back: it posts a Ready status and resyncs its pods. */
  start(name: string): void {
    this.leases.renewing(name);
    const node = this.cluster.store.get<Node>('Node', '', name);
    if (!node) return;
    this.kubeletStartEvents(node, false, true);
    this.postStatus(name);
    this.kubelet.startNode(this.cluster.store.get<Node>('Node', '', name)!);
    this.scheduleReport(name);
    this.cluster.controllers.enqueue(NODE_LIFECYCLE, name);
  }

  /**
   * The kubelet's node status: every condition healthy, heartbeat now. A condition that changes
   * gets the status setter's event (NodeHasSufficientMemory... when a pressure condition becomes
   * False, NodeReady when Ready becomes True), pressure first and Ready last, as setters.go runs.
   */
  private postStatus(name: string): void {
    const node = this.cluster.store.get<Node>('Node', '', name);
    if (!node) return;
    const now = rfc3339(this.cluster.now());
    const healthy: Record<string, [Condition['status'], string, string]> = {
      MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
    };
    const copy = clone(node);
    copy.status = copy.status ?? {};
    copy.status.conditions = (copy.status.conditions ?? []).map((c) => {
      const [status, reason, message] = healthy[c.type] ?? [c.status, c.reason ?? '', c.message ?? ''];
      return { ...c, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: c.status === status ? c.lastTransitionTime : now };
    });
    this.cluster.api.updateStatus(copy);
    const was = new Map((node.status?.conditions ?? []).map((c) => [c.type, c.status]));
    const changed = PRESSURE_EVENTS.filter(([type]) => was.has(type) && was.get(type) !== 'False').map(([, reason]) => reason);
    if (was.has('Ready') && was.get('Ready') !== 'True') changed.push('NodeReady');
    for (const reason of changed) this.cluster.events.event(node, 'Normal', reason, `Node ${name} status is now: ${reason}`, { component: 'kubelet', host: name });
  }

  private scheduleReport(name: string): void {
    const id = this.cluster.clock.after(STATUS_REPORT_MS, () => {
      this.reportTimers.delete(name);
      if (!this.isRunning(name) || !this.configs.has(name)) return;
      this.postStatus(name);
      this.scheduleReport(name);
    });
    this.reportTimers.set(name, id);
  }

  /**
   * What `kubectl describe node` shows after a kubelet (re)start: Starting, the container
   * manager's NodeAllocatableEnforced, then registration, which runs the status setters on a
   * fresh Node (its conditions start Unknown, so each pressure setter records its event) whether
   * or not the Node already exists. A joining node is then registered by the node controller and
   * becomes Ready.
   */
  private kubeletStartEvents(node: Node, joined: boolean, ready: boolean): void {
    const name = node.metadata.name;
    const kubelet = { component: 'kubelet', host: name };
    const ev = (reason: string, message: string, source: { component: string; host?: string } = kubelet) => this.cluster.events.event(node, 'Normal', reason, message, source);
    ev('Starting', 'Starting kubelet.');
    ev('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
    for (const [, reason] of PRESSURE_EVENTS) ev(reason, `Node ${name} status is now: ${reason}`);
    if (joined) {
      ev('RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, { component: 'node-controller' });
      if (ready) ev('NodeReady', `Node ${name} status is now: NodeReady`);
    }
  }

  /** The machine is gone: its kubelet with it, and its Node object is deleted. */
  remove(name: string): void {
    const t = this.reportTimers.get(name);
    if (t !== undefined) this.cluster.clock.cancel(t);
    this.reportTimers.delete(name);
    this.leases.forget(name);
    this.kubelet.removeNode(name);
    this.staticPods.forgetNode(name);
    this.configs.delete(name);
    if (this.cluster.store.get('Node', '', name)) this.cluster.api.delete('Node', '', name);
  }
}

/**
 * The Node as a kubelet without pod network registers it: Ready=False (KubeletNotReady, the
 * runtime's network error) and the not-ready NoSchedule taint the admission plugin adds.
 */
function withoutNetwork(node: Node): Node {
  const copy = clone(node);
  copy.spec.taints = [...(copy.spec.taints ?? []), { ...NOT_READY_TAINT }];
  copy.status!.conditions = copy.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', reason: 'KubeletNotReady', message: NETWORK_NOT_READY_MESSAGE } : c));
  return copy;
}
