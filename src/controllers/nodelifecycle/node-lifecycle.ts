/**
 * The node lifecycle controller (k8s pkg/controller/nodelifecycle): watches kubelet heartbeats.
 * A node whose kubelet stops renewing its lease for the grace period gets its conditions set to
 * Unknown ("Kubelet stopped posting node status."), the `node.kubernetes.io/unreachable`
 * NoSchedule taint, and — unless its zone is disrupted — the NoExecute taint that starts
 * evictions; its pods are marked not ready. When the kubelet is back, the taints go. It also keeps
 * the `node.kubernetes.io/unschedulable:NoSchedule` taint in step with cordoning, and at its next
 * 5 s pass after a Node object is deleted records `RemovingNode` ("Node worker2 event: Removing
 * Node worker2 from Controller").
 */
import { rfc3339 } from '../../api/duration.ts';
import { clone } from '../../api/object-util.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { Condition, Node, Pod, Taint } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import type { Controller, ReconcileResult, WatchSpec } from '../runtime.ts';
import {
  LARGE_CLUSTER_SIZE, NODE_MONITOR_GRACE_MS, NODE_MONITOR_PERIOD_MS, nextTick, TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE, UNHEALTHY_ZONE_THRESHOLD,
} from './constants.ts';

const SOURCE = { component: 'node-controller' };
const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** When each node's kubelet last renewed its lease (now, while it runs). */
export interface Heartbeats {
  alive(node: string): boolean;
  lastRenewal(node: string): number | undefined;
}

