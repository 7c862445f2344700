/**
 * The default plugins in upstream order (k8s pkg/scheduler/apis/config/v1/default_plugins.go),
 * which is also the order filters run in: NodeUnschedulable, NodeName, TaintToleration (score
 * weight 3), NodeAffinity (2), NodePorts, NodeResourcesFit (1), ..., and
 * NodeResourcesBalancedAllocation (1).
 */
import type { Plugin } from '../framework/types.ts';
import { BalancedAllocationPlugin } from './node-resources-balanced-allocation.ts';
import { NodeAffinityPlugin } from './node-affinity.ts';
import { NodeNamePlugin } from './node-name.ts';
import { NodePortsPlugin } from './node-ports.ts';
import { NodeResourcesFitPlugin } from './node-resources-fit.ts';
import { NodeUnschedulablePlugin } from './node-unschedulable.ts';
import { TaintTolerationPlugin } from './taint-toleration.ts';

export function defaultPlugins(): Plugin[] {
  return [
    new NodeUnschedulablePlugin(),
    new NodeNamePlugin(),
    new TaintTolerationPlugin(),
    new NodeAffinityPlugin(),
    new NodePortsPlugin(),
    new NodeResourcesFitPlugin(),
    new BalancedAllocationPlugin(),
  ];
}
