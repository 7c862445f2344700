/**
 * The order of a list under a strategic merge patch's `$setElementOrder` (apimachinery's
 * normalizeElementOrder), shared by the client that computes an apply patch and the API server
 * that applies one: the items the patch names, in its order, interleaved with the items only the
 * server has, which keep their place where both are in the server's list.
 *
 *   patch items [c, a] (order [c, a]), server-only [x], server order [a, x]  →  [c, a, x]
 *
 * Items are matched by their merge key (`name` for containers), or whole for primitive lists.
 * Deletion directives (`$patch: delete`) go last.
 */
import { deepEqual } from './object-util.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isMap(v: unknown): v is { [k: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Where `item` stands in `list` (by merge key, or whole), or -1. */
export function indexByKey<T>(list: readonly T[], item: T, key: string | undefined): number {
  if (!key) return list.findIndex((x) => deepEqual(x, item));
  if (!isMap(item)) return -1;
  return list.findIndex((x) => isMap(x) && deepEqual(x[key], item[key]));
}

/** `items` sorted by where they stand in `order` (absent ones last), deletion directives after. */
function sortByOrder<T>(items: readonly T[], order: readonly T[], key: string | undefined): T[] {
  const isDelete = (v: T) => key !== undefined && isMap(v) && v.$patch === 'delete';
  const pos = (v: T) => {
    const n = indexByKey(order, v, key);
    return n < 0 ? Number.MAX_SAFE_INTEGER : n;
  };
  const keep = items.filter((v) => !isDelete(v)).sort((a, b) => pos(a) - pos(b));
  return [...keep, ...items.filter(isDelete)];
}

/**
 * The patch's items sorted by `patchOrder`, the server-only ones by `serverOrder`, then the two
 * interleaved: a server-only item goes first only when both are in `serverOrder` and it comes
 * earlier there.
 */
export function normalizeElementOrder<T>(patch: readonly T[], serverOnly: readonly T[], patchOrder: readonly T[], serverOrder: readonly T[], key: string | undefined): T[] {
  const left = sortByOrder(serverOnly, serverOrder, key);
  const right = sortByOrder(patch, patchOrder, key);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexByKey(serverOrder, left[i], key);
      const ri = indexByKey(serverOrder, right[j], key);
      out.push(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
    }
  }
  return out;
}
