/**
 * Plays a scenario one step at a time, driven by the TUI's clock instead of as fast as possible.
 *
 * Steps that happen at an instant (apply, kubectl, sim, expect, note) run as soon as they are
 * reached. `wait` and `until` consume virtual time as the TUI's clock moves (real time × speed,
 * or the "next event" key): the driver is the clock's advancer, so it never lets time run past
 * the end of a `wait` or between the instants an `until` must look at. A `pause` step holds the
 * scenario and time at its instant until the user continues it (the user may look around and
 * act meanwhile): a scenario's later checks were written for the instant `kubesim play` reaches
 * them, and play does not stop at pauses.
 *
 * The result is the same as `kubesim play`: the same instants, the same checks, the same report
 * lines (ScenarioReport), only spread over real time. Worked example: `wait: 30s` at ×5 with
 * ticks of 250 ms moves 1.25 s per tick and ends after 24 ticks exactly at +30 s; the next step
 * runs at that instant even if the tick would have gone further, and the rest of the tick's
 * time goes to the steps after it.
 */
import {
  bindConditions,
  evaluateBound,
  formatElapsed,
  printedText,
  ScenarioReport,
  stepSummary,
  substitute,
  type CommandResult,
  type ConditionResult,
  type Scenario,
  type ScenarioHost,
  type Step,
} from '../../scenario/index.ts';

/** The clock as the driver moves it (Cluster has these). */
export interface TimeSource {
  now(): number;
  nextEventTime(): number | undefined;
  advanceTo(t: number): void;
  stepToNextEvent(limit?: number): boolean;
}

/** What moves virtual time for the TUI: the cluster alone, or a scenario driver in front of it. */
export interface Advancer {
  advanceTo(t: number): void;
  /** The instant time must stop at next (the end of a wait, an until's timeout), if any. */
  limit(): number | undefined;
  /** Why time may not move now (a pause step), if it may not. */
  blocked(): string | undefined;
}

export type Phase = 'running' | 'waiting' | 'until' | 'paused' | 'passed' | 'failed';

export class ScenarioDriver implements Advancer {
  /** The report lines so far, as `kubesim play` prints them. */
  readonly log: string[] = [];
  phase: Phase = 'running';
  /** Index into scenario.steps of the current step. */
  index = 0;
  checks = 0;
  failure?: string;
  /** The latest results of the current until (live) or of the last step with checks. */
  results: ConditionResult[] = [];
  private report: ScenarioReport;
  private vars = new Map<string, string>();
  private start = 0;
  private end = 0;
  private started = false;

  constructor(
    readonly scenario: Scenario,
    private readonly host: ScenarioHost,
    private readonly time: TimeSource,
  ) {
    this.report = new ScenarioReport((line) => this.log.push(line), false);
  }

  get step(): Step | undefined {
    return this.scenario.steps[this.index];
  }

  get done(): boolean {
    return this.phase === 'passed' || this.phase === 'failed';
  }

  /** The end of the current wait, or the timeout of the current until. */
  get deadline(): number | undefined {
    return this.phase === 'waiting' || this.phase === 'until' ? this.end : undefined;
  }

  elapsed(): number {
    return this.time.now() - this.start;
  }

  /** Applies cluster.objects and runs the steps up to the first that needs time or a key. */
  begin(): void {
    if (this.started) return;
    this.started = true;
    this.start = this.time.now();
    const s = this.scenario;
    this.report.begin(s.name, s.file, s.description);
    const objects = s.cluster.objects;
    if (objects) {
      this.report.step(0, `setup, line ${s.cluster.objectsLine}: apply cluster.objects ${objects.label === 'inline' ? '(inline YAML)' : objects.label}`);
      const ok = this.commandStep(this.host.manifests('apply', objects.manifests, source(objects.label)), undefined);
      this.report.endStep(!ok);
      if (!ok) {
        this.fail(`setup (line ${s.cluster.objectsLine})`, 1);
        return;
      }
    }
    this.runInstant();
  }

  limit(): number | undefined {
    return this.deadline;
  }

  blocked(): string | undefined {
    return this.phase === 'paused' ? 'The scenario is paused: press n to continue' : undefined;
  }

  /** Continues past a pause step. Whether there was one. */
  continue(): boolean {
    const step = this.step;
    if (this.phase !== 'paused' || step?.action !== 'pause') return false;
    this.report.output(step.text.trim().split('\n').slice(1).join('\n'));
    this.finish(true);
    this.runInstant();
    return true;
  }

  advanceTo(target: number): void {
    for (;;) {
      if (this.phase === 'running') this.runInstant();
      if (this.phase === 'paused') return;
      if (this.phase === 'waiting') {
        const t = Math.min(target, this.end);
        this.time.advanceTo(t);
        if (t < this.end) return;
        this.finish(true);
        continue;
      }
      if (this.phase === 'until') {
        const limit = Math.min(target, this.end);
        const next = this.time.nextEventTime();
        if (next === undefined || next > limit) {
          this.time.advanceTo(limit);
          if (limit < this.end) return;
          this.endUntil(this.check());
          continue;
        }
        this.time.stepToNextEvent(next);
        if (this.check()) this.endUntil(true);
        continue;
      }
      if (this.time.now() < target) this.time.advanceTo(target);
      return;
    }
  }

