/**
 * NodeName: a pod that names a node (spec.nodeName) fits only that node. Pods created with
 * nodeName never reach the scheduler; this filter matters for preemption and simulations.
 */
import { SUCCESS, unresolvable, type FilterPlugin, type Pod, type Status } from '../framework/types.ts';
import type { NodeInfo } from '../framework/node-info.ts';

export const NODE_NAME = 'NodeName';
export const ERR_NODE_NAME = "node(s) didn't match the requested node name";

export class NodeNamePlugin implements FilterPlugin {
  readonly name = NODE_NAME;

  filter(_ctx: unknown, pod: Pod, node: NodeInfo): Status {
    if (!pod.spec.nodeName || pod.spec.nodeName === node.name) return SUCCESS;
    return unresolvable(ERR_NODE_NAME);
  }
}
