/**
 * Client-side apply's patch (strategicpatch.CreateThreeWayMergePatch): from the configuration last
 * applied (`original`), the new manifest (`modified`) and the live object (`current`) it computes
 * two diffs and merges them:
 *
 *   - delta: what the manifest sets differently from the live object (changes and additions,
 *     no deletions): what neither manifest mentions (defaults, fields others set) is left alone;
 *   - deletions: what the previous manifest had and this one no longer has (null, or
 *     `{$patch: delete, name: x}` for an item of a list merged by key; `$deleteFromPrimitiveList/`
 *     for a set of strings);
 *   - the patch is delta merged into deletions as a strategic merge (mergeMap): an item of a
 *     keyed list appears once, with its changes and its nested deletions together.
 *
 * Both diffs write `$setElementOrder/<list>` (the manifest's keys, in order) next to a keyed list
 * with content changes, and `$retainKeys` in retainKeys fields (volumes, a Deployment's strategy).
 *
 * Example: last applied env [A, B] and image nginx:1.25, manifest env [A] and image nginx:1.26 →
 *   {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[
 *     {"$setElementOrder/env":[{"name":"A"}],"env":[{"$patch":"delete","name":"B"}],
 *      "image":"nginx:1.26","name":"web"}]}}}}
 */
import { deepEqual } from '../../api/object-util.ts';
import { mergePatches } from './merge-patches.ts';
import {
  compareStrings, DELETE_FROM_PRIMITIVE_LIST, isMap, keyString, listMeta, mapRetainKeys, RETAIN_KEYS, SET_ELEMENT_ORDER, type JsonMap, type JsonValue,
} from './patch-meta.ts';

interface DiffOptions {
  /** Delta: changes and additions only. */
  ignoreDeletions: boolean;
  /** Deletions only. */
  ignoreChangesAndAdditions: boolean;
  kind?: string;
}

export function threeWayMergePatch(original: unknown, modified: unknown, current: unknown): JsonMap {
  const kind = isMap(modified) && typeof modified.kind === 'string' ? modified.kind : undefined;
  const delta = diffMaps(asMap(current), asMap(modified), [], { ignoreDeletions: true, ignoreChangesAndAdditions: false, kind }, false);
  const deletions = diffMaps(asMap(original), asMap(modified), [], { ignoreDeletions: false, ignoreChangesAndAdditions: true, kind }, false);
  return mergePatches(deletions, delta, []);
}

function asMap(v: unknown): JsonMap {
  return isMap(v) ? v : {};
}

/** Go's reflect.TypeOf as JSON decoding sees it: nil, bool, float64, string, slice, map. */
function jsonType(v: JsonValue): string {
  if (v === null) return 'nil';
  if (Array.isArray(v)) return 'slice';
  return typeof v === 'object' ? 'map' : typeof v;
}

function diffMaps(from: JsonMap, to: JsonMap, path: string[], opts: DiffOptions, retainKeys: boolean): JsonMap {
  const patch: JsonMap = {};
  const retained: string[] = [];
  for (const [k, tv] of Object.entries(to)) {
    if (retainKeys && tv !== null) retained.push(k);
    if (!(k in from)) {
      if (!opts.ignoreChangesAndAdditions) patch[k] = tv;
      continue;
    }
    const fv = from[k];
    const childPath = [...path, k];
    if (jsonType(fv) !== jsonType(tv)) {
      if (!opts.ignoreChangesAndAdditions) patch[k] = tv;
      continue;
    }
    if (isMap(fv) && isMap(tv)) {
      const d = diffMaps(fv, tv, childPath, opts, mapRetainKeys(opts.kind, childPath));
      if (Object.keys(d).length > 0) patch[k] = d;
    } else if (Array.isArray(fv) && Array.isArray(tv)) {
      diffSlice(k, fv, tv, childPath, patch, opts);
    } else if (!opts.ignoreChangesAndAdditions && !deepEqual(fv, tv)) {
      patch[k] = tv;
    }
  }
  // updatePatchIfMissing: what `from` has and `to` no longer has is deleted.
  if (!opts.ignoreDeletions) {
    for (const k of Object.keys(from)) if (!(k in to)) patch[k] = null;
  }
  const additional = Object.entries(from).some(([k, v]) => v !== null && !(k in to));
  if (retained.length > 0 && (Object.keys(patch).length > 0 || additional)) patch[RETAIN_KEYS] = retained.sort(compareStrings);
  return patch;
}

