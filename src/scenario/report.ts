/**
 * What `kubesim play` prints: deterministic (virtual times only), readable and greppable.
 *
 *   === StatefulSet basics (scenarios/sts.yaml)
 *   [   0s] step 1, line 12: apply manifests/sts.yaml
 *           statefulset.apps/member created
 *   [   0s] step 2, line 13: until (timeout 5m)
 *   [  26s]   ✓ pods -l app=member: names [member-0, member-1, member-2]
 *   [  26s] step 3, line 17: expect
 *   [  26s]   ✗ pods member-0: all STATUS=Running
 *               expected STATUS Running, found member-0: Pending
 *           steps 4-6 not run
 *   --- FAIL: StatefulSet basics (scenarios/sts.yaml): step 3 (line 17) failed
 *
 * With `quiet`, a passing file prints nothing and a failing one only its failing step (with the
 * `===` and `--- FAIL` lines around it). Lines of a step are held until the step ends, so that
 * quiet mode knows whether they belong to a failure.
 */
import { formatDiagnostic, type Diagnostic } from './diagnostics.ts';
import type { ConditionResult } from './evaluate.ts';

export type LineSink = (line: string) => void;

const OUTPUT_INDENT = ' '.repeat(8);
const DETAIL_INDENT = ' '.repeat(12);

/** Virtual time since the start, as scenario durations are written: `0s`, `26s`, `1m30s`, `1h5m`. */
export function formatElapsed(ms: number): string {
  if (ms <= 0) return '0s';
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  let out = '';
  if (h) out += `${h}h`;
  if (m) out += `${m}m`;
  if (s) out += `${Number(s.toFixed(3))}s`;
  return out;
}

function stamp(ms: number): string {
  return `[${formatElapsed(ms).padStart(5)}]`;
}

export class ScenarioReport {
  private held: string[] = [];
  private headerLines: string[] = [];

  constructor(
    private sink: LineSink,
    private quiet: boolean,
  ) {}

  begin(name: string, file: string, description?: string): void {
    this.headerLines = [`=== ${name} (${file})`];
    if (description) for (const l of description.trimEnd().split('\n')) this.headerLines.push(`    ${l}`);
    if (!this.quiet) this.headerLines.forEach((l) => this.sink(l));
  }

  /** Starts a step (or the setup): its lines are held until endStep. */
  step(elapsed: number, what: string): void {
    this.held = [`${stamp(elapsed)} ${what}`];
  }

  note(text: string): void {
    for (const l of text.trimEnd().split('\n')) this.held.push(`${OUTPUT_INDENT}note: ${l}`);
  }

  /** Command output, indented below the step. */
  output(text: string): void {
    const trimmed = text.replace(/\n+$/, '');
    if (trimmed === '') return;
    for (const l of trimmed.split('\n')) this.held.push(`${OUTPUT_INDENT}${l}`.trimEnd());
  }

  check(elapsed: number, r: ConditionResult, failNote?: string): void {
    this.held.push(`${stamp(elapsed)}   ${r.ok ? '✓' : '✗'} ${r.summary}`);
    if (!r.ok) {
      if (failNote) this.held.push(`${DETAIL_INDENT}${failNote}`);
      if (r.detail) this.held.push(`${DETAIL_INDENT}${r.detail}`);
      if (r.output !== undefined) {
        this.held.push(`${DETAIL_INDENT}output was:`);
        const body = r.output.replace(/\n+$/, '');
        for (const l of (body === '' ? '(empty)' : body).split('\n')) this.held.push(`${DETAIL_INDENT}  ${l}`.trimEnd());
      }
    }
  }

  /** A step's own verdict line: `✓ failed as expected: ...` or `✗ command failed (exit code 1)`. */
  verdict(elapsed: number, ok: boolean, text: string): void {
    this.held.push(`${stamp(elapsed)}   ${ok ? '✓' : '✗'} ${text}`);
  }

  endStep(failed: boolean): void {
    if (!this.quiet) this.held.forEach((l) => this.sink(l));
    else if (failed) [...this.headerLines, ...this.held].forEach((l) => this.sink(l));
    this.held = [];
  }

  notRun(first: number, last: number): void {
    if (first > last) return;
    this.sink(`${OUTPUT_INDENT}${first === last ? `step ${first}` : `steps ${first}-${last}`} not run`);
  }

  passed(name: string, file: string, steps: number, checks: number, elapsed: number): void {
    if (!this.quiet) {
      this.sink(`--- PASS: ${name} (${file}): ${plural(steps, 'step')}, ${plural(checks, 'check')}, ${formatElapsed(elapsed)} of virtual time`);
    }
  }

  failed(name: string, file: string, where: string): void {
    this.sink(`--- FAIL: ${name} (${file}): ${where} failed`);
  }
}

/** An invalid file: every problem, then its FAIL line (printed in quiet mode too). */
export function reportInvalid(sink: LineSink, file: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) sink(formatDiagnostic(d));
  sink(`--- FAIL: ${file}: invalid (${plural(diagnostics.length, 'problem')}), nothing was run`);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
