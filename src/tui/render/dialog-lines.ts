/**
 * A dialog drawn as a box, centred over the body: the message, each field (a focused one shown
 * inverse), then the buttons. A destructive dialog is drawn in red.
 *
 *   ┌──────────── Delete ────────────┐
 *   │ Delete deployment ott/member?  │
 *   │                                │
 *   │ Propagation: < Background >    │
 *   │                                │
 *   │         [ Cancel ]  [ OK ]     │
 *   └────────────────────────────────┘
 */
import type { Dialog, Field } from '../state/dialog.ts';
import { boxLines, lineWidth, seg, type Line } from './line.ts';

function fieldLines(f: Field, focused: boolean): Line[] {
  const hl = { inverse: focused };
  switch (f.type) {
    case 'text':
      return [[seg(`${f.label}: `), seg(` ${f.value}${focused ? '▏' : ''}`.padEnd(24), { ...hl, bold: true })]];
    case 'checkbox':
      return [[seg(`[${f.value ? 'x' : ' '}] ${f.label}`, hl)]];
    case 'choice':
      return [[seg(`${f.label}: `), seg(`< ${f.options[f.value]} >`, { ...hl, bold: true })]];
    case 'list': {
      const top = Math.max(0, Math.min(f.value - f.height + 1, f.items.length - f.height));
      const start = Math.max(0, Math.min(top, f.value));
      const rows = f.items.slice(start, start + f.height).map((item, i): Line => {
        const sel = start + i === f.value;
        return [seg(sel ? '> ' : '  '), seg(item, { inverse: sel && focused, bold: sel })];
      });
      return f.label ? [[seg(f.label, { bold: true })], ...rows] : rows;
    }
  }
}

export function dialogLines(d: Dialog, maxWidth: number): Line[] {
  const body: Line[] = d.message.map((m) => [seg(m)]);
  body.push([]);
  d.fields.forEach((f, i) => body.push(...fieldLines(f, d.focus === i)));
  if (d.fields.length) body.push([]);
  const buttons: Line = [];
  d.buttons.forEach((b, i) => {
    const focused = d.focus === d.fields.length + i;
    const danger = d.danger && b !== 'Cancel';
    if (i > 0) buttons.push(seg('  '));
    buttons.push(seg(`[ ${b} ]`, { inverse: focused, bold: true, ...(danger ? { color: 'red' } : {}) }));
  });
  const bw = lineWidth(buttons);
  const contentWidth = Math.max(bw, ...body.map(lineWidth), d.title.length + 4);
  const width = Math.min(maxWidth, contentWidth + 4);
  const pad = Math.max(0, Math.floor((width - 2 - bw) / 2));
  body.push([seg(' '.repeat(pad)), ...buttons]);
  return boxLines([seg(d.title, { bold: true })], body.map((l) => [seg(' '), ...l]), width, d.danger ? 'red' : 'cyan');
}
