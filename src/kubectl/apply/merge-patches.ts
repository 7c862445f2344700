/**
 * The last step of CreateThreeWayMergePatch: the delta patch merged into the deletions patch as
 * strategicpatch.mergeMap merges two patches (MergeOptions{}): maps merge key by key, a keyed list
 * merges item by item (so a container changed in one and with a nested deletion in the other
 * appears once), `$setElementOrder/` and `$retainKeys` directives are carried over, and the
 * merged list is put in order: the manifest's items in `$setElementOrder` order, deletion
 * directives after them.
 *
 *   deletions {containers: [{name: web, env: [{$patch: delete, name: B}]}]}
 *   + delta   {containers: [{name: web, image: nginx:1.26}]}
 *   = {containers: [{name: web, env: [{$patch: delete, name: B}], image: nginx:1.26}]}
 */
import { indexByKey, normalizeElementOrder } from '../../api/element-order.ts';
import { clone, deepEqual } from '../../api/object-util.ts';
import { isMap, listMeta, RETAIN_KEYS, SET_ELEMENT_ORDER, type JsonMap, type JsonValue } from './patch-meta.ts';

/** mergeMap(original, patch): `patch` merged into a copy of `original`. */
export function mergePatches(original: JsonMap, patch: JsonMap, path: string[]): JsonMap {
  const out: JsonMap = clone(original);
  const rest: JsonMap = { ...patch };
  if (RETAIN_KEYS in rest) {
    out[RETAIN_KEYS] = rest[RETAIN_KEYS];
    delete rest[RETAIN_KEYS];
  }
  // mergePatchIntoOriginal: each ordered list with its order directive.
  for (const [k, order] of Object.entries(patch)) {
    if (!k.startsWith(SET_ELEMENT_ORDER) || !Array.isArray(order)) continue;
    const field = k.slice(SET_ELEMENT_ORDER.length);
    out[k] = order;
    delete rest[k];
    const o = Array.isArray(out[field]) ? (out[field] as JsonValue[]) : undefined;
    const p = Array.isArray(rest[field]) ? (rest[field] as JsonValue[]) : undefined;
    delete rest[field];
    if (!o && !p) continue;
    const childPath = [...path, field];
    const key = listMeta(childPath, [...(o ?? []), ...(p ?? [])]).key;
    const merged = o && p ? mergeSlice(o, p, key, childPath) : (o ?? p)!;
    const [inOrder, serverOnly] = partition(merged, order, key);
    out[field] = normalizeElementOrder(inOrder, serverOnly, order, o ?? [], key);
  }
  for (const [k, v] of Object.entries(rest)) {
    const cur = out[k];
    if (v === null || cur === undefined || cur === null) {
      out[k] = v;
    } else if (isMap(cur) && isMap(v)) {
      out[k] = mergePatches(cur, v, [...path, k]);
    } else if (Array.isArray(cur) && Array.isArray(v)) {
      const childPath = [...path, k];
      const meta = listMeta(childPath, [...cur, ...v]);
      out[k] = meta.strategy === 'merge' ? mergeSlice(cur, v, meta.key, childPath) : v;
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** mergeSlice: items merged by key (scalars deduplicated), then ordered patch-first. */
function mergeSlice(original: JsonValue[], patch: JsonValue[], key: string | undefined, path: string[]): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  let merged: JsonValue[];
  if (!key) {
    merged = [];
    for (const v of [...original, ...patch]) if (!merged.some((x) => deepEqual(x, v))) merged.push(v);
  } else {
    merged = original.map((x) => clone(x));
    for (const item of patch) {
      if (!isMap(item)) continue;
      const at = indexByKey(merged, item, key);
      if (at >= 0) merged[at] = mergePatches(merged[at] as JsonMap, item, path);
      else merged.push(item);
    }
  }
  const [inPatch, serverOnly] = partition(merged, patch, key);
  return normalizeElementOrder(inPatch, serverOnly, patch, original, key);
}

/** Items present in `by` (by merge key, or by value for scalars) and the others. */
function partition(list: JsonValue[], by: JsonValue[], key: string | undefined): [JsonValue[], JsonValue[]] {
  const yes: JsonValue[] = [];
  const no: JsonValue[] = [];
  for (const v of list) (indexByKey(by, v, key) >= 0 ? yes : no).push(v);
  return [yes, no];
}

