/**
 * The machines of the cluster: nodes joining (the kubelet registers its Node object), and later
 * stopping, starting and leaving.
 */
import type { Cluster } from './cluster.ts';
import { buildNode, type NodeConfig } from './nodes.ts';

export class NodeManager {
  private configs = new Map<string, NodeConfig>();
  private nextIndex = 0;

  constructor(private cluster: Cluster) {}

  /** A new machine registers its Node object. */
  join(cfg: NodeConfig, index = this.nextIndex): void {
    this.nextIndex = Math.max(this.nextIndex, index + 1);
    this.configs.set(cfg.name, cfg);
    this.cluster.api.create(buildNode(cfg, index, this.cluster.now()));
  }

  config(name: string): NodeConfig | undefined {
    return this.configs.get(name);
  }
}
