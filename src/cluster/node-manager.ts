/**
 * The machines of the cluster: a node joining (its kubelet starts and registers the Node object),
 * its kubelet stopping and starting again, and the machine going away (its Node object deleted).
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
  join(cfg: NodeConfig, index = this.nextIndex): Node {
    this.nextIndex = Math.max(this.nextIndex, index + 1);
    this.configs.set(cfg.name, cfg);
    const node = this.cluster.api.create(buildNode(cfg, index, this.cluster.now()));
    this.kubelet.startNode(node);
    this.leases.renewing(cfg.name);
    this.kubeletStartEvents(node, true);
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
    this.kubeletStartEvents(node, false);
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
  private kubeletStartEvents(node: Node, joined: boolean): void {
    const name = node.metadata.name;
    const kubelet = { component: 'kubelet', host: name };
    const ev = (reason: string, message: string, source: { component: string; host?: string } = kubelet) => this.cluster.events.event(node, 'Normal', reason, message, source);
    ev('Starting', 'Starting kubelet.');
    ev('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
    for (const [, reason] of PRESSURE_EVENTS) ev(reason, `Node ${name} status is now: ${reason}`);
    if (joined) {
      ev('RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, { component: 'node-controller' });
      ev('NodeReady', `Node ${name} status is now: NodeReady`);
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
