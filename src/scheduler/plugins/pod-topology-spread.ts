/**
 * PodTopologySpread (k8s plugins/podtopologyspread): spreads matching pods over topology domains.
 *
 * DoNotSchedule constraints filter: skew = pods matching in the node's domain + (1 if the pod
 * matches itself) − the minimum over eligible domains (0 when fewer domains than minDomains); a
 * node whose skew would exceed maxSkew fails, a node without the topology key fails as
 * "(missing required label)". ScheduleAnyway constraints score: each node scores
 * Σ count(domain) × log(domains + 2) + (maxSkew − 1), normalized so fewer matching pods is better.
 *
 * A pod without constraints gets the system defaults when a Service, ReplicaSet or StatefulSet
 * selects it: hostname maxSkew 3 and zone maxSkew 5, both ScheduleAnyway (scoring only).
 *
 * Worked example (score): a Deployment's 3rd pod, pods 1 and 2 on worker1, none on worker2, no
 * zones: hostname weight log(2 + 2) = 1.386; worker1 = 2 × 1.386 + 2 = 4.77 → 5, worker2 = 0 + 2
 * = 2; normalized 100 × (5 + 2 − s) / 5: worker1 40, worker2 100.
 */
import { matchesRequiredNodeAffinity } from '../../api/node-affinity.ts';
import { fromLabelSelector, fromMap, matches, type Selector } from '../../api/selector.ts';
import type { ObjectStore } from '../../api/store.ts';
import { tolerates } from '../../api/taints.ts';
import type { Pod, ReplicaSet, Service, StatefulSet, TopologySpreadConstraint } from '../../api/types/index.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import { MAX_NODE_SCORE, SKIP, SUCCESS, unresolvable, unschedulable, type FilterPlugin, type PluginContext, type PreFilterPlugin, type PreScorePlugin, type ScorePlugin, type Status } from '../framework/types.ts';

export const POD_TOPOLOGY_SPREAD = 'PodTopologySpread';
export const ERR_SPREAD = "node(s) didn't match pod topology spread constraints";
export const ERR_SPREAD_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";
const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const PRE_FILTER = 'PreFilterPodTopologySpread';
const PRE_SCORE = 'PreScorePodTopologySpread';

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  minDomains: number;
  selector: Selector;
  honorAffinity: boolean;
  honorTaints: boolean;
}

function convert(c: TopologySpreadConstraint, pod: Pod): Constraint {
  const selector = fromLabelSelector(c.labelSelector);
  const labels = pod.metadata.labels ?? {};
  for (const key of c.matchLabelKeys ?? []) if (key in labels) selector.requirements.push({ key, op: '=', values: [labels[key]] });
  return {
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    minDomains: c.minDomains ?? 1,
    selector,
    honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
    honorTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
  };
}

function hasEveryKey(list: Constraint[], labels: Record<string, string>): boolean {
  for (const c of list) if (!(c.topologyKey in labels)) return false;
  return true;
}

