/**
 * NodeAffinity: the filter requires nodeSelector and required node affinity to match; the score
 * sums the weights of the preferred terms a node matches, normalized so the best node gets 100.
 *
 * Worked example: preferred terms {weight 80: compute.power=high}, {weight 20: zone=a}; node A
 * matches both (100), B only the first (80), C none (0) → normalized 100, 80, 0, × weight 2.
 */
import { matchesRequiredNodeAffinity, matchesTerm } from '../../api/node-affinity.ts';
import { MAX_NODE_SCORE, SKIP, SUCCESS, unresolvable, type FilterPlugin, type Pod, type PluginContext, type PreFilterPlugin, type PreFilterStatus, type PreScorePlugin, type ScorePlugin, type Status } from '../framework/types.ts';
import type { NodeInfo } from '../framework/node-info.ts';

export const NODE_AFFINITY = 'NodeAffinity';
export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const ERR_CONFLICT = "pod affinity terms conflict";

export class NodeAffinityPlugin implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NODE_AFFINITY;
  readonly weight = 2;

  /**
   * Skip without a nodeSelector or required terms; with required terms that each name nodes by
   * `matchFields metadata.name In`, only those nodes are filtered (how a DaemonSet pod is placed
   * without evaluating every node). Terms are ORed, requirements within a term ANDed.
   */
  preFilter(_ctx: PluginContext, pod: Pod): PreFilterStatus {
    const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    if (!terms && !pod.spec.nodeSelector) return SKIP;
    if (!terms || terms.length === 0) return SUCCESS;
    let names: Set<string> | undefined;
    for (const t of terms) {
      let termNames: Set<string> | undefined;
      for (const r of t.matchFields ?? []) {
        if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
        const values = new Set(r.values ?? []);
        termNames = termNames ? new Set([...termNames].filter((n) => values.has(n))) : values;
      }
      if (!termNames) return SUCCESS;
      names = new Set([...(names ?? []), ...termNames]);
    }
    if (names && names.size === 0) return unresolvable(ERR_CONFLICT);
    return names ? { ...SUCCESS, nodeNames: names } : SUCCESS;
  }

  filter(_ctx: PluginContext, pod: Pod, node: NodeInfo): Status {
    return matchesRequiredNodeAffinity(pod.spec, node.node) ? SUCCESS : unresolvable(ERR_NODE_AFFINITY);
  }

  /** Nothing to score without preferred terms (upstream's PreScore Skip). */
  preScore(_ctx: PluginContext, pod: Pod): Status {
    return pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ? SUCCESS : SKIP;
  }

  score(_ctx: PluginContext, pod: Pod, node: NodeInfo): number {
    let total = 0;
    for (const t of pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (t.weight !== 0 && matchesTerm(t.preference, node.node)) total += t.weight;
    }
    return total;
  }

  normalize(_ctx: PluginContext, _pod: Pod, scores: Map<string, number>): void {
    let max = 0;
    for (const s of scores.values()) if (s > max) max = s;
    if (max === 0) return;
    for (const [name, s] of scores) scores.set(name, Math.floor((s * MAX_NODE_SCORE) / max));
  }
}
