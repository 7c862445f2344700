/**
 * Virtual scrolling: only the rows that fit are rendered (Ink's cost grows with the cells on
 * screen, not with the rows a table holds). A viewport is the selected row (`cursor`) and the
 * first visible row (`top`); the cursor always stays inside the window.
 *
 * Worked example: 100 rows, height 10, cursor 0 → top 0; `G` → cursor 99, top 90; `k` three times
 * → cursor 96, top 90 (still visible, no scroll); page up → cursor 86, top 86.
 */
export interface Viewport {
  cursor: number;
  top: number;
}

export function clampViewport(v: Viewport, count: number, height: number): Viewport {
  const h = Math.max(1, height);
  if (count <= 0) return { cursor: 0, top: 0 };
  const cursor = Math.min(Math.max(0, v.cursor), count - 1);
  let top = Math.min(Math.max(0, v.top), Math.max(0, count - h));
  if (cursor < top) top = cursor;
  if (cursor >= top + h) top = cursor - h + 1;
  return { cursor, top };
}

/** Moves the cursor by `delta` rows (a page is ±height). */
export function moveCursor(v: Viewport, delta: number, count: number, height: number): Viewport {
  return clampViewport({ cursor: v.cursor + delta, top: v.top }, count, height);
}

/** The slice of rows to render. */
export function visibleRange(v: Viewport, count: number, height: number): [number, number] {
  const c = clampViewport(v, count, height);
  return [c.top, Math.min(count, c.top + Math.max(1, height))];
}