export class PodTopologySpreadPlugin implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = POD_TOPOLOGY_SPREAD;
  readonly weight = 2;

  constructor(private store: ObjectStore) {}

  /** DefaultSelector: the union of what the pod's Services and its ReplicaSet/StatefulSet select. */
  private defaultSelector(pod: Pod): Selector {
    const ns = pod.metadata.namespace ?? 'default';
    const merged: Record<string, string> = {};
    for (const svc of this.store.unsortedList<Service>('Service', { namespace: ns })) {
      const sel = svc.spec.selector;
      if (sel && Object.keys(sel).length && matches(fromMap(sel), pod.metadata.labels)) Object.assign(merged, sel);
    }
    const selector = fromMap(merged);
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (owner?.kind === 'ReplicaSet' || owner?.kind === 'StatefulSet') {
      const o = this.store.get<ReplicaSet | StatefulSet>(owner.kind, ns, owner.name);
      if (o) selector.requirements.push(...fromLabelSelector(o.spec.selector).requirements);
    }
    return selector;
  }

  private constraints(pod: Pod, when: 'DoNotSchedule' | 'ScheduleAnyway'): { list: Constraint[]; system: boolean } {
    const own = pod.spec.topologySpreadConstraints ?? [];
    if (own.length) return { list: own.filter((c) => c.whenUnsatisfiable === when).map((c) => convert(c, pod)), system: false };
    if (when === 'DoNotSchedule') return { list: [], system: true };
    const selector = this.defaultSelector(pod);
    if (selector.requirements.length === 0) return { list: [], system: true };
    const base = { minDomains: 1, selector, honorAffinity: true, honorTaints: false };
    return { list: [{ ...base, maxSkew: 3, topologyKey: HOSTNAME }, { ...base, maxSkew: 5, topologyKey: ZONE }], system: true };
  }

  /** Whether a node's pods count for a constraint (node inclusion policies). */
  private eligible(c: Constraint, pod: Pod, node: NodeInfo): boolean {
    if (c.honorAffinity && !matchesRequiredNodeAffinity(pod.spec, node.node)) return false;
    if (c.honorTaints && (node.node.spec.taints ?? []).some((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec.tolerations, t))) return false;
    return true;
  }

  /** Matching, non-terminating, assigned pods of the pod's namespace, counted per node (kept incrementally). */
  private countsByNode(c: Constraint, ns: string, snapshot: PluginContext['snapshot']): ReadonlyMap<string, number> {
    return snapshot.matching.counts(ns, c.selector);
  }

  /** Pod counts per domain value of the constraint's key, over eligible nodes having every key. */
  private domainCounts(c: Constraint, all: Constraint[], pod: Pod, nodes: NodeInfo[], requireAll: boolean, byNode: ReadonlyMap<string, number>): Map<string, number> {
    const counts = new Map<string, number>();
    for (const node of nodes) {
      const labels = node.node.metadata.labels ?? {};
      if (requireAll ? !all.every((x) => x.topologyKey in labels) : !(c.topologyKey in labels)) continue;
      if (!this.eligible(c, pod, node)) continue;
      counts.set(labels[c.topologyKey], (counts.get(labels[c.topologyKey]) ?? 0) + (byNode.get(node.name) ?? 0));
    }
    return counts;
  }

  preFilter(ctx: PluginContext, pod: Pod): Status {
    const { list } = this.constraints(pod, 'DoNotSchedule');
    if (list.length === 0) return SUCCESS;
    const nodes = ctx.snapshot.nodes();
    const state = list.map((c) => {
      const counts = this.domainCounts(c, list, pod, nodes, true, this.countsByNode(c, pod.metadata.namespace ?? 'default', ctx.snapshot));
      let min = counts.size ? Math.min(...counts.values()) : 0;
      if (counts.size < c.minDomains) min = 0;
      return { c, counts, min };
    });
    ctx.state.set(PRE_FILTER, state);
    return SUCCESS;
  }

  filter(ctx: PluginContext, pod: Pod, node: NodeInfo): Status {
    const state = ctx.state.get(PRE_FILTER) as { c: Constraint; counts: Map<string, number>; min: number }[] | undefined;
    if (!state) return SUCCESS;
    const labels = node.node.metadata.labels ?? {};
    for (const { c } of state) if (!(c.topologyKey in labels)) return unresolvable(ERR_SPREAD_LABEL);
    for (const { c, counts, min } of state) {
      const self = matches(c.selector, pod.metadata.labels) ? 1 : 0;
      const skew = (counts.get(labels[c.topologyKey]) ?? 0) + self - min;
      if (skew > c.maxSkew) return unschedulable(ERR_SPREAD);
    }
    return SUCCESS;
  }

  preScore(ctx: PluginContext, pod: Pod, nodes: NodeInfo[]): Status {
    const { list, system } = this.constraints(pod, 'ScheduleAnyway');
    if (list.length === 0 || nodes.length === 0) return SKIP;
    const requireAll = !system;
    const ignored = new Set<string>();
    const pairs = list.map(() => new Map<string, number>());
    const sizes = list.map(() => 0);
    // Whether any scored node has the constraint's key: without it the score never reads the domain counts.
    const present = list.map(() => false);
    for (const node of nodes) {
      const labels = node.node.metadata.labels ?? {};
      if (requireAll && !hasEveryKey(list, labels)) {
        ignored.add(node.name);
        continue;
      }
      for (let i = 0; i < list.length; i++) {
        const key = list[i].topologyKey;
        if (key === HOSTNAME) continue;
        if (key in labels) present[i] = true;
        const v = labels[key] ?? '';
        if (!pairs[i].has(v)) {
          pairs[i].set(v, 0);
          sizes[i]++;
        }
      }
    }
    // Domain counts come from every eligible node of the cluster, not only the feasible ones.
    const ns = pod.metadata.namespace ?? 'default';
    const byNode = list.map((c) => this.countsByNode(c, ns, ctx.snapshot));
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (c.topologyKey === HOSTNAME || !present[i]) continue;
      for (const [nodeName, n] of byNode[i]) {
        const node = ctx.snapshot.get(nodeName);
        if (!node) continue;
        const labels = node.node.metadata.labels ?? {};
        if (requireAll && !hasEveryKey(list, labels)) continue;
        if (!this.eligible(c, pod, node)) continue;
        const v = labels[c.topologyKey] ?? '';
        const cur = pairs[i].get(v);
        if (cur !== undefined) pairs[i].set(v, cur + n);
      }
    }
    const weights = list.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? nodes.length - ignored.size : sizes[i]) + 2));
    ctx.state.set(PRE_SCORE, { list, pairs, weights, ignored, byNode });
    return SUCCESS;
  }

  score(ctx: PluginContext, _pod: Pod, node: NodeInfo): number {
    const s = ctx.state.get(PRE_SCORE) as { list: Constraint[]; pairs: Map<string, number>[]; weights: number[]; ignored: Set<string>; byNode: ReadonlyMap<string, number>[] } | undefined;
    if (!s || s.ignored.has(node.name)) return 0;
    const labels = node.node.metadata.labels ?? {};
    let score = 0;
    for (let i = 0; i < s.list.length; i++) {
      const c = s.list[i];
      if (!(c.topologyKey in labels)) continue;
      const cnt = c.topologyKey === HOSTNAME ? s.byNode[i].get(node.name) ?? 0 : s.pairs[i].get(labels[c.topologyKey]) ?? 0;
      score += cnt * s.weights[i] + (c.maxSkew - 1);
    }
    return Math.round(score);
  }

  normalize(ctx: PluginContext, _pod: Pod, scores: Map<string, number>): void {
    const s = ctx.state.get(PRE_SCORE) as { ignored: Set<string> } | undefined;
    if (!s) return;
    let min = Infinity;
    let max = 0;
    for (const [n, v] of scores) {
      if (s.ignored.has(n)) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    for (const [n, v] of scores) {
      if (s.ignored.has(n)) scores.set(n, 0);
      else if (max === 0) scores.set(n, MAX_NODE_SCORE);
      else scores.set(n, Math.floor((MAX_NODE_SCORE * (max + min - v)) / max));
    }
  }
}
