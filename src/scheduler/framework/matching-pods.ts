/**
 * Matching pods per node, kept incrementally (the counting PodTopologySpread does for each pod).
 *
 * A count is asked for by (namespace, selector). The first time, it is built from the store's label
 * index; from then on every pod event adjusts it, so the next pod of a 10,000-replica Deployment
 * costs the same as the second. Counted pods are assigned to a node the scheduler knows, not in a
 * terminal phase and not terminating, as upstream's countPodsMatchSelector counts them.
 *
 * The cache holds the most recently used selectors (a Deployment's pods all ask for the same one)
 * and forgets the least recently used past its size; a node joining or leaving clears it, since
 * which pods count depends on the nodes.
 */
import { matches, selectorString, type Selector } from '../../api/selector.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { Pod } from '../../api/types/index.ts';

const MAX_ENTRIES = 512;

interface Entry {
  ns: string;
  selector: Selector;
  byNode: Map<string, number>;
}

export class MatchingPodCounts {
  /** Entries by `ns|selector`, in least-recently-used order. */
  private entries = new Map<string, Entry>();
  /** The same entries by namespace, for the pod events that adjust them. */
  private byNamespace = new Map<string, Set<Entry>>();

  constructor(
    private store: ObjectStore,
    private knownNode: (name: string) => boolean,
  ) {}

  /** Matching pods per node name; read-only for the caller. */
  counts(ns: string, selector: Selector): ReadonlyMap<string, number> {
    const key = `${ns}|${selector.nothing ? '<nothing>' : selectorString(selector)}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.byNode;
    }
    const entry: Entry = { ns, selector, byNode: new Map() };
    for (const pod of this.store.unsortedList<Pod>('Pod', { namespace: ns, selector })) this.adjust(entry, pod, 1);
    this.entries.set(key, entry);
    let set = this.byNamespace.get(ns);
    if (!set) this.byNamespace.set(ns, (set = new Set()));
    set.add(entry);
    if (this.entries.size > MAX_ENTRIES) this.evict(this.entries.keys().next().value!);
    return entry.byNode;
  }

  /** A pod changed from `old` to `pod` (either may be absent). */
  onPod(old: Pod | undefined, pod: Pod | undefined): void {
    const ns = (pod ?? old)!.metadata.namespace ?? 'default';
    const set = this.byNamespace.get(ns);
    if (!set) return;
    for (const entry of set) {
      if (old) this.adjust(entry, old, -1);
      if (pod) this.adjust(entry, pod, 1);
    }
  }

  clear(): void {
    this.entries.clear();
    this.byNamespace.clear();
  }

  private adjust(entry: Entry, pod: Pod, delta: number): void {
    const node = pod.spec.nodeName;
    if (!node || pod.metadata.deletionTimestamp || !this.knownNode(node)) return;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    if (!matches(entry.selector, pod.metadata.labels)) return;
    const n = (entry.byNode.get(node) ?? 0) + delta;
    if (n === 0) entry.byNode.delete(node);
    else entry.byNode.set(node, n);
  }

  private evict(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.byNamespace.get(entry.ns)?.delete(entry);
  }
}
