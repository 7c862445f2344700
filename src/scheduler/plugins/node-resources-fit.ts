/**
 * NodeResourcesFit: the filter checks that the pod's requests fit in what the node has left
 * (allocatable − requested by the pods already there) and that the node has room for one more
 * pod; it reports every shortage (`Insufficient cpu`, `Insufficient memory`, `Too many pods`).
 * The score is LeastAllocated: per resource (allocatable − requested) × 100 / allocatable, where
 * containers without requests count as 100m CPU / 200Mi memory, averaged with weights cpu 1,
 * memory 1.
 *
 * Worked example: a node with 4 CPU / 8Gi, 1 CPU and 2Gi requested, scoring a pod asking for
 * nothing (counted 100m / 200Mi): cpu (4000−1100)×100/4000 = 72, memory
 * (8192−2248)×100/8192 = 72 (integer division) → score 72.
 */
import { podRequests, type Resources } from '../../api/resources.ts';
import { SUCCESS, unschedulable, type FilterPlugin, type Pod, type PluginContext, type PreFilterPlugin, type ScorePlugin, type Status } from '../framework/types.ts';
import { MAX_NODE_SCORE } from '../framework/types.ts';
import type { NodeInfo } from '../framework/node-info.ts';

export const NODE_RESOURCES_FIT = 'NodeResourcesFit';
const STATE_KEY = 'PreFilterNodeResourcesFit';
const NONE: string[] = [];

export class NodeResourcesFitPlugin implements PreFilterPlugin, FilterPlugin, ScorePlugin {
  readonly name = NODE_RESOURCES_FIT;
  readonly weight = 1;

  preFilter(ctx: PluginContext, pod: Pod): Status {
    ctx.state.set(STATE_KEY, podRequests(pod));
    return SUCCESS;
  }

  filter(ctx: PluginContext, pod: Pod, node: NodeInfo): Status {
    const req = (ctx.state.get(STATE_KEY) as Resources | undefined) ?? podRequests(pod);
    const reasons = insufficientResources(req, node);
    return reasons.length ? unschedulable(...reasons) : SUCCESS;
  }

  score(_ctx: PluginContext, pod: Pod, node: NodeInfo): number {
    const alloc = node.allocatable();
    const podReq = podRequests(pod, true);
    const cpu = leastRequested(node.nonZeroRequested.cpu + podReq.cpu, alloc.cpu);
    const mem = leastRequested(node.nonZeroRequested.memory + podReq.memory, alloc.memory);
    const parts = [alloc.cpu ? cpu : undefined, alloc.memory ? mem : undefined].filter((x): x is number => x !== undefined);
    return parts.length ? Math.floor(parts.reduce((a, b) => a + b, 0) / parts.length) : 0;
  }
}

/** The reasons a pod with these requests does not fit the node (empty when it fits). */
export function insufficientResources(req: Resources, node: NodeInfo): string[] {
  const alloc = node.allocatable();
  if (node.pods.size + 1 <= alloc.pods && req.cpu <= alloc.cpu - node.requested.cpu && req.memory <= alloc.memory - node.requested.memory) return NONE;
  const reasons: string[] = [];
  if (node.pods.size + 1 > alloc.pods) reasons.push('Too many pods');
  if (req.cpu === 0 && req.memory === 0) return reasons;
  if (req.cpu > 0 && req.cpu > alloc.cpu - node.requested.cpu) reasons.push('Insufficient cpu');
  if (req.memory > 0 && req.memory > alloc.memory - node.requested.memory) reasons.push('Insufficient memory');
  return reasons;
}

function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}
