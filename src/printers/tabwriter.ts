/**
 * Go's text/tabwriter, as kubectl uses it: text cells end with '\t', lines end with '\n', and each
 * column block (consecutive lines that have a cell in that column) is as wide as its widest cell
 * plus `padding`, at least `minwidth`. The last cell of a line belongs to no column and is never
 * padded; a line with fewer cells ends every block to its right.
 *
 * `kubectl get` tables use minwidth 6, padding 3 (cli-runtime GetNewTabWriter); `kubectl describe`
 * uses minwidth 0, padding 2 (describe tabbedString). The pad character is always ' ', so tabwidth
 * plays no part and is not modelled.
 *
 * Worked example (minwidth 6, padding 3):
 *
 *   "NAME\tREADY\tAGE\n" + "web-1\t1/1\t5s\n"
 *   column 0: max(len "NAME", len "web-1") + 3 = 8;  column 1: max(5, 3) + 3 = 8
 *   → "NAME    READY   AGE\n" + "web-1   1/1     5s\n"
 *
 * A column whose cells are at most 2 characters is still minwidth (6) wide: "NS\tX\n" → "NS    X\n".
 */

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

interface Cell {
  text: string;
  width: number;
}

/** The display width Go's tabwriter counts: UTF-8 runes. */
export function runeWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Aligns tab-separated text as Go's tabwriter (pad char ' ', no flags) would. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const lines: Cell[][] = text.split('\n').map((line) => line.split('\t').map((t) => ({ text: t, width: runeWidth(t) })));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      let s = '';
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        s += c.text;
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - c.width));
      }
      out.push(s);
    }
  };

  // format(): Go's recursive column-block formatter, one column deeper per level.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let th = line0; th < line1; th++) {
      if (column >= lines[th].length - 1) continue;
      // A cell exists in this column: the lines before it are complete.
      writeLines(line0, th);
      line0 = th;
      let width = opts.minwidth;
      for (; th < line1; th++) {
        const line = lines[th];
        if (column >= line.length - 1) break;
        const w = line[column].width + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, th);
      widths.pop();
      line0 = th;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
