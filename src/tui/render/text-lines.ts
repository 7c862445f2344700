/**
 * Text pages (describe, YAML, logs, events, kubectl output, the scenario log) and the help screen
 * drawn as lines inside a titled border. Tabs are expanded to 8-column stops as a terminal would;
 * a line wider than the page wraps, as in a terminal, unless wrapping is toggled off (`w`), when
 * it is cut at the border as in k9s. A page scrolls by the lines it shows.
 */
import { bindingsFor, type Group, type KeyBinding } from '../keymap/keymap.ts';
import { keyLabel } from '../keymap/keys.ts';
import type { TextPage } from '../state/pages.ts';
import type { PageKind } from '../views/view-names.ts';
import { ACCENT, LABEL } from './colors.ts';
import { boxLines, fitLine, seg, type Line } from './line.ts';
import { wrapLines } from './wrap.ts';

export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}

/** Lines of content a body of `height` shows. */
export function textRowsFor(height: number): number {
  return Math.max(1, height - 2);
}

/** The lines a text page shows at this screen width (wrapped or not). */
export function displayLines(page: TextPage, width: number): string[] {
  const lines = page.lines.map(expandTabs);
  return page.wrap ? wrapLines(lines, Math.max(1, width - 2)) : lines;
}

/** How many lines a text page shows at this width, to scroll by. */
export function textLineCount(page: TextPage, width: number): number {
  return page.wrap ? displayLines(page, width).length : page.lines.length;
}

export function textLines(page: TextPage, width: number, height: number): Line[] {
  const rows = textRowsFor(height);
  const all = displayLines(page, width);
  const shown = all.slice(page.top, page.top + rows).map((l) => [seg(l)]);
  while (shown.length < rows) shown.push([]);
  const end = Math.min(all.length, page.top + rows);
  const where = all.length > rows ? ` [${page.top + 1}-${end}/${all.length}]` : '';
  const title = `${page.title}${page.follow ? ' (follow)' : ''}${page.wrap ? '' : ' (no wrap)'}${where}`;
  return boxLines([seg(title, { color: ACCENT, bold: true })], shown, width);
}

const GROUPS: { group: Group; title: string }[] = [
  { group: 'resource', title: 'RESOURCE' },
  { group: 'general', title: 'GENERAL' },
  { group: 'time', title: 'TIME' },
  { group: 'navigation', title: 'NAVIGATION' },
];

/** `<j> <down>`; a run of digits as `<1>…<9>`. */
function keysText(keys: readonly string[]): string {
  if (keys.length > 2 && keys.every((k) => /^\d$/.test(k))) return `<${keys[0]}>…<${keys[keys.length - 1]}>`;
  return keys.map((k) => `<${keyLabel(k)}>`).join(' ');
}

/** The help screen's columns: RESOURCE, GENERAL, TIME, NAVIGATION, each `<key> Description`. */
export function helpColumns(keymap: readonly KeyBinding[], view: PageKind): { title: string; rows: [string, string, boolean][] }[] {
  const bindings = bindingsFor(keymap, view);
  return GROUPS.map(({ group, title }) => ({
    title,
    rows: bindings.filter((b) => b.group === group).map((b) => [keysText(b.keys), b.description, b.dangerous ?? false] as [string, string, boolean]),
  })).filter((c) => c.rows.length > 0);
}

/** The help screen's content lines (without its border): as many columns side by side as fit. */
function helpContent(keymap: readonly KeyBinding[], view: PageKind, width: number): Line[] {
  const inner = Math.max(0, width - 2);
  const cols = helpColumns(keymap, view).map((c) => {
    const keyWidth = Math.max(...c.rows.map((r) => r[0].length));
    const width = Math.max(c.title.length, ...c.rows.map((r) => keyWidth + 1 + r[1].length)) + 3;
    return { ...c, keyWidth, width };
  });
  const out: Line[] = [];
  for (let c = 0; c < cols.length; ) {
    const group: typeof cols = [];
    let used = 0;
    while (c < cols.length && (group.length === 0 || used + cols[c].width <= inner)) {
      used += cols[c].width;
      group.push(cols[c++]);
    }
    const depth = Math.max(...group.map((g) => g.rows.length)) + 1;
    for (let r = 0; r < depth; r++) {
      let line: Line = [];
      for (const g of group) {
        const row = g.rows[r - 1];
        const cell: Line =
          r === 0
            ? [seg(g.title, { color: LABEL, bold: true })]
            : row
              ? [seg(row[0].padEnd(g.keyWidth), { color: row[2] ? 'red' : 'blue', bold: true }), seg(` ${row[1]}`)]
              : [];
        line = [...line, ...fitLine(cell, g.width)];
      }
      out.push(line);
    }
    out.push([]);
  }
  return out;
}

export function helpLineCount(keymap: readonly KeyBinding[], view: PageKind, width: number): number {
  return helpContent(keymap, view, width).length;
}

export function helpLines(keymap: readonly KeyBinding[], view: PageKind, top: number, width: number, height: number): Line[] {
  const out = helpContent(keymap, view, width);
  const rows = textRowsFor(height);
  const shown = out.slice(top, top + rows);
  while (shown.length < rows) shown.push([]);
  return boxLines([seg(`Help(${view})`, { color: ACCENT, bold: true })], shown, width);
}
