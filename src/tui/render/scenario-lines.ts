/**
 * The scenario playback panel: the current step (with how far a wait or until has got), the
 * latest note (the narration, wrapped, kept until the next note), and the checks as they are
 * reached — live while an `until` waits (what still fails, and why), then the report lines
 * `kubesim play` prints. A failed check is red, and the title says FAILED.
 *
 *   ┌──────── Scenario: Deployment scaling — step 5/14 ────────┐
 *   │ ▶ step 5, line 19: until (timeout 5m)  [12s of 5m]        │
 *   │   note: Scale member from 1 to 3 pods.                    │
 *   │   ✗ pods -l app=member: count 3; all STATUS=Running        │
 *   │       expected STATUS Running, found member-x: Pending    │
 *   └────────────────────────────── :scenario the full report ─┘
 */
import { formatElapsed } from '../../scenario/index.ts';
import type { ScenarioDriver } from '../scenario/scenario-driver.ts';
import { boxLines, lineWidth, seg, type Color, type Line } from './line.ts';
import { wrapText } from './wrap.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function scenarioTitle(d: ScenarioDriver): { text: string; color: Color } {
  const total = d.scenario.steps.length;
  switch (d.phase) {
    case 'passed':
      return { text: `Scenario: ${d.scenario.name} — PASSED`, color: 'green' };
    case 'failed':
      return { text: `Scenario: ${d.scenario.name} — FAILED at ${d.failure}`, color: 'red' };
    default:
      return { text: `Scenario: ${d.scenario.name} — step ${Math.min(d.index + 1, total)}/${total}`, color: d.phase === 'paused' ? 'yellow' : 'cyan' };
  }
}

/** `5/14 until (timeout 5m)` for the header's Step line. */
export function stepText(d: ScenarioDriver): { text: string; color?: Color } {
  const total = d.scenario.steps.length;
  if (d.phase === 'passed') return { text: `passed (${plural(total, 'step')}, ${plural(d.checks, 'check')})`, color: 'green' };
  if (d.phase === 'failed') return { text: `FAILED at ${d.failure}`, color: 'red' };
  const step = d.step;
  const what = step ? (step.action === 'until' ? `until (timeout ${formatElapsed(step.timeoutMs)})` : step.action === 'wait' ? `wait ${formatElapsed(step.ms)}` : step.action) : '';
  if (d.phase === 'paused') return { text: `${d.index + 1}/${total} pause: press n to continue`, color: 'yellow' };
  return { text: `${d.index + 1}/${total} ${what}` };
}

/** The latest narration reached: the note of the current step or of the last step that had one. */
export function latestNote(d: ScenarioDriver): string | undefined {
  const steps = d.scenario.steps;
  for (let i = Math.min(d.index, steps.length - 1); i >= 0; i--) {
    const s = steps[i];
    if (s.note !== undefined && s.note.trim()) return s.note.trim();
    if (s.action === 'note' && s.text.trim()) return s.text.trim();
  }
  return undefined;
}

/** `text` word-wrapped at `width`, the first piece after `first`, the others after as many spaces. */
function wrapped(first: string, text: string, width: number): string[] {
  const pad = ' '.repeat(first.length);
  return text.split('\n').flatMap((l, i) => wrapText(l.trimEnd(), Math.max(10, width - first.length)).map((piece, j) => (i === 0 && j === 0 ? first : pad) + piece));
}

