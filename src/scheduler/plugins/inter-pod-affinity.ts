/**
 * InterPodAffinity (k8s plugins/interpodaffinity): required pod affinity and anti-affinity as a
 * filter, preferred terms as a score.
 *
 * PreFilter counts, per topology pair (key, value):
 *  - affinity: assigned pods matching ALL of the incoming pod's required affinity terms;
 *  - anti-affinity: assigned pods matching each of its required anti-affinity terms;
 *  - existing anti-affinity: assigned pods whose own required anti-affinity terms match the
 *    incoming pod (symmetry).
 * Filter, in this order: a node without a term's topology key, or whose domain has no pod the
 * affinity wants, fails "didn't match pod affinity rules" — unless no pod anywhere matches and
 * the pod matches its own terms (the first pod of a self-affine group); a domain holding a pod
 * the anti-affinity forbids fails "didn't match pod anti-affinity rules"; a domain holding a pod
 * whose anti-affinity forbids this pod fails "didn't satisfy existing pods anti-affinity rules".
 *
 * Candidate pods come from the label index (the pods a term's selector matches), so the cost
 * follows the matching pods, not the size of the cluster.
 */
import type { ObjectStore } from '../../api/store.ts';
import type { Pod } from '../../api/types/index.ts';
import {
  candidatePods, preferredAffinityTerms, preferredAntiAffinityTerms, requiredAffinityTerms, requiredAntiAffinityTerms, termMatches, type ResolvedTerm,
} from '../framework/affinity-terms.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { SchedulerSnapshot } from '../framework/snapshot.ts';
import { SKIP, SUCCESS, unresolvable, unschedulable, type FilterPlugin, type PluginContext, type PreFilterPlugin, type PreScorePlugin, type ScorePlugin, type Status } from '../framework/types.ts';

export const INTER_POD_AFFINITY = 'InterPodAffinity';
export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
/** Weight of an existing pod's required affinity term when scoring (hardPodAffinityWeight). */
const HARD_POD_AFFINITY_WEIGHT = 1;
const PRE_FILTER = 'PreFilterInterPodAffinity';
const PRE_SCORE = 'PreScoreInterPodAffinity';

type Counts = Map<string, number>;
const pair = (k: string, v: string) => `${k}\u0000${v}`;

interface PreFilterState {
  affinity: ResolvedTerm[];
  antiAffinity: ResolvedTerm[];
  affinityCounts: Counts;
  antiAffinityCounts: Counts;
  existingAntiAffinityCounts: Counts;
}

function add(c: Counts, k: string, v: number): void {
  c.set(k, (c.get(k) ?? 0) + v);
}

/** The labels of the node an assigned pod runs on. */
function nodeLabels(snapshot: SchedulerSnapshot, pod: Pod): Record<string, string> | undefined {
  const info = pod.spec.nodeName ? snapshot.get(pod.spec.nodeName) : undefined;
  return info?.node.metadata.labels;
}

function assigned(snapshot: SchedulerSnapshot, pod: Pod): boolean {
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  return !!pod.spec.nodeName && !!snapshot.get(pod.spec.nodeName)?.pods.has(key);
}

