/**
 * A table page drawn as lines: a border with the title in it (`Pods(ott)[12] </member>`), the
 * column headers, then only the rows that fit (virtual scrolling). Each row has a two-character
 * gutter: `*` when marked (space), then `+` new, `~` changed or `-` deleted; its colour is its
 * change while the mark lasts, else its health; the selected row is shown inverse.
 */
import type { TablePage } from '../state/pages.ts';
import { shownCells, shownWidths, tableTitle } from '../state/table-page.ts';
import { fitWidths, formatLine } from '../table/format.ts';
import { visibleRange } from '../table/window.ts';
import { ACCENT, CHANGE_COLOR, CHANGE_MARK, HEALTH_COLOR } from './colors.ts';
import { boxLines, seg, type Line } from './line.ts';

/** Rows of data a body of `height` lines shows (border, headers and border take three). */
export function tableRowsFor(height: number): number {
  return Math.max(1, height - 3);
}

export function tableLines(page: TablePage, width: number, height: number): Line[] {
  const inner = Math.max(0, width - 2);
  const textWidth = Math.max(0, inner - 2);
  const rowsShown = tableRowsFor(height);
  const [from, to] = visibleRange(page.viewport, page.rows.length, rowsShown);
  const widths = fitWidths(page.data.headers, shownWidths(page, from, to), textWidth);
  const body: Line[] = [[seg('  '), seg(formatLine(page.data.headers, widths, textWidth), { bold: true, color: 'whiteBright' })]];
  for (let i = from; i < to; i++) {
    const r = page.rows[i];
    const marked = page.marks.has(r.id);
    const selected = i === page.viewport.cursor;
    const color = r.change ? CHANGE_COLOR[r.change] : HEALTH_COLOR[r.health];
    const gutter = `${marked ? '*' : ' '}${r.change ? CHANGE_MARK[r.change] : ' '}`;
    body.push([seg(gutter, { color, bold: marked }), seg(formatLine(shownCells(page, i), widths, textWidth), { color, bold: marked, inverse: selected, strike: r.change === 'deleted' })]);
  }
  if (page.rows.length === 0) body.push([seg('  '), seg(page.filterError ? `filter: ${page.filterError}` : 'No resources found', { dim: true })]);
  while (body.length < height - 2) body.push([]);
  return boxLines([seg(tableTitle(page), { color: ACCENT, bold: true })], body.slice(0, Math.max(0, height - 2)), width);
}
