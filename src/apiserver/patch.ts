/**
 * Patches as the API server applies them: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and
 * strategic merge patch, which merges lists of known fields by their merge key (containers by
 * name, container ports by containerPort, conditions by type...) instead of replacing them.
 */
import { indexByKey, normalizeElementOrder } from '../api/element-order.ts';
import { clone } from '../api/object-util.ts';
import { ApiError } from './errors.ts';

export type PatchType = 'strategic' | 'merge' | 'json';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function applyPatch<T>(target: T, patch: unknown, type: PatchType): T {
  switch (type) {
    case 'merge':
      return mergePatch(clone(target) as Json, patch as Json) as T;
    case 'json':
      return jsonPatch(clone(target) as Json, patch) as T;
    case 'strategic':
      return strategicMerge(clone(target) as Json, patch as Json, []) as T;
  }
}

function isObject(v: unknown): v is { [k: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** RFC 7386: objects merge recursively, null deletes, everything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  const out: { [k: string]: Json } = isObject(target) ? target : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

/** The merge key of a list field, by field name and (for ports) by where it sits. */
export function mergeKey(path: string[]): string | undefined {
  const field = path[path.length - 1];
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'env':
    case 'imagePullSecrets':
    case 'readinessGates':
      return field === 'readinessGates' ? 'conditionType' : 'name';
    case 'ports':
      // Service ports merge by port, container ports by containerPort.
      return path.includes('containers') || path.includes('initContainers') ? 'containerPort' : 'port';
    case 'volumeMounts':
      return 'mountPath';
    case 'conditions':
      return 'type';
    case 'ownerReferences':
      return 'uid';
    case 'hostAliases':
      return 'ip';
    case 'addresses':
      return path.includes('status') ? 'type' : undefined;
    default:
      return undefined;
  }
}

/** Lists of primitives that merge as sets. */
const PRIMITIVE_MERGE = new Set(['finalizers']);

export function strategicMerge(target: Json, patch: Json, path: string[]): Json {
  if (!isObject(patch)) return clone(patch);
  if (patch['$patch'] === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return clone(rest as Json);
  }
  if (patch['$patch'] === 'delete') return null;
  const out: { [k: string]: Json } = isObject(target) ? target : {};
  const retain = Array.isArray(patch['$retainKeys']) ? new Set(patch['$retainKeys'] as string[]) : undefined;
  // The lists as they were, for $setElementOrder (their items keep their relative live order).
  const before: { [k: string]: Json } = { ...out };
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) {
      delete out[k];
      continue;
    }
    const childPath = [...path, k];
    const key = mergeKey(childPath);
    if (Array.isArray(v) && key && Array.isArray(out[k])) {
      out[k] = mergeList(out[k] as Json[], v, key, childPath);
    } else if (Array.isArray(v) && PRIMITIVE_MERGE.has(k) && Array.isArray(out[k])) {
      out[k] = [...new Set([...(out[k] as Json[]), ...v])] as Json[];
    } else if (Array.isArray(v)) {
      out[k] = v.filter((item) => !(isObject(item) && item['$patch'] === 'delete')).map((item) => clone(item));
    } else {
      out[k] = strategicMerge(out[k] ?? null, v, childPath);
    }
  }
  for (const [k, v] of Object.entries(patch)) {
    if (!k.startsWith(SET_ELEMENT_ORDER) || !Array.isArray(v)) continue;
    const field = k.slice(SET_ELEMENT_ORDER.length);
    const list = out[field];
    if (Array.isArray(list)) out[field] = orderList(list, v, before[field], mergeKey([...path, field]));
  }
  if (retain) for (const k of Object.keys(out)) if (!retain.has(k)) delete out[k];
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$deleteFromPrimitiveList/') && Array.isArray(v)) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field])) out[field] = (out[field] as Json[]).filter((x) => !v.includes(x));
    }
  }
  return out;
}

const SET_ELEMENT_ORDER = '$setElementOrder/';

/**
 * `$setElementOrder/<list>` (mergePatchIntoOriginal): the items the directive names, in its order,
 * interleaved with the items only the server has (a sidecar someone added), which keep their live
 * place where both are in the live list: live [a, x], order [c, a] → [c, a, x].
 */
function orderList(merged: Json[], order: Json[], live: Json | undefined, key: string | undefined): Json[] {
  const named = merged.filter((x) => indexByKey(order, x, key) >= 0);
  const serverOnly = merged.filter((x) => indexByKey(order, x, key) < 0);
  return normalizeElementOrder(named, serverOnly, order, Array.isArray(live) ? live : [], key);
}

function mergeList(current: Json[], patch: Json[], key: string, path: string[]): Json[] {
  const out = current.map((x) => clone(x));
  for (const item of patch) {
    if (!isObject(item)) {
      out.push(clone(item));
      continue;
    }
    const idx = out.findIndex((x) => isObject(x) && x[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = strategicMerge(out[idx], item, path);
    else out.push(strategicMerge({}, item, path));
  }
  return out;
}

interface Operation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

/** RFC 6902 JSON patch. */
export function jsonPatch(doc: Json, ops: unknown): Json {
  if (!Array.isArray(ops)) throw new ApiError('BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let root = doc;
  for (const raw of ops as Operation[]) {
    const op = raw.op;
    const path = parsePointer(raw.path);
    switch (op) {
      case 'add':
        root = setAt(root, path, clone(raw.value as Json), 'add');
        break;
      case 'replace':
        getAt(root, path, raw.path);
        root = setAt(root, path, clone(raw.value as Json), 'replace');
        break;
      case 'remove':
        getAt(root, path, raw.path);
        root = removeAt(root, path);
        break;
      case 'test': {
        const cur = getAt(root, path, raw.path);
        if (JSON.stringify(cur) !== JSON.stringify(raw.value)) throw new ApiError('Invalid', `testing value ${raw.path} failed: test failed`);
        break;
      }
      case 'move':
      case 'copy': {
        const from = parsePointer(raw.from ?? '');
        const v = clone(getAt(root, from, raw.from ?? ''));
        if (op === 'move') root = removeAt(root, from);
        root = setAt(root, path, v, 'add');
        break;
      }
      default:
        throw new ApiError('BadRequest', `Unexpected kind: ${op}`);
    }
  }
  return root;
}

function parsePointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw new ApiError('BadRequest', `the server rejected our request due to an error in our request`);
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: Json, path: string[], raw: string): Json {
  let cur: Json = doc;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isObject(cur)) cur = cur[seg];
    else cur = undefined as unknown as Json;
    if (cur === undefined) throw new ApiError('Invalid', `jsonpatch replace operation does not apply: doc is missing path: "${raw}": missing value`);
  }
  return cur;
}

function setAt(doc: Json, path: string[], value: Json, mode: 'add' | 'replace'): Json {
  if (path.length === 0) return value;
  const parent = getAt(doc, path.slice(0, -1), '/' + path.slice(0, -1).join('/'));
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (mode === 'add') parent.splice(i, 0, value);
    else parent[i] = value;
  } else if (isObject(parent)) parent[last] = value;
  return doc;
}

function removeAt(doc: Json, path: string[]): Json {
  const parent = getAt(doc, path.slice(0, -1), '');
  const last = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) delete parent[last];
  return doc;
}
