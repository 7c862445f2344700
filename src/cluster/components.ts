/**
 * The cluster's moving parts, registered with the controller manager in a fixed order so that
 * every run reacts in the same order.
 */
import type { Cluster } from './cluster.ts';
import { NodeManager } from './node-manager.ts';

export interface Components {
  nodes: NodeManager;
}

export function registerComponents(cluster: Cluster): Components {
  const nodes = new NodeManager(cluster);
  return { nodes };
}
