/**
 * The screen as data: lines of styled segments, exactly `width` characters each. The controller
 * builds them (render/*.ts, pure and testable without a terminal); the Ink layer only prints them.
 * Building text ourselves keeps each frame cheap: one <Text> per line, no layout of nested boxes.
 */
export type Color = 'cyan' | 'yellow' | 'red' | 'gray' | 'magenta' | 'green' | 'blue' | 'white' | 'whiteBright' | 'greenBright' | 'blueBright' | 'redBright';

export interface Segment {
  text: string;
  color?: Color;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

export type Line = Segment[];

export function seg(text: string, style: Omit<Segment, 'text'> = {}): Segment {
  return { text, ...style };
}

export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}

export function lineWidth(line: Line): number {
  return line.reduce((n, s) => n + s.text.length, 0);
}

/** Cuts or pads a line to exactly `width` characters. */
export function fitLine(line: Line, width: number): Line {
  const out: Line = [];
  let used = 0;
  for (const s of line) {
    if (used >= width) break;
    const text = s.text.slice(0, width - used);
    if (text) out.push({ ...s, text });
    used += text.length;
  }
  if (used < width) out.push({ text: ' '.repeat(width - used) });
  return out;
}

/** The part of a line from column `from` to `to` (exclusive). */
export function sliceLine(line: Line, from: number, to: number): Line {
  const out: Line = [];
  let pos = 0;
  for (const s of line) {
    const end = pos + s.text.length;
    const a = Math.max(from, pos);
    const b = Math.min(to, end);
    if (a < b) out.push({ ...s, text: s.text.slice(a - pos, b - pos) });
    pos = end;
  }
  return out;
}

/** `top` drawn over `base` starting at column `at` (a dialog over the table). */
export function overlay(base: Line, top: Line, at: number, width: number): Line {
  const w = lineWidth(top);
  return fitLine([...sliceLine(fitLine(base, width), 0, at), ...top, ...sliceLine(fitLine(base, width), at + w, width)], width);
}

/** A bordered box's lines: `┌ title ┐`, `│ body │`, `└ footer ┘` (footer at the right), `width` wide. */
export function boxLines(title: Line, body: readonly Line[], width: number, color: Color = 'cyan', footer: Line = []): Line[] {
  const inner = Math.max(0, width - 2);
  const titleLine = fitLine(title, Math.max(0, inner - 2));
  const tw = lineWidth(title) > inner - 2 ? inner - 2 : lineWidth(title);
  const left = Math.floor((inner - tw - 2) / 2);
  const top: Line =
    tw > 0
      ? [seg('┌' + '─'.repeat(Math.max(0, left)) + ' ', { color }), ...sliceLine(titleLine, 0, tw), seg(' ' + '─'.repeat(Math.max(0, inner - tw - 2 - left)) + '┐', { color })]
      : [seg('┌' + '─'.repeat(inner) + '┐', { color })];
  const rows = body.map((l) => [seg('│', { color }), ...fitLine(l, inner), seg('│', { color })]);
  const fw = lineWidth(footer);
  const bottom: Line =
    fw > 0 && fw + 4 <= inner
      ? [seg('└' + '─'.repeat(inner - fw - 3) + ' ', { color }), ...footer, seg(' ─┘', { color })]
      : [seg('└' + '─'.repeat(inner) + '┘', { color })];
  return [top, ...rows, bottom];
}
