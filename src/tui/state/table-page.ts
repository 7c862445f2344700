/**
 * A table page's data flow: a snapshot from the store (rows.ts) → change marks (changes.ts) →
 * the `/` filter → the sort → display cells (numbers that changed get ↑/↓) and column widths.
 * Reloading reads the store; reprojecting (a new filter, sort, or expired marks) does not.
 */
import type { PrintContext } from '../../printers/index.ts';
import { ChangeTracker } from '../table/changes.ts';
import { filterRows, parseFilter } from '../table/filter.ts';
import { columnWidths } from '../table/format.ts';
import { buildTable, type Row } from '../table/rows.ts';
import { sortRows } from '../table/sort.ts';
import { clampViewport } from '../table/window.ts';
import { VIEWS, type Scope } from '../views/registry.ts';
import type { TableView } from '../views/view-names.ts';
import type { TablePage } from './pages.ts';

export function newTablePage(view: TableView, namespace: string, opts: { scope?: Scope; filter?: string; holdMs?: number } = {}): TablePage {
  const def = VIEWS[view];
  return {
    type: 'table',
    view,
    namespace: def.namespaced ? namespace : '',
    ...(opts.scope ? { scope: opts.scope } : {}),
    filter: opts.filter ?? '',
    ...(def.defaultSort ? { sort: def.defaultSort } : {}),
    wide: false,
    viewport: { cursor: 0, top: 0 },
    marks: new Set(),
    tracker: new ChangeTracker(opts.holdMs),
    data: { headers: [], rows: [] },
    tracked: [],
    rows: [],
    cells: [],
    widths: [],
  };
}

/** Reads the store again. */
export function reload(page: TablePage, ctx: PrintContext, realNow: number, height: number): void {
  page.data = buildTable({ view: page.view, namespace: page.namespace, wide: page.wide, ...(page.scope ? { scope: page.scope } : {}) }, ctx);
  page.tracked = page.tracker.update(page.data, realNow);
  reproject(page, height);
}

/** Marks that expired since the last reload disappear. */
export function redecorate(page: TablePage, realNow: number, height: number): void {
  page.tracked = page.tracker.decorate(page.data.rows, realNow);
  reproject(page, height);
}

/** Filter, sort, cells and widths again; the selection stays on its row. */
export function reproject(page: TablePage, height: number): void {
  const filter = parseFilter(page.filter);
  page.filterError = filter.kind === 'invalid' ? filter.error : undefined;
  page.rows = sortRows(filterRows(page.tracked, filter), page.sort, page.data.headers);
  page.cells = page.rows.map((r) => (r.deltas ? r.cells.map((c, i) => (r.deltas!.has(i) ? c + r.deltas!.get(i) : c)) : r.cells));
  page.widths = columnWidths(page.data.headers, page.cells);
  const idx = page.selectedId === undefined ? -1 : page.rows.findIndex((r) => r.id === page.selectedId);
  const cursor = idx >= 0 ? idx : page.viewport.cursor;
  page.viewport = clampViewport({ cursor, top: page.viewport.top }, page.rows.length, height);
  page.selectedId = page.rows[page.viewport.cursor]?.id;
}

export function selectedRow(page: TablePage): Row | undefined {
  const r = page.rows[page.viewport.cursor];
  return r && r.change !== 'deleted' ? r : undefined;
}

/** The rows an action applies to: the marked ones if any (still present), else the selected one. */
export function targetRows(page: TablePage): Row[] {
  if (page.marks.size > 0) {
    const live = page.data.rows.filter((r) => page.marks.has(r.id));
    if (live.length > 0) return live;
  }
  const r = selectedRow(page);
  return r ? [r] : [];
}

/** `Pods(ott)[12] <app=member> </filter>`, as k9s titles a table. */
export function tableTitle(page: TablePage): string {
  const def = VIEWS[page.view];
  let t = def.title;
  if (page.view === 'containers') t += `(${page.scope?.label ?? ''})`;
  else if (def.namespaced) t += `(${page.namespace === '' ? 'all' : page.namespace})`;
  t += `[${page.rows.filter((r) => r.change !== 'deleted').length}]`;
  if (page.scope && page.view !== 'containers') t += ` <${page.scope.label}>`;
  if (page.filter) t += ` </${page.filter}>`;
  return t;
}
