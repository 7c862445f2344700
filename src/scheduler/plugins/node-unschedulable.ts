/**
 * NodeUnschedulable: a cordoned node (spec.unschedulable) takes no new pods, unless the pod
 * tolerates the `node.kubernetes.io/unschedulable:NoSchedule` taint.
 */
import { tolerates } from '../../api/taints.ts';
import { SUCCESS, unresolvable, type FilterPlugin, type Pod, type Status } from '../framework/types.ts';
import type { NodeInfo } from '../framework/node-info.ts';

export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';
export const ERR_NODE_UNSCHEDULABLE = 'node(s) were unschedulable';

export class NodeUnschedulablePlugin implements FilterPlugin {
  readonly name = NODE_UNSCHEDULABLE;

  filter(_ctx: unknown, pod: Pod, node: NodeInfo): Status {
    if (!node.node.spec.unschedulable) return SUCCESS;
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };
    if (tolerates(pod.spec.tolerations, taint)) return SUCCESS;
    return unresolvable(ERR_NODE_UNSCHEDULABLE);
  }
}
