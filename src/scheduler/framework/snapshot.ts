/**
 * The scheduler's cache (k8s pkg/scheduler/backend/cache): a NodeInfo per node, updated from
 * watch events. A pod counts on its node from the moment it is bound until it is deleted or
 * reaches a terminal phase (the scheduler's informer ignores Succeeded and Failed pods).
 */
import { objectKey } from '../../api/object-util.ts';
import type { ObjectStore, WatchEvent } from '../../api/store.ts';
import type { Node, Pod } from '../../api/types/index.ts';
import { NodeInfo } from './node-info.ts';

function counts(pod: Pod | undefined): pod is Pod {
  if (!pod || !pod.spec.nodeName) return false;
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

export class SchedulerSnapshot {
  private infos = new Map<string, NodeInfo>();
  private sorted: NodeInfo[] | undefined;

  constructor(private store: ObjectStore) {
    store.watch('Node', (e) => this.onNode(e));
    store.watch('Pod', (e) => this.onPod(e));
  }

  private onNode(e: WatchEvent): void {
    const node = e.object as Node;
    const name = node.metadata.name;
    if (e.type === 'DELETED') {
      this.infos.delete(name);
      this.sorted = undefined;
      return;
    }
    const info = this.infos.get(name);
    if (info) info.node = node;
    else {
      const fresh = new NodeInfo(node);
      // Pods bound to the name before the node (re)joined count on it from now on.
      for (const pod of this.store.podsOnNode<Pod>(name)) if (counts(pod)) fresh.addPod(objectKey(pod), pod);
      this.infos.set(name, fresh);
      this.sorted = undefined;
    }
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object as Pod;
    const old = e.old as Pod | undefined;
    const key = objectKey(pod);
    if (counts(old) && (e.type === 'DELETED' || !counts(pod) || old.spec.nodeName !== pod.spec.nodeName)) {
      this.nodeFor(old.spec.nodeName!)?.removePod(key);
    }
    if (e.type !== 'DELETED' && counts(pod)) this.nodeFor(pod.spec.nodeName!)?.addPod(key, pod);
  }

  /** A pod bound to a node that does not exist (nodeName set by hand) is not counted anywhere. */
  private nodeFor(name: string): NodeInfo | undefined {
    return this.infos.get(name);
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
