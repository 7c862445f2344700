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

/**
 * Widths that fit a line of `width`: when the columns are wider than the terminal, the widest
 * columns give way (down to their header, and at least 8), so that the columns after them
 * (AGE) stay on screen instead of being cut off at the border. The last column keeps what is left.
 *
 * Worked example: NAME 4, IMAGES 48, AGE 3 in 40 characters: 4+2+48+2+3 = 59, 19 too many →
 * IMAGES 29: `echo  gihyodocker/nginx:latest,gihy  46s`.
 */
export function fitWidths(headers: readonly string[], widths: readonly number[], width: number): number[] {
  const out = [...widths];
  const last = out.length - 1;
  const total = () => out.reduce((a, w, i) => a + w + (i < last ? GAP : 0), 0);
  let over = total() - width;
  while (over > 0) {
    let widest = -1;
    for (let i = 0; i < last; i++) {
      const floor = Math.max(8, headers[i]?.length ?? 0);
      if (out[i] > floor && (widest < 0 || out[i] > out[widest])) widest = i;
    }
    if (widest < 0) break;
    const floor = Math.max(8, headers[widest]?.length ?? 0);
    const second = Math.max(floor, ...out.filter((w, i) => i !== widest && i < last));
    const cut = Math.min(over, out[widest] - Math.min(out[widest], Math.max(floor, second)) || 1, out[widest] - floor);
    out[widest] -= cut;
    over -= cut;
  }
  return out;
}
