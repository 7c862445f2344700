/**
 * The default plugins in upstream order (k8s pkg/scheduler/apis/config/v1/default_plugins.go),
 * which is also the order filters run in: NodeUnschedulable, NodeName, TaintToleration (score
 * weight 3), NodeAffinity (2), NodePorts, NodeResourcesFit (1), VolumeBinding, PodTopologySpread
 * (2), InterPodAffinity (2), NodeResourcesBalancedAllocation (1), ImageLocality (1).
 */
import type { ObjectStore } from '../../api/store.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { Plugin } from '../framework/types.ts';
import { ImageLocalityPlugin } from './image-locality.ts';
import { InterPodAffinityPlugin } from './inter-pod-affinity.ts';
import { PodTopologySpreadPlugin } from './pod-topology-spread.ts';
import { VolumeBindingPlugin } from './volume-binding.ts';
import { BalancedAllocationPlugin } from './node-resources-balanced-allocation.ts';
import { NodeAffinityPlugin } from './node-affinity.ts';
import { NodeNamePlugin } from './node-name.ts';
import { NodePortsPlugin } from './node-ports.ts';
import { NodeResourcesFitPlugin } from './node-resources-fit.ts';
import { NodeUnschedulablePlugin } from './node-unschedulable.ts';
import { TaintTolerationPlugin } from './taint-toleration.ts';

export function defaultPlugins(store: ObjectStore, api: ApiServer): Plugin[] {
  return [
    new NodeUnschedulablePlugin(),
    new NodeNamePlugin(),
    new TaintTolerationPlugin(),
    new NodeAffinityPlugin(),
    new NodePortsPlugin(),
    new NodeResourcesFitPlugin(),
    new VolumeBindingPlugin(store, api),
    new PodTopologySpreadPlugin(store),
    new InterPodAffinityPlugin(store),
    new BalancedAllocationPlugin(),
    new ImageLocalityPlugin(),
  ];
}
