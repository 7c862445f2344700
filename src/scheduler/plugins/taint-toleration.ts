/**
 * TaintToleration: the filter rejects nodes with a NoSchedule or NoExecute taint the pod does not
 * tolerate (v1.32 wording names the first such taint); the score prefers nodes with fewer
 * untolerated PreferNoSchedule taints: raw score = their count, normalized in reverse so the node
 * with the most gets 0 and a node with none gets 100.
 *
 * Worked example: nodes A (0 untolerated), B (1), C (2) → scores 100, 50, 0, × weight 3.
 */
import { firstUntolerated, tolerates } from '../../api/taints.ts';
import { MAX_NODE_SCORE, SUCCESS, unresolvable, type FilterPlugin, type Pod, type PluginContext, type ScorePlugin, type Status } from '../framework/types.ts';
import type { NodeInfo } from '../framework/node-info.ts';

export const TAINT_TOLERATION = 'TaintToleration';

export function untoleratedTaintMessage(key: string, value: string | undefined): string {
  return `node(s) had untolerated taint {${key}: ${value ?? ''}}`;
}

export class TaintTolerationPlugin implements FilterPlugin, ScorePlugin {
  readonly name = TAINT_TOLERATION;
  readonly weight = 3;

  filter(_ctx: PluginContext, pod: Pod, node: NodeInfo): Status {
    const taint = firstUntolerated(node.node.spec.taints, pod.spec.tolerations, ['NoSchedule', 'NoExecute']);
    if (!taint) return SUCCESS;
    return unresolvable(untoleratedTaintMessage(taint.key, taint.value));
  }

  score(_ctx: PluginContext, pod: Pod, node: NodeInfo): number {
    const taints = node.node.spec.taints;
    if (!taints || taints.length === 0) return 0;
    // Only tolerations with an empty effect or PreferNoSchedule count here (getAllTolerationPreferNoSchedule).
    const tolerations = (pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return taints.filter((t) => t.effect === 'PreferNoSchedule' && !tolerates(tolerations, t)).length;
  }

  normalize(_ctx: PluginContext, _pod: Pod, scores: Map<string, number>): void {
    let max = 0;
    for (const s of scores.values()) if (s > max) max = s;
    for (const [name, s] of scores) scores.set(name, max === 0 ? MAX_NODE_SCORE : MAX_NODE_SCORE - Math.floor((s * MAX_NODE_SCORE) / max));
  }
}
