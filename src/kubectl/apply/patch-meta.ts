/**
 * The strategic-merge metadata of a field (its patchStrategy and patchMergeKey struct tags in
 * k8s.io/api), by where it sits: what client-side apply's diff needs to know about a list or map.
 *
 *   spec.template.spec.containers          merge by name
 *   ...containers[].ports                  merge by containerPort
 *   spec.template.spec.volumes             merge by name, retainKeys
 *   metadata.finalizers                    merge (a set of strings)
 *   spec.strategy (Deployment)             retainKeys
 *   anything else                          a list is replaced whole, a map merges key by key
 */
import { mergeKey } from '../../apiserver/patch.ts';

export const SET_ELEMENT_ORDER = '$setElementOrder/';
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';
export const RETAIN_KEYS = '$retainKeys';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };
export type JsonMap = { [k: string]: JsonValue };

export function isMap(v: unknown): v is JsonMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export interface ListMeta {
  /** 'merge' lists merge item by item; others are replaced whole. */
  strategy: 'merge' | 'replace';
  /** The merge key of a list of maps; undefined for a merged list of scalars. */
  key?: string;
  /** Items carry $retainKeys (volumes). */
  retainKeys: boolean;
}

/** Lists of scalars merged as sets. */
const SCALAR_MERGE = new Set(['metadata.finalizers']);

/** The patch metadata of the list at `path` (field names only, no indexes). */
export function listMeta(path: string[], items: JsonValue[]): ListMeta {
  const field = path[path.length - 1];
  if (items.length > 0 && items.every(isMap)) {
    const key = mergeKey(path);
    if (key) return { strategy: 'merge', key, retainKeys: field === 'volumes' };
    return { strategy: 'replace', retainKeys: false };
  }
  if (SCALAR_MERGE.has(path.join('.'))) return { strategy: 'merge', retainKeys: false };
  // An empty list: its key (if any) still decides how an item list replaces it.
  const key = items.length === 0 ? mergeKey(path) : undefined;
  return key ? { strategy: 'merge', key, retainKeys: field === 'volumes' } : { strategy: 'replace', retainKeys: false };
}

/** Whether the map at `path` is a retainKeys field (a Deployment's spec.strategy). */
export function mapRetainKeys(kind: string | undefined, path: string[]): boolean {
  return kind === 'Deployment' && path.length === 2 && path[0] === 'spec' && path[1] === 'strategy';
}

/** Go's fmt %v of a merge key value, by which strategicpatch sorts items. */
export function keyString(v: JsonValue | undefined): string {
  return v === undefined || v === null ? '<nil>' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Go's sort.Strings order (bytewise), not localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