export class InterPodAffinityPlugin implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = INTER_POD_AFFINITY;
  readonly weight = 2;

  constructor(private store: ObjectStore) {}

  preFilter(ctx: PluginContext, pod: Pod): Status {
    const snapshot = ctx.snapshot;
    const state: PreFilterState = {
      affinity: requiredAffinityTerms(pod),
      antiAffinity: requiredAntiAffinityTerms(pod),
      affinityCounts: new Map(),
      antiAffinityCounts: new Map(),
      existingAntiAffinityCounts: new Map(),
    };
    for (const existing of snapshot.podsWithRequiredAntiAffinity.values()) {
      const labels = nodeLabels(snapshot, existing);
      if (!labels) continue;
      for (const t of requiredAntiAffinityTerms(existing)) {
        if (t.topologyKey in labels && termMatches(t, pod, this.store)) add(state.existingAntiAffinityCounts, pair(t.topologyKey, labels[t.topologyKey]), 1);
      }
    }
    if (state.affinity.length) {
      for (const existing of candidatePods(state.affinity[0], this.store)) {
        if (!assigned(snapshot, existing) || !state.affinity.every((t) => termMatches(t, existing, this.store))) continue;
        const labels = nodeLabels(snapshot, existing)!;
        for (const t of state.affinity) if (t.topologyKey in labels) add(state.affinityCounts, pair(t.topologyKey, labels[t.topologyKey]), 1);
      }
    }
    for (const t of state.antiAffinity) {
      for (const existing of candidatePods(t, this.store)) {
        if (!assigned(snapshot, existing) || !termMatches(t, existing, this.store)) continue;
        const labels = nodeLabels(snapshot, existing)!;
        if (t.topologyKey in labels) add(state.antiAffinityCounts, pair(t.topologyKey, labels[t.topologyKey]), 1);
      }
    }
    ctx.state.set(PRE_FILTER, state);
    return SUCCESS;
  }

  filter(ctx: PluginContext, pod: Pod, node: NodeInfo): Status {
    const s = ctx.state.get(PRE_FILTER) as PreFilterState | undefined;
    if (!s) return SUCCESS;
    const labels = node.node.metadata.labels ?? {};
    if (!this.satisfiesAffinity(s, pod, labels)) return unresolvable(ERR_AFFINITY);
    for (const t of s.antiAffinity) {
      if (t.topologyKey in labels && (s.antiAffinityCounts.get(pair(t.topologyKey, labels[t.topologyKey])) ?? 0) > 0) return unschedulable(ERR_ANTI_AFFINITY);
    }
    if (s.existingAntiAffinityCounts.size > 0) {
      for (const [k, v] of Object.entries(labels)) if ((s.existingAntiAffinityCounts.get(pair(k, v)) ?? 0) > 0) return unschedulable(ERR_EXISTING_ANTI_AFFINITY);
    }
    return SUCCESS;
  }

  private satisfiesAffinity(s: PreFilterState, pod: Pod, labels: Record<string, string>): boolean {
    let podsExist = true;
    for (const t of s.affinity) {
      if (!(t.topologyKey in labels)) return false;
      if ((s.affinityCounts.get(pair(t.topologyKey, labels[t.topologyKey])) ?? 0) <= 0) podsExist = false;
    }
    if (podsExist) return true;
    // The first pod of a group that has affinity to itself may go anywhere its keys exist.
    return s.affinityCounts.size === 0 && s.affinity.every((t) => termMatches(t, pod, this.store));
  }

  preScore(ctx: PluginContext, pod: Pod): Status {
    const snapshot = ctx.snapshot;
    const prefAff = preferredAffinityTerms(pod);
    const prefAnti = preferredAntiAffinityTerms(pod);
    const scores = new Map<string, Map<string, number>>();
    const bump = (key: string, value: string, w: number) => {
      let m = scores.get(key);
      if (!m) scores.set(key, (m = new Map()));
      m.set(value, (m.get(value) ?? 0) + w);
    };
    // The incoming pod's preferred terms, over the pods they match.
    for (const [terms, sign] of [[prefAff, 1], [prefAnti, -1]] as const) {
      for (const t of terms) {
        for (const existing of candidatePods(t, this.store)) {
          if (!assigned(snapshot, existing) || !termMatches(t, existing, this.store)) continue;
          const labels = nodeLabels(snapshot, existing)!;
          if (t.topologyKey in labels) bump(t.topologyKey, labels[t.topologyKey], sign * t.weight);
        }
      }
    }
    // Existing pods' terms that match the incoming pod (symmetry).
    for (const existing of snapshot.podsWithAffinity.values()) {
      const labels = nodeLabels(snapshot, existing);
      if (!labels) continue;
      const apply = (terms: ResolvedTerm[], weight: (t: ResolvedTerm) => number) => {
        for (const t of terms) if (t.topologyKey in labels && termMatches(t, pod, this.store)) bump(t.topologyKey, labels[t.topologyKey], weight(t));
      };
      apply(requiredAffinityTerms(existing), () => HARD_POD_AFFINITY_WEIGHT);
      apply(preferredAffinityTerms(existing), (t) => t.weight);
      apply(preferredAntiAffinityTerms(existing), (t) => -t.weight);
    }
    if (scores.size === 0) return SKIP;
    ctx.state.set(PRE_SCORE, scores);
    return SUCCESS;
  }

  score(ctx: PluginContext, _pod: Pod, node: NodeInfo): number {
    const scores = ctx.state.get(PRE_SCORE) as Map<string, Map<string, number>> | undefined;
    if (!scores) return 0;
    const labels = node.node.metadata.labels ?? {};
    let total = 0;
    for (const [key, byValue] of scores) if (key in labels) total += byValue.get(labels[key]) ?? 0;
    return total;
  }

  /** Min-max normalization to 0..100 (negative scores allowed before it). */
  normalize(_ctx: PluginContext, _pod: Pod, scores: Map<string, number>): void {
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores.values()) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    const diff = max - min;
    for (const [n, s] of scores) scores.set(n, diff > 0 ? Math.trunc((100 * (s - min)) / diff) : 0);
  }
}
