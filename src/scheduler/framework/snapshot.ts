/**
 * The scheduler's cache (k8s pkg/scheduler/backend/cache): a NodeInfo per node, updated from
 * watch events. A pod counts on its node from the moment it is bound until it is deleted or
 * reaches a terminal phase (the scheduler's informer ignores Succeeded and Failed pods).
 */
import { objectKey } from '../../api/object-util.ts';
import type { ObjectStore, WatchEvent } from '../../api/store.ts';
import type { Node, Pod } from '../../api/types/index.ts';
import { NodeInfo } from './node-info.ts';
import { hasAffinity, hasRequiredAntiAffinity } from './affinity-terms.ts';
import { MatchingPodCounts } from './matching-pods.ts';

/** An image on some nodes (ImageStateSummary): its size and how many nodes have it. */
export interface ImageState {
  size: number;
  nodes: Set<string>;
}

function counts(pod: Pod | undefined): pod is Pod {
  if (!pod || !pod.spec.nodeName) return false;
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

export class SchedulerSnapshot {
  private infos = new Map<string, NodeInfo>();
  private sorted: NodeInfo[] | undefined;
  /** Assigned pods with any pod (anti-)affinity, and those with required anti-affinity. */
  readonly podsWithAffinity = new Map<string, Pod>();
  readonly podsWithRequiredAntiAffinity = new Map<string, Pod>();
  /** Images by every name the nodes report for them. */
  readonly images = new Map<string, ImageState>();
  /** Matching pods per node for the selectors PodTopologySpread asks about. */
  readonly matching: MatchingPodCounts;

  constructor(private store: ObjectStore) {
    this.matching = new MatchingPodCounts(store, (name) => this.infos.has(name));
    store.watch('Node', (e) => this.onNode(e));
    store.watch('Pod', (e) => this.onPod(e));
  }

  private onNode(e: WatchEvent): void {
    const node = e.object as Node;
    const name = node.metadata.name;
    if (e.type !== 'ADDED' && (e.type === 'DELETED' || (e.old as Node).status?.images !== node.status?.images)) this.indexImages(e.old as Node, false);
    if (e.type === 'DELETED') {
      this.infos.delete(name);
      this.sorted = undefined;
      this.matching.clear();
      return;
    }
    if (e.type === 'ADDED' || (e.old as Node).status?.images !== node.status?.images) this.indexImages(node, true);
    const info = this.infos.get(name);
    if (info) info.node = node;
    else {
      const fresh = new NodeInfo(node);
      // Pods bound to the name before the node (re)joined count on it from now on.
      for (const pod of this.store.podsOnNode<Pod>(name)) if (counts(pod)) fresh.addPod(objectKey(pod), pod);
      this.infos.set(name, fresh);
      this.sorted = undefined;
      this.matching.clear();
    }
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object as Pod;
    const old = e.old as Pod | undefined;
    const key = objectKey(pod);
    this.matching.onPod(old, e.type === 'DELETED' ? undefined : pod);
    if (counts(old) && (e.type === 'DELETED' || !counts(pod) || old.spec.nodeName !== pod.spec.nodeName)) {
      this.nodeFor(old.spec.nodeName!)?.removePod(key);
    }
    this.podsWithAffinity.delete(key);
    this.podsWithRequiredAntiAffinity.delete(key);
    if (e.type !== 'DELETED' && counts(pod)) {
      this.nodeFor(pod.spec.nodeName!)?.addPod(key, pod);
      if (hasAffinity(pod)) this.podsWithAffinity.set(key, pod);
      if (hasRequiredAntiAffinity(pod)) this.podsWithRequiredAntiAffinity.set(key, pod);
    }
  }

  /** A pod bound to a node that does not exist (nodeName set by hand) is not counted anywhere. */
  private nodeFor(name: string): NodeInfo | undefined {
    return this.infos.get(name);
  }

  /** Counts a pod on a node before it is bound (a reservation while its volumes bind). */
  assume(key: string, node: string, pod: Pod): void {
    this.infos.get(node)?.addPod(key, { ...pod, spec: { ...pod.spec, nodeName: node } });
  }

  forget(key: string, node: string): void {
    const info = this.infos.get(node);
    const pod = info?.pods.get(key);
    if (pod && !this.store.get<Pod>('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name)?.spec.nodeName) info!.removePod(key);
  }

  private indexImages(node: Node | undefined, add: boolean): void {
    if (!node) return;
    for (const img of node.status?.images ?? []) {
      for (const n of img.names) {
        let st = this.images.get(n);
        if (!st && add) this.images.set(n, (st = { size: img.sizeBytes, nodes: new Set() }));
        if (!st) continue;
        if (add) st.nodes.add(node.metadata.name);
        else {
          st.nodes.delete(node.metadata.name);
          if (st.nodes.size === 0) this.images.delete(n);
        }
      }
    }
  }

  get(name: string): NodeInfo | undefined {
    return this.infos.get(name);
  }

  /** Every node, by name. */
  nodes(): NodeInfo[] {
    if (!this.sorted) this.sorted = [...this.infos.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return this.sorted;
  }
}
