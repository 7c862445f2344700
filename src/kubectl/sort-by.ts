/**
 * `kubectl get --sort-by=<jsonpath>` (get/sorter.go): objects ordered by the value at the path —
 * numbers by value, two quantities (`100m`, `1Gi`) by amount, other strings (timestamps included:
 * RFC 3339 sorts by time) by bytes; objects without the field come first. A path that no object
 * has is kubectl's error.
 */
import { isQuantity, parseQuantity } from '../api/quantity.ts';
import { fieldPathValues, relaxedFieldSpec } from '../printers/index.ts';
import { KubectlError } from './errors.ts';

export function sortByField<T>(items: readonly T[], objectOf: (item: T) => unknown, field: string): T[] {
  let expr: string;
  try {
    expr = relaxedFieldSpec(field);
  } catch (e) {
    throw new KubectlError((e as Error).message);
  }
  const keyed = items.map((item) => ({ item, value: fieldPathValues(objectOf(item), field)[0] }));
  if (keyed.length > 0 && keyed.every((k) => k.value === undefined)) {
    throw new KubectlError(`couldn't find any field with path "{${expr}}" in the list of objects`);
  }
  // Array.prototype.sort is stable: equal keys keep the server's order.
  return keyed.sort((a, b) => compare(a.value, b.value)).map((k) => k.item);
}

function compare(a: unknown, b: unknown): number {
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  if (isQuantity(sa) && isQuantity(sb)) return (parseQuantity(sa) ?? 0) - (parseQuantity(sb) ?? 0);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
