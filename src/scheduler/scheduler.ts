/**
 * The scheduler (kube-scheduler): binds each pending pod without a node to the best node that fits.
 *
 * For one pod: PreFilter, then Filter over the nodes (the first failing filter decides a node's
 * reason), Score the feasible nodes with weighted plugins, pick the best (ties broken by the seeded
 * random source), bind, and record `Scheduled`. A pod that fits nowhere gets a `FailedScheduling`
 * event and PodScheduled=False with the FitError message, and waits: it is retried when the cluster
 * changes in a way that could help (a node added or changed, a pod removed), after its back-off,
 * or after 5 minutes at the latest.
 */
import { rfc3339 } from '../api/duration.ts';
import { clone, objectKey, splitKey } from '../api/object-util.ts';
import type { ObjectStore, WatchEvent } from '../api/store.ts';
import type { Condition, Node, Pod } from '../api/types/index.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { Controller, ReconcileResult, WatchSpec } from '../controllers/runtime.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { Clock } from '../sim/clock.ts';
import type { SeededRandom } from '../sim/random.ts';
import { fitErrorMessage, preemptionMessage, type Diagnosis } from './fit-error.ts';
import type { NodeInfo } from './framework/node-info.ts';
import { SchedulerSnapshot } from './framework/snapshot.ts';
import { isFilter, isPreFilter, isPreScore, isScore, unresolvable, type FilterPlugin, type Plugin, type PluginContext } from './framework/types.ts';
import { defaultPlugins } from './plugins/registry.ts';
import { MAX_UNSCHEDULABLE_MS, SchedulingQueue } from './queue.ts';
import { relevantNodeChange } from './requeue.ts';
import { VOLUME_BINDING, VolumeBindingPlugin } from './plugins/volume-binding.ts';

/** How long PreBind waits for a pod's volumes to be bound (bindTimeoutSeconds). */
const BIND_TIMEOUT_MS = 600_000;

export const SCHEDULER_NAME = 'default-scheduler';
const SOURCE = { component: SCHEDULER_NAME };
const MIN_FEASIBLE_NODES = 100;
const BINDING_PLUGINS: ReadonlySet<string> = new Set([VOLUME_BINDING]);
const MIN_FEASIBLE_PERCENT = 5;