export class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle-controller';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
    private events: EventRecorder,
    private heartbeats: Heartbeats,
  ) {}

  /** Nodes the controller has seen, with their uids (knownNodeSet), to notice deletions. */
  private known = new Map<string, string>();

  watches(): WatchSpec[] {
    return [{ kind: 'Node', keys: (e) => (e.type === 'DELETED' ? [e.object.metadata.name, ...this.zoneKeys(e.object as Node)] : [e.object.metadata.name]) }];
  }

  private zoneKeys(node: Node): string[] {
    const zone = node.metadata.labels?.[ZONE_LABEL] ?? '';
    return this.store.unsortedList<Node>('Node').filter((n) => (n.metadata.labels?.[ZONE_LABEL] ?? '') === zone).map((n) => n.metadata.name);
  }

  reconcile(name: string): ReconcileResult | void {
    const node = this.store.get<Node>('Node', '', name);
    const now = this.clock.now();
    if (!node) return this.forget(name, now);
    this.known.set(name, node.metadata.uid ?? '');
    this.syncUnschedulableTaint(node);
    const renewed = this.heartbeats.lastRenewal(name) ?? Date.parse(node.metadata.creationTimestamp ?? '');
    const deadline = nextTick(renewed + NODE_MONITOR_GRACE_MS + 1, NODE_MONITOR_PERIOD_MS);
    const ready = readyCondition(this.current(name));
    if (this.heartbeats.alive(name)) {
      // The kubelet is posting status: lift what an outage put on the node.
      if (ready?.status === 'True') this.setTaints(name, (t) => t.key !== TAINT_UNREACHABLE && t.key !== TAINT_NOT_READY);
      else if (ready?.status === 'False') return this.taintNotReady(node, now);
      return;
    }
    if (now < deadline) return { requeueAfter: deadline - now };
    if (ready?.status !== 'Unknown') this.markUnknown(name, now);
    this.addTaint(name, { key: TAINT_UNREACHABLE, effect: 'NoSchedule' });
    const state = this.zoneState(node);
    if (state === 'Normal') this.addTaint(name, { key: TAINT_UNREACHABLE, effect: 'NoExecute', timeAdded: rfc3339(now) });
    else if (state === 'FullDisruption') this.setTaints(name, (t) => !(t.key === TAINT_UNREACHABLE && t.effect === 'NoExecute'));
  }

  /**
   * A node whose kubelet posts Ready=False (a joining node without pod network, a runtime down):
   * at the monitor pass, processTaintBaseEviction queues it and doNoExecuteTaintingPass gives it
   * `node.kubernetes.io/not-ready:NoExecute` in place of the unreachable one (the two mirror the
   * Ready condition and exclude each other); the NoSchedule taint follows the condition at once
   * (doNoScheduleTaintingPass). Pods keep running for their tolerationSeconds (300 s by default,
   * DefaultTolerationSeconds); once Ready, the taints go (above). A fully disrupted zone gets no
   * NoExecute taint, as for unreachable nodes.
   */
  private taintNotReady(node: Node, now: number): ReconcileResult | void {
    const name = node.metadata.name;
    this.setTaints(name, (t) => !(t.key === TAINT_UNREACHABLE && t.effect === 'NoSchedule'), [{ key: TAINT_NOT_READY, effect: 'NoSchedule' }]);
    const pass = nextTick(now, NODE_MONITOR_PERIOD_MS);
    if (pass > now) return { requeueAfter: pass - now };
    const state = this.zoneState(node);
    const unreachable = (t: Taint) => !(t.key === TAINT_UNREACHABLE && t.effect === 'NoExecute');
    if (state === 'Normal') this.setTaints(name, unreachable, [{ key: TAINT_NOT_READY, effect: 'NoExecute', timeAdded: rfc3339(now) }]);
    else if (state === 'FullDisruption') this.setTaints(name, (t) => unreachable(t) && !(t.key === TAINT_NOT_READY && t.effect === 'NoExecute'));
  }

  /** A known node is gone: the next monitor pass says so (RemovingNode) and forgets it. */
  private forget(name: string, now: number): ReconcileResult | void {
    const uid = this.known.get(name);
    if (uid === undefined) return;
    const pass = nextTick(now, NODE_MONITOR_PERIOD_MS);
    if (pass > now) return { requeueAfter: pass - now };
    this.known.delete(name);
    const ref: Node = { apiVersion: 'v1', kind: 'Node', metadata: { name, uid }, spec: {} };
    this.events.event(ref, 'Normal', 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`, SOURCE);
  }

  private current(name: string): Node {
    return this.store.get<Node>('Node', '', name)!;
  }

  private markUnknown(name: string, now: number): void {
    const node = clone(this.current(name));
    const ts = rfc3339(now);
    node.status = node.status ?? {};
    node.status.conditions = (node.status.conditions ?? []).map((c): Condition => ({
      ...c,
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastTransitionTime: c.status === 'Unknown' ? c.lastTransitionTime : ts,
    }));
    this.api.updateStatus(node);
    this.events.event(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, SOURCE);
    for (const pod of this.store.podsOnNode<Pod>(name)) this.markPodNotReady(pod);
  }

  /** MarkPodsNotReady: the pod's Ready condition becomes False; it leaves Service endpoints. */
  private markPodNotReady(pod: Pod): void {
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') return;
    const copy = clone(pod);
    copy.status!.conditions = copy.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: rfc3339(this.clock.now()) } : c));
    try {
      this.api.updateStatus(copy);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return;
    }
    this.events.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready', SOURCE);
  }

  /**
   * The zone's state: Normal; FullDisruption when every node is not ready (evictions stop: the
   * controller assumes its own connectivity is at fault); PartialDisruption when at least 3 nodes
   * and 55% are not ready, where a cluster of 50 nodes or fewer evicts at rate 0.
   */
  private zoneState(node: Node): 'Normal' | 'PartialDisruption' | 'FullDisruption' {
    const zone = node.metadata.labels?.[ZONE_LABEL] ?? '';
    const nodes = this.store.unsortedList<Node>('Node').filter((n) => (n.metadata.labels?.[ZONE_LABEL] ?? '') === zone);
    const notReady = nodes.filter((n) => readyCondition(n)?.status !== 'True').length;
    if (nodes.length > 0 && notReady === nodes.length) return 'FullDisruption';
    if (notReady >= 3 && notReady / nodes.length >= UNHEALTHY_ZONE_THRESHOLD && this.store.count('Node') <= LARGE_CLUSTER_SIZE) return 'PartialDisruption';
    return 'Normal';
  }

  private syncUnschedulableTaint(node: Node): void {
    const has = (node.spec.taints ?? []).some((t) => t.key === TAINT_UNSCHEDULABLE && t.effect === 'NoSchedule');
    if (node.spec.unschedulable && !has) this.addTaint(node.metadata.name, { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule', timeAdded: rfc3339(this.clock.now()) });
    if (!node.spec.unschedulable && has) this.setTaints(node.metadata.name, (t) => t.key !== TAINT_UNSCHEDULABLE);
  }

  private addTaint(name: string, taint: Taint): void {
    this.setTaints(name, () => true, [taint]);
  }

  /** Keeps the taints `keep` accepts and adds `add` (those not already there). */
  private setTaints(name: string, keep: (t: Taint) => boolean, add: Taint[] = []): void {
    const node = this.current(name);
    const old = node.spec.taints ?? [];
    const next = old.filter(keep);
    for (const t of add) if (!next.some((x) => x.key === t.key && x.effect === t.effect)) next.push(t.effect === 'NoExecute' ? t : { key: t.key, effect: t.effect, ...(t.value ? { value: t.value } : {}), timeAdded: rfc3339(this.clock.now()) });
    if (next.length === old.length && next.every((t, i) => t === old[i])) return;
    const copy = clone(node);
    if (next.length) copy.spec.taints = next;
    else delete copy.spec.taints;
    try {
      this.api.update(copy);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}

export function readyCondition(node: Node | undefined): Condition | undefined {
  return node?.status?.conditions?.find((c) => c.type === 'Ready');
}
