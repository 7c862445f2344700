/**
 * Table text: column widths and padded lines, computed once per data snapshot so that rendering
 * is only string slicing. Widths fit the widest cell of the column (over every row, not only the
 * visible ones, so columns do not jump while scrolling), capped so that one long cell (an Event's
 * MESSAGE) does not push the others off screen; the last column takes what is left.
 */
export const GAP = 2;
const MAX_COLUMN = 48;

/** Display width: every character counts one (cells are ASCII plus ↑ ↓ and box characters). */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length > width ? text.slice(0, width) : text + ' '.repeat(width - text.length);
}

export function columnWidths(headers: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const widths = headers.map((h) => h.length);
  for (const cells of rows) {
    for (let i = 0; i < widths.length; i++) {
      const n = cells[i]?.length ?? 0;
      if (n > widths[i]) widths[i] = n;
    }
  }
  return widths.map((w, i) => (i === widths.length - 1 ? w : Math.min(w, MAX_COLUMN)));
}

/** One line of the table, cut at `width`. */
export function formatLine(cells: readonly string[], widths: readonly number[], width: number): string {
  let out = '';
  for (let i = 0; i < widths.length; i++) {
    const last = i === widths.length - 1;
    out += last ? (cells[i] ?? '') : fit(cells[i] ?? '', widths[i]) + ' '.repeat(GAP);
    if (out.length >= width) break;
  }
  return fit(out, width);
}
