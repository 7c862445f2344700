/**
 * The scenario playback panel: the current step (with how far a wait or until has got), its note,
 * and the checks as they are reached — live while an `until` waits (what still fails, and why),
 * then the report lines `kubesim play` prints. A failed check is red, and the title says FAILED.
 *
 *   ┌──────── Scenario: Deployment scaling — step 5/14 ────────┐
 *   │ ▶ step 5, line 19: until (timeout 5m)  [12s of 5m]        │
 *   │   note: Scale member from 1 to 3 pods.                    │
 *   │   ✗ pods -l app=member: count 3; all STATUS=Running        │
 *   │       expected STATUS Running, found member-x: Pending    │
 *   └───────────────────────────────────────────────────────────┘
 */
import { formatElapsed } from '../../scenario/index.ts';
import type { ScenarioDriver } from '../scenario/scenario-driver.ts';
import { boxLines, seg, type Color, type Line } from './line.ts';

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

function currentLine(d: ScenarioDriver, now: number): Line {
  const step = d.step;
  if (d.phase === 'passed') return [seg(`✓ passed: ${plural(d.scenario.steps.length, 'step')}, ${plural(d.checks, 'check')}, ${formatElapsed(d.elapsed())} of virtual time`, { color: 'green', bold: true })];
  if (d.phase === 'failed') return [seg(`✗ failed at ${d.failure}`, { color: 'red', bold: true })];
  if (!step) return [];
  if (d.phase === 'paused' && step.action === 'pause') {
    return [seg(`⏸ pause: ${step.text.trim().split('\n')[0]}`, { color: 'yellow', bold: true }), seg('  — press n to continue', { color: 'yellow' })];
  }
  let progress = '';
  const deadline = d.deadline;
  if (deadline !== undefined && (step.action === 'wait' || step.action === 'until')) {
    const total = step.action === 'wait' ? step.ms : step.timeoutMs;
    progress = `  [${formatElapsed(total - (deadline - now))} of ${formatElapsed(total)}]`;
  }
  return [seg(`▶ step ${step.index}, line ${step.line}: ${step.action}`, { bold: true }), seg(progress, { dim: true })];
}

function logLine(text: string): Line {
  const t = text.replace(/^\[\s*[^\]]*\]\s?/, '').trimStart();
  const color: Color | undefined = /(^|\s)✗ /.test(text) || text.startsWith('--- FAIL') ? 'red' : /(^|\s)✓ /.test(text) || text.startsWith('--- PASS') ? 'green' : undefined;
  return [seg(t, color ? { color } : { dim: true })];
}

export function scenarioLines(d: ScenarioDriver, now: number, width: number, height: number): Line[] {
  const rows = Math.max(1, height - 2);
  const content: Line[] = [currentLine(d, now)];
  const note = d.step?.note;
  if (note && !d.done) content.push([seg(`  note: ${note.trim().split('\n')[0]}`, { color: 'blueBright' })]);
  if (d.phase === 'until' && d.results.length) {
    for (const r of d.results) {
      content.push([seg(`  ${r.ok ? '✓' : '…'} ${r.summary}`, { color: r.ok ? 'green' : 'yellow' })]);
      if (!r.ok && r.detail) content.push([seg(`      ${r.detail}`, { dim: true })]);
    }
  } else {
    const header = 1 + (d.scenario.description ? d.scenario.description.trimEnd().split('\n').length : 0);
    let log = d.log.slice(header);
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
  return boxLines([seg(title.text, { color: title.color, bold: true })], shown, width, title.color);
}
