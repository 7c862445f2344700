/**
 * Plays a validated scenario against a host: the cluster objects at time 0, then the steps in
 * order. Time moves only in `wait` and `until`; every other step happens at the current instant
 * (the host settles after each). The first step that fails stops the scenario; the steps after
 * it are reported as not run.
 */
import { formatElapsed, type ScenarioReport } from './report.ts';
import { bindConditions, evaluateBound } from './bind.ts';
import type { ConditionResult } from './evaluate.ts';
import { printedText, type CommandResult, type ScenarioHost } from './host.ts';
import type { Scenario, Step } from './types.ts';
import { substitute } from './variables.ts';

export interface PlayOutcome {
  passed: boolean;
  /** Steps that ran (a failed one included). */
  steps: number;
  /** Conditions and expected failures that held. */
  checks: number;
  /** Virtual time from the start to the end of the last step run. */
  elapsedMs: number;
  /** What failed: `step 3 (line 17)` or `setup (line 8)`. */
  failure?: string;
}

export function playScenario(scenario: Scenario, host: ScenarioHost, report: ScenarioReport): PlayOutcome {
  const start = host.now();
  const elapsed = () => host.now() - start;
  let checks = 0;
  let steps = 0;
  const outcome = (failure?: string): PlayOutcome => ({
    passed: failure === undefined,
    steps,
    checks,
    elapsedMs: elapsed(),
    ...(failure ? { failure } : {}),
  });

  /** Values saved by kubectl steps (`save: NAME`), used as `${NAME}`. */
  const vars = new Map<string, string>();

  report.begin(scenario.name, scenario.file, scenario.description);
  const objects = scenario.cluster.objects;
  if (objects) {
    report.step(0, `setup, line ${scenario.cluster.objectsLine}: apply cluster.objects ${objects.label === 'inline' ? '(inline YAML)' : objects.label}`);
    const ok = commandStep(host.manifests('apply', objects.manifests, sourceName(objects.label)), undefined);
    report.endStep(!ok);
    if (!ok) {
      report.notRun(1, scenario.steps.length);
      return outcome(`setup (line ${scenario.cluster.objectsLine})`);
    }
  }

  for (const step of scenario.steps) {
    steps++;
    report.step(elapsed(), `step ${step.index}, line ${step.line}: ${summary(step, vars)}`);
    if (step.note !== undefined) report.note(step.note);
    const ok = run(step);
    report.endStep(!ok);
    if (!ok) {
      report.notRun(step.index + 1, scenario.steps.length);
      return outcome(`step ${step.index} (line ${step.line})`);
    }
  }
  return outcome();

  function run(step: Step): boolean {
    switch (step.action) {
      case 'apply':
      case 'create':
      case 'delete':
        return commandStep(host.manifests(step.action, step.source.manifests, sourceName(step.source.label)), step.fails);
      case 'kubectl': {
        const r = host.kubectl(substitute(step.command, vars));
        const ok = commandStep(r, step.fails);
        if (ok && step.save) {
          vars.set(step.save, r.stdout.trim());
          report.output(`saved \${${step.save}} = ${r.stdout.trim()}`);
        }
        return ok;
      }
      case 'sim': {
        const r = host.sim(substitute(step.command, vars), step.source);
        if (r.ok) {
          report.output(r.output);
          return true;
        }
        report.verdict(elapsed(), false, r.error);
        return false;
      }
      case 'wait':
        host.advanceBy(step.ms);
        return true;
      case 'until': {
        let last: ConditionResult[] = [];
        const bound = bindConditions(step.conditions, vars);
        const held = host.advanceUntil(() => {
          last = evaluateBound(bound, host);
          return last.every((r) => r.ok);
        }, step.timeoutMs);
        const note = held ? undefined : `timed out after ${formatElapsed(step.timeoutMs)}; last seen:`;
        return conditionLines(last, note);
      }
      case 'expect':
        return conditionLines(evaluateBound(bindConditions(step.conditions, vars), host), undefined);
      case 'note':
      case 'pause':
        report.output(step.text.trim().split('\n').slice(1).join('\n'));
        return true;
    }
  }

  function conditionLines(results: ConditionResult[], failNote: string | undefined): boolean {
    for (const r of results) {
      report.check(elapsed(), r, failNote);
      if (r.ok) checks++;
    }
    return results.every((r) => r.ok) && failNote === undefined;
  }

  /** A command's output, then whether it did what the step asked (succeed, or fail with `fails`). */
  function commandStep(r: CommandResult, fails: string | undefined): boolean {
    const printed = printedText(r);
    report.output(printed);
    if (fails === undefined) {
      if (r.exitCode === 0) return true;
      report.verdict(elapsed(), false, `command failed (exit code ${r.exitCode})`);
      return false;
    }
    if (r.exitCode === 0) {
      report.verdict(elapsed(), false, `expected the command to fail with ${JSON.stringify(fails)}, but it succeeded`);
      return false;
    }
    if (!printed.includes(fails)) {
      report.verdict(elapsed(), false, `expected the error to contain ${JSON.stringify(fails)}`);
      return false;
    }
    checks++;
    report.verdict(elapsed(), true, `failed as expected (${JSON.stringify(fails)})`);
    return true;
  }
}

/** kubectl names inline YAML as it names standard input. */
function sourceName(label: string): string {
  return label === 'inline' ? 'STDIN' : label;
}

/** The one-line summary of a step. */
export function summary(step: Step, vars: ReadonlyMap<string, string> = new Map()): string {
  switch (step.action) {
    case 'apply':
    case 'create':
    case 'delete':
      return `${step.action} ${step.source.label === 'inline' ? '(inline YAML)' : step.source.label}`;
    case 'kubectl':
      return `$ kubectl ${substitute(step.command, vars).trim().replace(/^(kubectl|k)\s+/, '')}`;
    case 'sim':
      return `sim ${substitute(step.command, vars).trim()}`;
    case 'wait':
      return `wait ${formatElapsed(step.ms)}`;
    case 'until':
      return `until (timeout ${formatElapsed(step.timeoutMs)})`;
    case 'expect':
      return 'expect';
    case 'note':
      return `note: ${firstLine(step.text)}`;
    case 'pause':
      return `pause (play does not pause)${step.text ? `: ${firstLine(step.text)}` : ''}`;
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0];
}
