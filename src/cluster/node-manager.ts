/**
 * The machines of the cluster: a node joining (its kubelet starts and registers the Node object),
 * its kubelet stopping and starting again, and the machine going away (its Node object deleted).
 */
import type { Node } from '../api/types/index.ts';
import type { Kubelet } from '../kubelet/kubelet.ts';
import type { StaticPodManager } from '../kubelet/static-pods.ts';
import { addStaticFile } from './sim-actions.ts';
import type { Cluster } from './cluster.ts';
import { buildNode, type NodeConfig } from './nodes.ts';

export class NodeManager {
  private configs = new Map<string, NodeConfig>();
  private nextIndex = 0;

  constructor(
    private cluster: Cluster,
    private kubelet: Kubelet,
    private staticPods: StaticPodManager,
  ) {}

  /** A new machine registers its Node object and its kubelet starts. */
  join(cfg: NodeConfig, index = this.nextIndex): Node {
    this.nextIndex = Math.max(this.nextIndex, index + 1);
    this.configs.set(cfg.name, cfg);
    const node = this.cluster.api.create(buildNode(cfg, index, this.cluster.now()));
    this.kubelet.startNode(node);
    for (const [file, text] of Object.entries(cfg.staticPods ?? {})) {
      addStaticFile(this.cluster, cfg.name, file, { text, file: `${cfg.name}:/etc/kubernetes/manifests/${file}` });
    }
    return node;
  }

  config(name: string): NodeConfig | undefined {
    return this.configs.get(name);
  }

  /** Machines that have joined (whether or not their kubelet runs). */
  machines(): string[] {
    return [...this.configs.keys()];
  }

  isRunning(name: string): boolean {
    return this.kubelet.agent(name)?.up ?? false;
  }

  stop(name: string): void {
    this.kubelet.stopNode(name);
  }

  start(name: string): void {
    const node = this.cluster.store.get<Node>('Node', '', name);
    if (node) this.kubelet.startNode(node);
  }

  /** The machine is gone: its kubelet with it, and its Node object is deleted. */
  remove(name: string): void {
    this.kubelet.removeNode(name);
    this.staticPods.forgetNode(name);
    this.configs.delete(name);
    if (this.cluster.store.get('Node', '', name)) this.cluster.api.delete('Node', '', name);
  }
}