  /** Runs steps while they need neither time nor a key. */
  private runInstant(): void {
    while (this.phase === 'running') {
      const step = this.step;
      if (!step) {
        this.phase = 'passed';
        this.report.passed(this.scenario.name, this.scenario.file, this.scenario.steps.length, this.checks, this.elapsed());
        return;
      }
      const what = step.action === 'pause' ? `pause: ${step.text.trim().split('\n')[0]}` : stepSummary(step, this.vars);
      this.report.step(this.elapsed(), `step ${step.index}, line ${step.line}: ${what}`);
      if (step.note !== undefined) this.report.note(step.note);
      this.results = [];
      switch (step.action) {
        case 'wait':
          this.phase = 'waiting';
          this.end = this.time.now() + step.ms;
          if (step.ms <= 0) this.finish(true);
          break;
        case 'until':
          this.phase = 'until';
          this.end = this.time.now() + step.timeoutMs;
          if (this.check()) this.endUntil(true);
          break;
        case 'pause':
          this.phase = 'paused';
          break;
        default:
          this.finish(this.instantStep(step));
      }
    }
  }

  private instantStep(step: Step): boolean {
    const host = this.host;
    switch (step.action) {
      case 'apply':
      case 'create':
      case 'delete':
        return this.commandStep(host.manifests(step.action, step.source.manifests, source(step.source.label)), step.fails);
      case 'kubectl': {
        const r = host.kubectl(substitute(step.command, this.vars));
        const ok = this.commandStep(r, step.fails);
        if (ok && step.save) {
          this.vars.set(step.save, r.stdout.trim());
          this.report.output(`saved \${${step.save}} = ${r.stdout.trim()}`);
        }
        return ok;
      }
      case 'sim': {
        const r = host.sim(substitute(step.command, this.vars), step.source);
        if (r.ok) this.report.output(r.output);
        else this.report.verdict(this.elapsed(), false, r.error);
        return r.ok;
      }
      case 'expect':
        this.results = evaluateBound(bindConditions(step.conditions, this.vars), host);
        return this.conditionLines(this.results, undefined);
      case 'note':
        this.report.output(step.text.trim().split('\n').slice(1).join('\n'));
        return true;
      default:
        throw new Error(`step ${step.index} (${step.action}) takes time; it is not an instant step`);
    }
  }

  private check(): boolean {
    const step = this.step;
    if (step?.action !== 'until') return false;
    this.results = evaluateBound(bindConditions(step.conditions, this.vars), this.host);
    return this.results.every((r) => r.ok);
  }

  private endUntil(held: boolean): void {
    const step = this.step;
    const timeout = step?.action === 'until' ? step.timeoutMs : 0;
    const ok = this.conditionLines(this.results, held ? undefined : `timed out after ${formatElapsed(timeout)}; last seen:`);
    this.finish(ok);
  }

  private finish(ok: boolean): void {
    const step = this.step!;
    this.report.endStep(!ok);
    if (!ok) {
      this.fail(`step ${step.index} (line ${step.line})`, step.index + 1);
      return;
    }
    this.index++;
    this.phase = 'running';
  }

  private fail(where: string, firstNotRun: number): void {
    this.report.notRun(firstNotRun, this.scenario.steps.length);
    this.report.failed(this.scenario.name, this.scenario.file, where);
    this.failure = where;
    this.phase = 'failed';
  }

  private conditionLines(results: ConditionResult[], failNote: string | undefined): boolean {
    for (const r of results) {
      this.report.check(this.elapsed(), r, failNote);
      if (r.ok) this.checks++;
    }
    return results.every((r) => r.ok) && failNote === undefined;
  }

  private commandStep(r: CommandResult, fails: string | undefined): boolean {
    const printed = printedText(r);
    this.report.output(printed);
    if (fails === undefined) {
      if (r.exitCode === 0) return true;
      this.report.verdict(this.elapsed(), false, `command failed (exit code ${r.exitCode})`);
      return false;
    }
    if (r.exitCode === 0) {
      this.report.verdict(this.elapsed(), false, `expected the command to fail with ${JSON.stringify(fails)}, but it succeeded`);
      return false;
    }
    if (!printed.includes(fails)) {
      this.report.verdict(this.elapsed(), false, `expected the error to contain ${JSON.stringify(fails)}`);
      return false;
    }
    this.checks++;
    this.report.verdict(this.elapsed(), true, `failed as expected (${JSON.stringify(fails)})`);
    return true;
  }
}

/** kubectl names inline YAML as it names standard input. */
function source(label: string): string {
  return label === 'inline' ? 'STDIN' : label;
}
