/**
 * The whole screen, top to bottom, as `height` lines of `width` characters: header (cluster info
 * and key hints), the prompt while typing, the body (table, text page or help; a dialog drawn
 * over it), the scenario panel, the breadcrumbs and the flash line.
 */
import { bindingsFor } from '../keymap/keymap.ts';
import type { TuiController } from '../state/controller.ts';
import { crumb, pageKind } from '../state/pages.ts';
import { PROMPT_LABEL } from '../state/prompt.ts';
import { completionFor } from '../state/prompt-actions.ts';
import { LEVEL_COLOR } from './colors.ts';
import { dialogLines } from './dialog-lines.ts';
import { compactHeader, headerLines, type HeaderModel } from './header.ts';
import { fitLine, lineWidth, overlay, seg, type Line } from './line.ts';
import { scenarioLines, stepText } from './scenario-lines.ts';
import { tableLines } from './table-lines.ts';
import { helpLines, textLines } from './text-lines.ts';

function header(c: TuiController): HeaderModel {
  const d = c.scenario;
  const step = d ? stepText(d) : undefined;
  const blocked = d?.blocked();
  return {
    cluster: 'kubernetes',
    now: c.cluster.now(),
    speed: c.time.speed,
    running: c.time.running,
    ...(blocked ? { blocked } : {}),
    summary: c.summary,
    ...(step ? { step: step.text, ...(step.color ? { stepColor: step.color } : {}) } : {}),
    readonly: c.readonly,
    favourites: c.favourites,
    hints: bindingsFor(c.keymap, pageKind(c.top)).filter((b) => b.hint && (b.command !== 'continue' || d !== undefined)),
    ...(d ? { scenario: d.scenario.name } : {}),
  };
}

function promptLine(c: TuiController, width: number): Line {
  const p = c.prompt!;
  const completion = completionFor(c, p);
  const rest = completion?.startsWith(p.text) ? completion.slice(p.text.length) : '';
  const color = p.kind === 'filter' ? 'yellow' : p.kind === 'kubectl' ? 'magenta' : 'cyan';
  return fitLine([seg(PROMPT_LABEL[p.kind], { color, bold: true }), seg(p.text, { bold: true }), seg(' ', { inverse: true }), seg(rest, { dim: true })], width);
}

function bodyLines(c: TuiController, width: number, height: number): Line[] {
  const top = c.top;
  const lines = top.type === 'table' ? tableLines(top, width, height) : top.type === 'text' ? textLines(top, width, height) : helpLines(c.keymap, top.forView, top.top, width, height);
  if (!c.dialog) return lines;
  const box = dialogLines(c.dialog, Math.max(20, width - 4));
  const bw = lineWidth(box[0]);
  const at = Math.max(0, Math.floor((width - bw) / 2));
  const from = Math.max(0, Math.floor((height - box.length) / 2));
  return lines.map((l, i) => (i >= from && i < from + box.length ? overlay(l, box[i - from], at, width) : l));
}

function crumbsLine(c: TuiController, width: number): Line {
  const out: Line = [];
  c.pages.forEach((p, i) => {
    const last = i === c.pages.length - 1;
    out.push(seg(` <${crumb(p)}> `, last ? { inverse: true, color: 'yellow', bold: true } : { color: 'blue' }), seg(' '));
  });
  return fitLine(out, width);
}

function flashLine(c: TuiController, width: number): Line {
  const f = c.flashMessage;
  const top = c.top;
  if (!f && top.type === 'table' && top.filterError) return fitLine([seg(`filter: ${top.filterError}`, { color: 'red' })], width);
  return fitLine(f ? [seg(f.text, { color: LEVEL_COLOR[f.level] })] : [], width);
}

export function composeScreen(c: TuiController): Line[] {
  const l = c.layout;
  const w = l.width;
  const h = header(c);
  const out: Line[] = [];
  if (l.header > 1) out.push(...headerLines(h, w));
  else out.push(compactHeader(h, w));
  if (l.prompt) out.push(promptLine(c, w));
  out.push(...bodyLines(c, w, l.body));
  if (l.scenario && c.scenario) out.push(...scenarioLines(c.scenario, c.cluster.now(), w, l.scenario));
  out.push(crumbsLine(c, w));
  out.push(flashLine(c, w));
  return out.slice(0, l.height).map((line) => fitLine(line, w));
}