/** handleSliceDiff: a merged list writes its items, its deletions and its order; others replace. */
function diffSlice(k: string, from: JsonValue[], to: JsonValue[], path: string[], patch: JsonMap, opts: DiffOptions): void {
  const meta = listMeta(path, [...from, ...to]);
  if (meta.strategy !== 'merge') {
    if (!opts.ignoreChangesAndAdditions && !deepEqual(from, to)) patch[k] = to;
    return;
  }
  if (from.length === 0) {
    if (to.length > 0 && !opts.ignoreChangesAndAdditions) patch[k] = to;
    return;
  }
  const r = meta.key ? diffListsOfMaps(from as JsonMap[], to as JsonMap[], meta.key, path, opts, meta.retainKeys) : diffListsOfScalars(from, to, opts);
  if (r.patch.length > 0) patch[k] = r.patch;
  if (r.deletions.length > 0) patch[DELETE_FROM_PRIMITIVE_LIST + k] = r.deletions;
  if (r.order) patch[SET_ELEMENT_ORDER + k] = r.order;
}

interface ListDiff {
  patch: JsonValue[];
  /** Scalars to delete ($deleteFromPrimitiveList). */
  deletions: JsonValue[];
  /** $setElementOrder, when the list's content or order changes. */
  order?: JsonValue[];
}

function diffListsOfMaps(from: JsonMap[], to: JsonMap[], key: string, path: string[], opts: DiffOptions, retainKeys: boolean): ListDiff {
  const bySorted = (list: JsonMap[]) => [...list].sort((a, b) => compareStrings(keyString(a[key]), keyString(b[key])));
  const fromSorted = bySorted(from);
  const toSorted = bySorted(to);
  const changed: JsonMap[] = [];
  const deleted: JsonMap[] = [];
  let i = 0;
  let j = 0;
  while (i < fromSorted.length || j < toSorted.length) {
    const f = fromSorted[i];
    const t = toSorted[j];
    const cmp = !f ? 1 : !t ? -1 : compareStrings(keyString(f[key]), keyString(t[key]));
    if (cmp === 0) {
      const d = diffMaps(f, t, path, opts, retainKeys);
      if (Object.keys(d).length > 0) changed.push({ ...d, [key]: t[key] });
      i++;
      j++;
    } else if (cmp > 0) {
      if (!opts.ignoreChangesAndAdditions) changed.push(t);
      j++;
    } else {
      if (!opts.ignoreDeletions) deleted.push({ $patch: 'delete', [key]: f[key] });
      i++;
    }
  }
  // normalizeSliceOrder: the changed items in the manifest's order, the deletions after them.
  const position = (item: JsonMap) => to.findIndex((x) => deepEqual(x[key], item[key]));
  changed.sort((a, b) => position(a) - position(b));
  const patch = [...changed, ...deleted];
  const orderSame = from.length === to.length && to.every((t, n) => deepEqual(from[n][key], t[key]));
  const wantOrder = (!opts.ignoreChangesAndAdditions && (patch.length > 0 || !orderSame)) || (!opts.ignoreDeletions && patch.length > 0);
  return { patch, deletions: [], order: wantOrder ? to.map((t) => ({ [key]: t[key] })) : undefined };
}

function diffListsOfScalars(from: JsonValue[], to: JsonValue[], opts: DiffOptions): ListDiff {
  const has = (list: JsonValue[], v: JsonValue) => list.some((x) => deepEqual(x, v));
  const added = opts.ignoreChangesAndAdditions ? [] : to.filter((v) => !has(from, v));
  const sorted = [...from].sort((a, b) => compareStrings(keyString(a), keyString(b)));
  const deletions = opts.ignoreDeletions ? [] : sorted.filter((v) => !has(to, v));
  const wantOrder = (!opts.ignoreDeletions && deletions.length > 0) || (!opts.ignoreChangesAndAdditions && !deepEqual(from, to));
  return { patch: added, deletions, order: wantOrder ? to : undefined };
}