/** What the scenario is doing now: the step (with how far a wait or until has got), or the pause and which key continues it. */
function currentLines(d: ScenarioDriver, now: number, width: number): Line[] {
  const step = d.step;
  if (d.phase === 'passed') return [[seg(`✓ passed: ${plural(d.scenario.steps.length, 'step')}, ${plural(d.checks, 'check')}`, { color: 'green', bold: true })]];
  if (d.phase === 'failed') return [[seg(`✗ failed at ${d.failure}`, { color: 'red', bold: true })]];
  if (!step) return [];
  if (d.phase === 'paused' && step.action === 'pause') {
    const hint = '  — press n to continue';
    const lines: Line[] = wrapped('⏸ pause: ', step.text.trim(), width).map((t) => [seg(t, { color: 'yellow', bold: true })]);
    const last = lines[lines.length - 1];
    if (lineWidth(last) + hint.length <= width) last.push(seg(hint, { color: 'yellow' }));
    else lines.push([seg(hint.trim(), { color: 'yellow' })]);
    return lines;
  }
  let progress = '';
  const deadline = d.deadline;
  if (deadline !== undefined && (step.action === 'wait' || step.action === 'until')) {
    const total = step.action === 'wait' ? step.ms : step.timeoutMs;
    progress = `  [${formatElapsed(total - (deadline - now))} of ${formatElapsed(total)}]`;
  }
  return [[seg(`▶ step ${step.index}, line ${step.line}: ${step.action}`, { bold: true }), seg(progress, { dim: true })]];
}

function logLine(text: string): Line {
  const t = text.replace(/^\[\s*[^\]]*\]\s?/, '').trimStart();
  const color: Color | undefined = /(^|\s)✗ /.test(text) || text.startsWith('--- FAIL') ? 'red' : /(^|\s)✓ /.test(text) || text.startsWith('--- PASS') ? 'green' : undefined;
  return [seg(t, color ? { color } : { dim: true })];
}

/**
 * The panel: what happens now, the narration (the latest note, wrapped, so that a note read out
 * by an instant step stays on screen while the steps after it run), then the live checks of an
 * until or the latest report lines. The full report is one `:scenario` away (said in the border).
 */
export function scenarioLines(d: ScenarioDriver, now: number, width: number, height: number): Line[] {
  const rows = Math.max(1, height - 2);
  const inner = Math.max(1, width - 2);
  const content: Line[] = currentLines(d, now, inner);
  const note = d.done ? undefined : latestNote(d);
  if (note) {
    // The note may take what the step line leaves, less one row for a check or a report line.
    const room = Math.max(1, rows - content.length - 1);
    const lines = wrapped('  note: ', note, inner);
    const shown = lines.length > room ? [...lines.slice(0, room - 1), `${lines[room - 1].slice(0, inner - 2).trimEnd()} …`] : lines;
    content.push(...shown.map((t) => [seg(t, { color: 'blueBright' })]));
  }
  if (d.phase === 'until' && d.results.length) {
    for (const r of d.results) {
      content.push([seg(`  ${r.ok ? '✓' : '…'} ${r.summary}`, { color: r.ok ? 'green' : 'yellow' })]);
      if (!r.ok && r.detail) content.push([seg(`      ${r.detail}`, { dim: true })]);
    }
  } else {
    const header = 1 + (d.scenario.description ? d.scenario.description.trimEnd().split('\n').length : 0);
    // Notes are shown above; the report's own note lines would only repeat them.
    let log = d.log.slice(header).filter((l) => d.done || !/^\s+note: /.test(l));
    if (d.phase === 'failed') {
      // What failed, not the lines after it (the title already says FAILED).
      const at = log.findIndex((l) => /(^|\s)✗ /.test(l));
      log = log.slice(Math.max(0, at)).filter((l) => !l.startsWith('--- FAIL') && !/^\s+steps? [\d-]+ not run$/.test(l));
      content.push(...log.slice(0, Math.max(0, rows - content.length)).map(logLine));
    } else {
      const room = rows - content.length;
      content.push(...(room > 0 ? log.slice(-room) : []).map(logLine));
    }
  }
  const shown = content.slice(0, rows);
  while (shown.length < rows) shown.push([]);
  const title = scenarioTitle(d);
  const footer = inner >= 60 ? [seg(':scenario', { color: 'blue', bold: true }), seg(' the full report', { dim: true })] : [];
  return boxLines([seg(title.text, { color: title.color, bold: true })], shown, width, title.color, footer);
}
