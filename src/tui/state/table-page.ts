/**
 * A table page's data flow: a snapshot from the store (rows.ts) → change marks (changes.ts) →
 * the `/` filter → the sort → display cells (numbers that changed get ↑/↓) and column widths.
 * Reloading reads the store; reprojecting (a new filter, sort, or expired marks) does not.
 * Cells are printed only for what reads them: the rows drawn, and the cached cells a text
 * filter, a STATUS sort or a changed object needs (row-printer.ts). 150,000 pods cost a list
 * of the store and a sort, not 150,000 printed rows.
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
  const query = { view: page.view, namespace: page.namespace, wide: page.wide, ...(page.scope ? { scope: page.scope } : {}) };
  const before = page.data.headers;
  page.data = buildTable(query, ctx, page.data.printer);
  if (before.join('\t') !== page.data.headers.join('\t')) page.widths = [];
  page.tracked = page.tracker.update(page.data, realNow);
  reproject(page, height);
}

/** Marks that expired since the last reload disappear. */
export function redecorate(page: TablePage, realNow: number, height: number): void {
  page.tracked = page.tracker.decorate(page.data.rows, realNow);
  reproject(page, height);
}

/**
 * Filter and sort again; the selection stays on its row. Display cells and widths are worked out
 * when the rows are drawn (shownCells, shownWidths): only the rows on screen are printed.
 */
export function reproject(page: TablePage, height: number): void {
  const filter = parseFilter(page.filter);
  page.filterError = filter.kind === 'invalid' ? filter.error : undefined;
  page.rows = sortRows(filterRows(page.tracked, filter), page.sort, page.data.headers);
  page.cells = [];
  // A table that fits is measured whole (columns fit exactly its rows); a longer one keeps the
  // widths it has shown, widening as wider rows scroll into view, so columns do not jump back.
  if (page.rows.length <= height) page.widths = [];
  const idx = page.selectedId === undefined ? -1 : page.rows.findIndex((r) => r.id === page.selectedId);
  const cursor = idx >= 0 ? idx : page.viewport.cursor;
  page.viewport = clampViewport({ cursor, top: page.viewport.top }, page.rows.length, height);
  page.selectedId = page.rows[page.viewport.cursor]?.id;
}

/** The cells shown for row `i` of `page.rows` (numbers that changed get ↑/↓), printed when first asked. */
export function shownCells(page: TablePage, i: number): string[] {
  const known = page.cells[i];
  if (known) return known;
  const r = page.rows[i];
  const cells = r.deltas ? r.cells.map((c, j) => (r.deltas!.has(j) ? c + r.deltas!.get(j) : c)) : r.cells;
  page.cells[i] = cells;
  return cells;
}

/** Column widths for drawing rows [from, to): what was shown before, widened to fit these rows. */
export function shownWidths(page: TablePage, from: number, to: number): number[] {
  const shown: string[][] = [];
  for (let i = from; i < to; i++) shown.push(shownCells(page, i));
  const fit = columnWidths(page.data.headers, shown);
  page.widths = fit.map((w, i) => Math.max(w, page.widths[i] ?? 0));
  return page.widths;
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