/** numFeasibleNodesToFind: all nodes below 100, else an adaptive share (50% − nodes/125, ≥ 5%). */
export function numFeasibleNodesToFind(numNodes: number): number {
  if (numNodes < MIN_FEASIBLE_NODES) return numNodes;
  const percent = Math.max(MIN_FEASIBLE_PERCENT, 50 - Math.floor(numNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES, Math.floor((numNodes * percent) / 100));
}

export type ScheduleResult = { node: string } | { diagnosis: Diagnosis; message: string };

export class Scheduler implements Controller {
  readonly name = 'default-scheduler';
  readonly snapshot: SchedulerSnapshot;
  readonly queue = new SchedulingQueue();
  private plugins: Plugin[];
  private nextStartNodeIndex = 0;

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
    private events: EventRecorder,
    private random: SeededRandom,
    plugins?: Plugin[],
  ) {
    this.snapshot = new SchedulerSnapshot(store);
    this.plugins = plugins ?? defaultPlugins(store, api);
    this.volumes = this.plugins.find((p): p is VolumeBindingPlugin => p instanceof VolumeBindingPlugin);
  }

  /** Pods placed on a node whose volumes are still being bound (PreBind waiting), by key. */
  private reserved = new Map<string, { node: string; since: number }>();
  private volumes?: VolumeBindingPlugin;

  watches(): WatchSpec[] {
    const volumeKeys = () => [...this.queue.unschedulableKeys('Storage'), ...this.reserved.keys()];
    return [
      { kind: 'Pod', keys: (e) => this.podEventKeys(e) },
      { kind: 'Node', keys: (e) => (e.type === 'DELETED' || relevantNodeChange(e) ? this.queue.unschedulableKeys('Node') : []) },
      { kind: 'PersistentVolumeClaim', keys: volumeKeys },
      { kind: 'PersistentVolume', keys: volumeKeys },
      { kind: 'StorageClass', keys: volumeKeys },
    ];
  }

  private podEventKeys(e: WatchEvent): string[] {
    const pod = e.object as Pod;
    const old = e.old as Pod | undefined;
    const keys: string[] = [];
    // A status-only update (the scheduler's own PodScheduled=False) does not retry a pod (isPodUpdated).
    if (e.type !== 'DELETED' && !pod.spec.nodeName && !statusOnly(old, pod)) keys.push(objectKey(pod));
    // An assigned pod going away (deleted or finished) frees room for waiting pods.
    const freed = old?.spec.nodeName && (e.type === 'DELETED' || isTerminal(pod)) && !isTerminal(old);
    const relabelled = e.type === 'MODIFIED' && old && pod.spec.nodeName && JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels);
    // A pod landing on a node can satisfy another pod's required affinity.
    const assigned = e.type !== 'DELETED' && pod.spec.nodeName && !old?.spec.nodeName;
    if (freed) keys.push(...this.queue.unschedulableKeys('AssignedPodDelete'));
    else if (assigned) keys.push(...this.queue.unschedulableKeys('AssignedPodAdd'));
    else if (relabelled) keys.push(...this.queue.unschedulableKeys('AssignedPodUpdate'));
    if (e.type === 'DELETED' && !pod.spec.nodeName) this.queue.forget(objectKey(pod));
    return keys;
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const pod = this.store.get<Pod>('Pod', namespace, name);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp || isTerminal(pod)) {
      this.queue.forget(key);
      this.unreserve(key);
      return;
    }
    const reservation = this.reserved.get(key);
    if (reservation) return this.bindWhenReady(pod, key, reservation.node);
    if ((pod.spec.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME) return;
    if ((pod.spec.schedulingGates ?? []).length > 0) {
      this.setScheduledCondition(pod, 'SchedulingGated', 'Scheduling is blocked due to non-empty scheduling gates');
      return;
    }
    const now = this.clock.now();
    const wait = this.queue.backoffRemaining(key, now);
    if (wait > 0) return { requeueAfter: wait };
    const result = this.schedule(pod);
    if ('node' in result) {
      this.reserved.set(key, { node: result.node, since: now });
      this.snapshot.assume(key, result.node, pod);
      return this.bindWhenReady(pod, key, result.node);
    }
    return this.fail(pod, key, result.message, result.diagnosis.unschedulablePlugins);
  }

  private fail(pod: Pod, key: string, message: string, plugins: ReadonlySet<string>): ReconcileResult {
    this.queue.recordFailure(key, this.clock.now(), plugins);
    this.events.event(pod, 'Warning', 'FailedScheduling', message, SOURCE);
    this.setScheduledCondition(pod, 'Unschedulable', message);
    return { requeueAfter: MAX_UNSCHEDULABLE_MS };
  }

  /** The binding cycle: PreBind (volumes), then bind. A reserved pod waits for its claims. */
  private bindWhenReady(pod: Pod, key: string, node: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const pre = this.volumes?.preBind(pod, node) ?? { ok: true as const };
    if ('wait' in pre) {
      const since = this.reserved.get(key)!.since;
      const deadline = since + BIND_TIMEOUT_MS;
      if (this.clock.now() < deadline) return { requeueAfter: deadline - this.clock.now() };
      this.unreserve(key);
      return this.fail(pod, key, `running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded`, BINDING_PLUGINS);
    }
    if ('error' in pre) {
      this.unreserve(key);
      return this.fail(pod, key, `running PreBind plugin "VolumeBinding": ${pre.error}`, BINDING_PLUGINS);
    }
    this.unreserve(key);
    try {
      this.api.bind(namespace, name, node);
    } catch (e) {
      if (e instanceof ApiError) return;
      throw e;
    }
    this.queue.forget(key);
    this.events.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${node}`, SOURCE);
  }

  private unreserve(key: string): void {
    const r = this.reserved.get(key);
    if (!r) return;
    this.reserved.delete(key);
    this.snapshot.forget(key, r.node);
  }

  /** One scheduling cycle for `pod`, without binding: where it would go, or why nowhere. */
  schedule(pod: Pod): ScheduleResult {
    const nodes = this.snapshot.nodes();
    const diagnosis: Diagnosis = { numNodes: nodes.length, nodeStatuses: new Map(), unschedulablePlugins: new Set() };
    const ctx: PluginContext = { snapshot: this.snapshot, state: new Map(), now: this.clock.now() };
    const fail = (): ScheduleResult => ({
      diagnosis,
      message: fitErrorMessage(diagnosis, nodes.length === 0 ? '' : preemptionMessage(diagnosis, pod.spec.preemptionPolicy !== 'Never')),
    });
    if (nodes.length === 0) return fail();
    // PreFilter: a plugin may reject the pod outright, skip its Filter, or narrow the nodes.
    const skipped = new Set<string>();
    let only: Set<string> | undefined;
    const narrowing: string[] = [];
    for (const p of this.plugins) {
      if (!isPreFilter(p)) continue;
      const st = p.preFilter(ctx, pod);
      if (st.code === 'Skip') skipped.add(p.name);
      else if (st.code !== 'Success') {
        diagnosis.preFilterMessage = st.reasons.join(', ');
        diagnosis.unschedulablePlugins.add(p.name);
        return fail();
      }
      if (st.nodeNames) {
        only = only ? new Set([...only].filter((n) => st.nodeNames!.has(n))) : new Set(st.nodeNames);
        narrowing.push(p.name);
      }
    }
    const candidates = only ? nodes.filter((n) => only.has(n.name)) : nodes;
    const feasible = this.findFeasible(ctx, pod, candidates, nodes.length, skipped, diagnosis);
    if (feasible.length === 0) {
      if (only) {
        // The nodes the PreFilter result left out (FitError's absent-nodes status).
        const absent = unresolvable(`node(s) didn't satisfy plugin(s) [${[...narrowing].sort().join(' ')}]`);
        for (const n of nodes) if (!only.has(n.name)) diagnosis.nodeStatuses.set(n.name, absent);
        for (const name of narrowing) diagnosis.unschedulablePlugins.add(name);
      }
      return fail();
    }
    if (feasible.length === 1) return { node: feasible[0].name };
    return { node: this.selectHost(feasible, this.score(ctx, pod, feasible)) };
  }

  /**
   * Filters nodes from the round-robin start until enough are feasible (numFeasibleNodesToFind of
   * the whole cluster), recording the first failing filter's status for each rejected node.
   */
  private findFeasible(ctx: PluginContext, pod: Pod, nodes: NodeInfo[], allNodes: number, skipped: Set<string>, diagnosis: Diagnosis): NodeInfo[] {
    const want = numFeasibleNodesToFind(allNodes);
    const feasible: NodeInfo[] = [];
    let examined = 0;
    const filters = this.plugins.filter((p) => isFilter(p) && !skipped.has(p.name)) as FilterPlugin[];
    for (; examined < nodes.length && feasible.length < want; examined++) {
      const node = nodes[(this.nextStartNodeIndex + examined) % nodes.length];
      let ok = true;
      for (const f of filters) {
        const st = f.filter(ctx, pod, node);
        if (st.code !== 'Success') {
          diagnosis.nodeStatuses.set(node.name, st);
          diagnosis.unschedulablePlugins.add(f.name);
          ok = false;
          break;
        }
      }
      if (ok) feasible.push(node);
    }
    this.nextStartNodeIndex = (this.nextStartNodeIndex + examined) % allNodes;
    return feasible;
  }

  /** Σ weight × normalized score per node, in the order of `nodes`. */
  score(ctx: PluginContext, pod: Pod, nodes: NodeInfo[]): number[] {
    const totals: number[] = new Array(nodes.length).fill(0);
    for (const p of this.plugins) {
      if (!isScore(p)) continue;
      if (isPreScore(p) && p.preScore(ctx, pod, nodes).code === 'Skip') continue;
      if (!p.normalize) {
        for (let i = 0; i < nodes.length; i++) totals[i] += p.score(ctx, pod, nodes[i]) * p.weight;
        continue;
      }
      const scores = new Map<string, number>();
      for (const n of nodes) scores.set(n.name, p.score(ctx, pod, n));
      p.normalize(ctx, pod, scores);
      let i = 0;
      for (const s of scores.values()) totals[i++] += s * p.weight;
    }
    return totals;
  }

  /** The highest score; among equals, each is chosen with equal probability (reservoir sampling). */
  private selectHost(nodes: NodeInfo[], scores: number[]): string {
    let best = '';
    let bestScore = -Infinity;
    let ties = 0;
    for (let i = 0; i < nodes.length; i++) {
      const s = scores[i];
      if (s > bestScore) {
        best = nodes[i].name;
        bestScore = s;
        ties = 1;
      } else if (s === bestScore) {
        ties++;
        if (this.random.int(ties) === 0) best = nodes[i].name;
      }
    }
    return best;
  }

  private setScheduledCondition(pod: Pod, reason: string, message: string): void {
    const existing = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (existing && existing.status === 'False' && existing.reason === reason && existing.message === message) return;
    const copy = clone(pod);
    const cond: Condition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: existing?.status === 'False' ? existing.lastTransitionTime : rfc3339(this.clock.now()),
      reason,
      message,
    };
    copy.status = { ...(copy.status ?? {}), conditions: [...(copy.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), cond] };
    try {
      this.api.updateStatus(copy);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}

/** Whether an update changed only the pod's status (stored pods share unchanged parts). */
function statusOnly(old: Pod | undefined, pod: Pod): boolean {
  if (!old) return false;
  const a = old.metadata;
  const b = pod.metadata;
  return old.spec === pod.spec && a.labels === b.labels && a.annotations === b.annotations && a.deletionTimestamp === b.deletionTimestamp && a.finalizers === b.finalizers;
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

export type { Node };
