/**
 * The API object store: every object of the cluster, indexed so that no lookup scans the cluster.
 *
 * Indexes: kind → namespace → name; uid; owner uid → dependents; node name → pods; per kind,
 * label `key=value` and label key → objects. Stored objects are deep-frozen: readers share them,
 * writers clone, change and write back (the API server does the writing).
 *
 * Watch: subscribers of a kind receive ADDED / MODIFIED / DELETED events synchronously, after the
 * indexes are updated. Handlers must only record work (enqueue keys), never write back at once.
 */
import { deepFreeze } from './object-util.ts';
import type { Requirement, Selector } from './selector.ts';
import { matches } from './selector.ts';
import type { KubeObject } from './types/index.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** The previous state, for MODIFIED and DELETED. */
  old?: KubeObject;
}

export type WatchHandler = (event: WatchEvent) => void;

const ref = (kind: string, ns: string, name: string) => `${kind}\u0000${ns}\u0000${name}`;

class KindTable {
  readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  /**
   * Label index: `key=value` and `key` → the objects' `namespace\0name` refs. Refs, not objects,
   * so a write that keeps the labels (a status update, the common case) leaves the index alone.
   */
  readonly byLabel = new Map<string, Set<string>>();
  readonly byLabelKey = new Map<string, Set<string>>();
  size = 0;
  /**
   * The list order (namespace, then name), kept until an object is added or removed: an update
   * does not move an object, so a listing of a busy kind sorts only after its membership changed.
   */
  private sortedNamespaces?: string[];
  private sortedNames = new Map<string, string[]>();

  get(ns: string, name: string): KubeObject | undefined {
    return this.byNamespace.get(ns)?.get(name);
  }

  resolve(ref: string): KubeObject | undefined {
    const i = ref.indexOf('\u0000');
    return this.get(ref.slice(0, i), ref.slice(i + 1));
  }

  put(obj: KubeObject, old: KubeObject | undefined): void {
    const ns = obj.metadata.namespace ?? '';
    let names = this.byNamespace.get(ns);
    if (!names) {
      this.byNamespace.set(ns, (names = new Map()));
      this.sortedNamespaces = undefined;
    }
    if (!old) {
      this.size++;
      this.sortedNames.delete(ns);
    }
    names.set(obj.metadata.name, obj);
    if (old && sameLabels(old.metadata.labels, obj.metadata.labels)) return;
    if (old) this.unindexLabels(old);
    this.indexLabels(obj);
  }

  remove(obj: KubeObject): void {
    const ns = obj.metadata.namespace ?? '';
    const names = this.byNamespace.get(ns);
    if (!names?.delete(obj.metadata.name)) return;
    this.sortedNames.delete(ns);
    if (names.size === 0) {
      this.byNamespace.delete(ns);
      this.sortedNamespaces = undefined;
    }
    this.size--;
    this.unindexLabels(obj);
  }

  /** Every object in list order: by namespace ('' for cluster-scoped kinds), then name. */
  sortedAll(): KubeObject[] {
    this.sortedNamespaces ??= [...this.byNamespace.keys()].sort();
    const out: KubeObject[] = [];
    for (const n of this.sortedNamespaces) this.sorted(n, out);
    return out;
  }

  /** The objects of one namespace in list order, appended to `out`. */
  sorted(ns: string, out: KubeObject[] = []): KubeObject[] {
    const names = this.byNamespace.get(ns);
    if (!names) return out;
    let order = this.sortedNames.get(ns);
    if (!order) this.sortedNames.set(ns, (order = [...names.keys()].sort()));
    for (const name of order) out.push(names.get(name)!);
    return out;
  }

  private indexLabels(obj: KubeObject): void {
    const labels = obj.metadata.labels;
    if (!labels) return;
    const r = labelRef(obj);
    for (const k in labels) {
      addTo(this.byLabel, `${k}=${labels[k]}`, r);
      addTo(this.byLabelKey, k, r);
    }
  }

