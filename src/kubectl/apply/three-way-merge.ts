/**
 * Client-side apply's patch (strategicpatch.CreateThreeWayMergePatch): from the configuration last
 * applied (`original`), the new manifest (`modified`) and the live object (`current`):
 *
 *   - what the manifest sets differently from the live object is set (changes and additions);
 *   - what the previous manifest had and this one no longer has is deleted (null, or
 *     `{name: x, $patch: delete}` for an item of a list merged by key);
 *   - what neither manifest mentions (defaults, fields others set) is left alone.
 *
 * Lists of known fields merge by key (containers by name, ports by containerPort...), exactly as
 * the API server's strategic merge does; the key of a list is learnt from that implementation.
 *
 * Example: original {spec:{replicas:3, template:{...env:[{name:A},{name:B}]}}}, modified drops
 * replicas and env B, current has replicas 5 → patch {spec:{replicas:null, template:{...env:[{name:B,$patch:delete}]}}}.
 */
import { deepEqual } from '../../api/object-util.ts';
import { mergeKey } from '../../apiserver/patch.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonMap = { [k: string]: Json };

function isMap(v: unknown): v is JsonMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function threeWayMergePatch(original: unknown, modified: unknown, current: unknown): JsonMap {
  const delta = diffMaps(asMap(current), asMap(modified), [], 'changes');
  const deletions = diffMaps(asMap(original), asMap(modified), [], 'deletions');
  return mergeInto(delta, deletions);
}

function asMap(v: unknown): JsonMap {
  return isMap(v) ? (v as JsonMap) : {};
}

/**
 * 'changes': what `to` sets that `from` lacks or holds differently.
 * 'deletions': what `from` holds that `to` no longer has.
 */
function diffMaps(from: JsonMap, to: JsonMap, path: string[], mode: 'changes' | 'deletions'): JsonMap {
  const out: JsonMap = {};
  if (mode === 'deletions') {
    for (const k of Object.keys(from)) {
      if (!(k in to)) out[k] = null;
    }
  }
  for (const [k, tv] of Object.entries(to)) {
    const fv = from[k];
    const childPath = [...path, k];
    if (!(k in from)) {
      if (mode === 'changes') out[k] = tv;
      continue;
    }
    if (isMap(fv) && isMap(tv)) {
      const d = diffMaps(fv, tv, childPath, mode);
      if (Object.keys(d).length > 0) out[k] = d;
      continue;
    }
    if (Array.isArray(fv) && Array.isArray(tv)) {
      const d = diffLists(fv, tv, childPath, mode);
      if (d !== undefined) out[k] = d;
      continue;
    }
    if (mode === 'changes' && !deepEqual(fv, tv)) out[k] = tv;
  }
  return out;
}

function diffLists(from: Json[], to: Json[], path: string[], mode: 'changes' | 'deletions'): Json[] | undefined {
  const key = to.every(isMap) && from.every(isMap) ? mergeKeyAt(path) : undefined;
  if (!key) {
    // A list replaced as a whole: only a change matters (a removed list is handled by its parent).
    if (mode === 'changes' && !deepEqual(from, to)) return to;
    return undefined;
  }
  const out: Json[] = [];
  const find = (list: Json[], item: JsonMap) => list.find((x) => isMap(x) && deepEqual(x[key], item[key])) as JsonMap | undefined;
  if (mode === 'deletions') {
    for (const item of from as JsonMap[]) {
      if (!find(to, item)) out.push({ [key]: item[key], $patch: 'delete' });
    }
  }
  for (const item of to as JsonMap[]) {
    const prev = find(from, item);
    if (!prev) {
      if (mode === 'changes') out.push(item);
      continue;
    }
    const d = diffMaps(prev, item, path, mode);
    if (Object.keys(d).length > 0) out.push({ [key]: item[key], ...d });
  }
  return out.length > 0 ? out : undefined;
}

/** Deep-merges the deletions into the changes (the two never set the same scalar). */
function mergeInto(a: JsonMap, b: JsonMap): JsonMap {
  const out: JsonMap = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    if (isMap(cur) && isMap(v)) out[k] = mergeInto(cur, v);
    else if (Array.isArray(cur) && Array.isArray(v)) out[k] = [...v, ...cur];
    else out[k] = v;
  }
  return out;
}

/** The merge key the API server's strategic merge uses for the list at `path`. */
export function mergeKeyAt(path: string[]): string | undefined {
  return mergeKey(path);
}

