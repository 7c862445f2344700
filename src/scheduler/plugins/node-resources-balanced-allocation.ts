/**
 * NodeResourcesBalancedAllocation: prefers nodes whose CPU and memory would be used in similar
 * proportions: score = (1 − |cpuFraction − memFraction| / 2) × 100, fractions capped at 1, using
 * actual requests (pods that request nothing are skipped).
 *
 * Worked example: after placing the pod a node would have 50% CPU and 20% memory requested →
 * std = |0.5 − 0.2| / 2 = 0.15 → score 85.
 */
import { podRequests } from '../../api/resources.ts';
import { SKIP, SUCCESS, type Pod, type PluginContext, type PreScorePlugin, type ScorePlugin, type Status } from '../framework/types.ts';
import { MAX_NODE_SCORE } from '../framework/types.ts';
import type { NodeInfo } from '../framework/node-info.ts';

export const BALANCED_ALLOCATION = 'NodeResourcesBalancedAllocation';

export class BalancedAllocationPlugin implements PreScorePlugin, ScorePlugin {
  readonly name = BALANCED_ALLOCATION;
  readonly weight = 1;

  preScore(_ctx: PluginContext, pod: Pod): Status {
    const r = podRequests(pod);
    return r.cpu === 0 && r.memory === 0 ? SKIP : SUCCESS;
  }

  score(_ctx: PluginContext, pod: Pod, node: NodeInfo): number {
    const alloc = node.allocatable();
    const req = podRequests(pod);
    const fractions: number[] = [];
    if (alloc.cpu) fractions.push(Math.min(1, (node.requested.cpu + req.cpu) / alloc.cpu));
    if (alloc.memory) fractions.push(Math.min(1, (node.requested.memory + req.memory) / alloc.memory));
    let std = 0;
    if (fractions.length === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  }
}