  private unindexLabels(obj: KubeObject): void {
    const labels = obj.metadata.labels;
    if (!labels) return;
    const r = labelRef(obj);
    for (const k in labels) {
      removeFrom(this.byLabel, `${k}=${labels[k]}`, r);
      removeFrom(this.byLabelKey, k, r);
    }
  }
}

const labelRef = (obj: KubeObject) => `${obj.metadata.namespace ?? ''}\u0000${obj.metadata.name}`;

function sameLabels(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

function addTo<K, V>(m: Map<K, Set<V>>, key: K, v: V): void {
  let s = m.get(key);
  if (!s) m.set(key, (s = new Set()));
  s.add(v);
}

function removeFrom<K, V>(m: Map<K, Set<V>>, key: K, v: V): void {
  const s = m.get(key);
  if (!s) return;
  s.delete(v);
  if (s.size === 0) m.delete(key);
}

export interface ListOptions {
  /** Omit or '' for all namespaces. */
  namespace?: string;
  selector?: Selector;
}

function byNamespaceThenName(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export class ObjectStore {
  private tables = new Map<string, KindTable>();
  private byUid = new Map<string, KubeObject>();
  private dependents = new Map<string, Set<string>>();
  private podsByNode = new Map<string, Map<string, KubeObject>>();
  private watchers = new Map<string, WatchHandler[]>();
  private allWatchers: WatchHandler[] = [];
  private rv = 0;

  /** The latest resourceVersion handed out. */
  resourceVersion(): number {
    return this.rv;
  }

  nextResourceVersion(): string {
    return String(++this.rv);
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.tables.get(kind)?.get(namespace ?? '', name) as T | undefined;
  }

  getByUid(uid: string): KubeObject | undefined {
    return this.byUid.get(uid);
  }

  count(kind: string, namespace?: string): number {
    const t = this.tables.get(kind);
    if (!t) return 0;
    if (namespace === undefined || namespace === '') return t.size;
    return t.byNamespace.get(namespace)?.size ?? 0;
  }

  /** Namespaces (of a kind) that hold at least one object. */
  namespacesOf(kind: string): string[] {
    return [...(this.tables.get(kind)?.byNamespace.keys() ?? [])];
  }

  /**
   * Objects of a kind, sorted by namespace then name as the API lists them. A label selector is
   * answered from the label index: the smallest `key=value` set is filtered by the rest.
   */
  list<T extends KubeObject = KubeObject>(kind: string, opts: ListOptions = {}): T[] {
    if (!opts.selector) {
      const t = this.tables.get(kind);
      return (!t ? [] : opts.namespace ? t.sorted(opts.namespace) : t.sortedAll()) as T[];
    }
    const out = this.unsortedList(kind, opts);
    return out.sort(byNamespaceThenName) as T[];
  }

  /** As list(), in index order (cheaper, still deterministic). */
  unsortedList<T extends KubeObject = KubeObject>(kind: string, opts: ListOptions = {}): T[] {
    const t = this.tables.get(kind);
    if (!t) return [];
    const ns = opts.namespace ?? '';
    const sel = opts.selector;
    if (sel?.nothing) return [];
    const candidates = sel ? this.candidates(t, sel.requirements) : undefined;
    const out: KubeObject[] = [];
    if (candidates) {
      for (const r of candidates) {
        const o = t.resolve(r);
        if (!o) continue;
        if (ns && (o.metadata.namespace ?? '') !== ns) continue;
        if (matches(sel!, o.metadata.labels)) out.push(o);
      }
    } else if (ns) {
      for (const o of t.byNamespace.get(ns)?.values() ?? []) if (!sel || matches(sel, o.metadata.labels)) out.push(o);
    } else {
      for (const names of t.byNamespace.values())
        for (const o of names.values()) if (!sel || matches(sel, o.metadata.labels)) out.push(o);
    }
    return out as T[];
  }

  private candidates(t: KindTable, reqs: Requirement[]): Iterable<string> | undefined {
    let best: Set<string> | undefined;
    for (const r of reqs) {
      let s: Set<string> | undefined;
      if (r.op === '=') s = t.byLabel.get(`${r.key}=${r.values[0]}`) ?? new Set();
      else if (r.op === 'exists' || r.op === 'in') s = t.byLabelKey.get(r.key) ?? new Set();
      else continue;
      if (!best || s.size < best.size) best = s;
    }
    return best;
  }

  /** Objects whose ownerReferences name this uid, optionally of one kind. */
  dependentsOf<T extends KubeObject = KubeObject>(ownerUid: string, kind?: string): T[] {
    const out: KubeObject[] = [];
    for (const uid of this.dependents.get(ownerUid) ?? []) {
      const o = this.byUid.get(uid);
      if (o && (!kind || o.kind === kind)) out.push(o);
    }
    return out as T[];
  }

  /** Pods whose spec.nodeName is this node. */
  podsOnNode<T extends KubeObject = KubeObject>(nodeName: string): T[] {
    return [...(this.podsByNode.get(nodeName)?.values() ?? [])] as T[];
  }

  podCountOnNode(nodeName: string): number {
    return this.podsByNode.get(nodeName)?.size ?? 0;
  }

  /** Subscribes to one kind, or to every kind with '*'. Returns the unsubscribe function. */
  watch(kind: string, handler: WatchHandler): () => void {
    if (kind === '*') {
      this.allWatchers.push(handler);
      return () => {
        this.allWatchers = this.allWatchers.filter((h) => h !== handler);
      };
    }
    const list = this.watchers.get(kind) ?? [];
    list.push(handler);
    this.watchers.set(kind, list);
    return () => {
      this.watchers.set(kind, (this.watchers.get(kind) ?? []).filter((h) => h !== handler));
    };
  }

  /**
   * Writes an object (insert or replace) as given, freezing it. Only the API server calls this;
   * it has already set resourceVersion and the other server-owned fields.
   */
  put(obj: KubeObject): KubeObject {
    const t = this.table(obj.kind);
    const ns = obj.metadata.namespace ?? '';
    const old = t.get(ns, obj.metadata.name);
    deepFreeze(obj);
    t.put(obj, old);
    if (old) this.unindexObject(old);
    this.indexObject(obj);
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', object: obj, old });
    return obj;
  }

  /** Removes an object for good. Only the API server calls this. */
  remove(kind: string, namespace: string, name: string): KubeObject | undefined {
    const t = this.tables.get(kind);
    const old = t?.get(namespace ?? '', name);
    if (!t || !old) return undefined;
    t.remove(old);
    this.unindexObject(old);
    this.emit({ type: 'DELETED', object: old, old });
    return old;
  }

  private table(kind: string): KindTable {
    let t = this.tables.get(kind);
    if (!t) this.tables.set(kind, (t = new KindTable()));
    return t;
  }

  private indexObject(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (uid) {
      this.byUid.set(uid, obj);
      for (const o of obj.metadata.ownerReferences ?? []) addTo(this.dependents, o.uid, uid);
    }
    if (obj.kind === 'Pod') {
      const node = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
      if (node) {
        let m = this.podsByNode.get(node);
        if (!m) this.podsByNode.set(node, (m = new Map()));
        m.set(ref(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name), obj);
      }
    }
  }

  private unindexObject(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (uid) {
      if (this.byUid.get(uid) === obj) this.byUid.delete(uid);
      for (const o of obj.metadata.ownerReferences ?? []) removeFrom(this.dependents, o.uid, uid);
    }
    if (obj.kind === 'Pod') {
      const node = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
      const m = node ? this.podsByNode.get(node) : undefined;
      if (m) {
        m.delete(ref(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name));
        if (m.size === 0) this.podsByNode.delete(node!);
      }
    }
  }

  private emit(event: WatchEvent): void {
    for (const h of this.watchers.get(event.object.kind) ?? []) h(event);
    for (const h of this.allWatchers) h(event);
  }

  /** Every kind that holds objects. */
  kinds(): string[] {
    return [...this.tables.keys()].filter((k) => (this.tables.get(k)?.size ?? 0) > 0);
  }
}
