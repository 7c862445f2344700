/**
 * Sorting a table (k9s's shift-n / shift-a / shift-s / shift-p; the same key again flips the
 * order). Without a sort, rows stay in the API's order (namespace, then name).
 *
 * AGE sorts by the time behind the cell, not its text: ascending is youngest first, as the AGE
 * column reads top to bottom `5s, 2m, 1h` (an Event sorts by when it was last seen, so Events,
 * sorted this way by default, show the latest first). Name and namespace compare as text, ties
 * broken by the other.
 */
import type { SortSpec } from '../views/registry.ts';
import { matchCells, type Row } from './rows.ts';

export function sortRows(rows: readonly Row[], sort: SortSpec | undefined, headers: readonly string[]): Row[] {
  if (!sort) return [...rows];
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const statusCol = headers.indexOf('STATUS');
  let cmp: (a: Row, b: Row) => number;
  switch (sort.by) {
    case 'name':
      cmp = (a, b) => byText(a.name, b.name) || byText(a.namespace, b.namespace);
      break;
    case 'namespace':
      cmp = (a, b) => byText(a.namespace, b.namespace) || byText(a.name, b.name);
      break;
    case 'age':
      cmp = (a, b) => b.time - a.time || byText(a.id, b.id);
      break;
    case 'status': {
      // One read of each row's (cached) STATUS cell, not two per comparison.
      const status = new Map(rows.map((r) => [r, statusCol < 0 ? '' : (matchCells(r)[statusCol] ?? '')]));
      cmp = (a, b) => byText(status.get(a)!, status.get(b)!) || byText(a.id, b.id);
      break;
    }
  }
  const sorted = [...rows].sort(cmp);
  return sort.desc ? sorted.reverse() : sorted;
}

/** The sort after pressing a sort key: a new column starts ascending, the same one flips. */
export function nextSort(current: SortSpec | undefined, by: SortSpec['by']): SortSpec {
  return current?.by === by ? { by, desc: !current.desc } : { by, desc: false };
}
