/**
 * The steps of a scenario: each a map with exactly one action key, plus `note` on any step,
 * `timeout` on `until`, `fails` on `kubectl` (and on apply/create/delete), `save` on `kubectl`,
 * `manifest` on `sim: static add`. Every mistake is reported with the step's field path, before
 * anything runs.
 *
 * Variables (kubesim's extension of the format, variables.ts): `save: NAME` on a kubectl step
 * keeps the command's stdout (trimmed); later kubectl and sim lines and every string of a
 * condition may use it as `${NAME}`. A name used before a step saves it is an error found
 * before step 1, located where the name is written.
 */
import { parseDuration } from '../api/duration.ts';
import type { PathSegment } from '../manifest/yaml-source.ts';
import { compileConditions } from './conditions.ts';
import type { DiagnosticList } from './diagnostics.ts';
import type { ScenarioToolkit } from './host.ts';
import { describe } from './issues.ts';
import type { ManifestResolver } from './manifest-ref.ts';
import type { Step, VariableUse } from './types.ts';
import { references, VARIABLE } from './variables.ts';

export const ACTIONS = ['apply', 'create', 'delete', 'kubectl', 'sim', 'wait', 'until', 'expect', 'note', 'pause'] as const;
type Action = (typeof ACTIONS)[number];

/** Keys that go with an action, and which actions take them. */
const MODIFIERS: Record<string, readonly Action[]> = {
  note: ACTIONS,
  timeout: ['until'],
  fails: ['kubectl', 'apply', 'create', 'delete'],
  save: ['kubectl'],
  manifest: ['sim'],
};

export const DEFAULT_UNTIL_TIMEOUT_MS = 5 * 60_000;

export interface StepContext {
  toolkit: ScenarioToolkit;
  manifests: ManifestResolver;
  out: DiagnosticList;
  lineOf(path: readonly PathSegment[]): number;
}

export function compileSteps(steps: readonly unknown[], ctx: StepContext): Step[] | undefined {
  const compiled: Step[] = [];
  let ok = true;
  const saved = new Set<string>();
  steps.forEach((raw, i) => {
    const path: PathSegment[] = ['steps', i];
    const step = compileStep(raw, path, i + 1, ctx);
    if (!step) {
      ok = false;
      return;
    }
    for (const use of variableUses(step, path)) {
      if (saved.has(use.name)) continue;
      ctx.out.at(use.path, `\${${use.name}} is not saved by an earlier step (a kubectl step with save: ${use.name || 'NAME'})`, use.key ? { key: true } : {});
      ok = false;
    }
    if (step.action === 'kubectl' && step.save) saved.add(step.save);
    compiled.push(step);
  });
  return ok ? compiled : undefined;
}

/** Where a step uses variables: its kubectl or sim line, or the strings of its conditions. */
function variableUses(step: Step, path: PathSegment[]): VariableUse[] {
  switch (step.action) {
    case 'kubectl':
    case 'sim':
      return references(step.command).map((name) => ({ name, path: [...path, step.action] }));
    case 'until':
    case 'expect':
      return step.conditions.flatMap((c) => c.uses);
    default:
      return [];
  }
}

function compileStep(raw: unknown, path: PathSegment[], index: number, ctx: StepContext): Step | undefined {
  const { out } = ctx;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    out.at(path, `expected a step (a map with one of ${ACTIONS.join(', ')}), found ${describe(raw)}`);
    return undefined;
  }
  const fields = raw as Record<string, unknown>;
  const keys = Object.keys(fields);
  let ok = true;
  for (const key of keys) {
    if (!(ACTIONS as readonly string[]).includes(key) && !(key in MODIFIERS)) {
      out.at([...path, key], `unknown field (a step takes one of ${ACTIONS.join(', ')})`, { key: true });
      ok = false;
    }
  }
  const present = ACTIONS.filter((a) => a in fields);
  const actions = present.length > 1 ? present.filter((a) => a !== 'note') : present;
  if (actions.length === 0) {
    if (ok) out.at(path, `a step needs one action: ${ACTIONS.join(', ')}`);
    return undefined;
  }
  if (actions.length > 1) {
    out.at([...path, actions[1]], `a step has exactly one action, found ${actions.join(' and ')}`, { key: true });
    return undefined;
  }
  const action = actions[0];
  for (const key of keys) {
    const takers = MODIFIERS[key];
    if (takers && key !== 'note' && !takers.includes(action)) {
      out.at([...path, key], `${key} goes only with ${orList(takers)}`, { key: true });
      ok = false;
    }
  }
  const str = (key: string, opts: { allowEmpty?: boolean } = {}): string | undefined => {
    const v = fields[key];
    if (typeof v === 'string' && (opts.allowEmpty || v.trim() !== '')) return v;
    if (v === null && opts.allowEmpty) return '';
    out.at([...path, key], typeof v === 'string' ? 'must not be empty' : `expected a string, found ${describe(v)}`);
    ok = false;
    return undefined;
  };
  const note = action !== 'note' && 'note' in fields ? str('note') : undefined;
  const fails = 'fails' in fields ? str('fails') : undefined;
  const base = { index, line: ctx.lineOf(path), ...(note !== undefined ? { note } : {}) };
  const step = build(action);
  return ok && step ? step : undefined;

  function build(a: Action): Step | undefined {
    switch (a) {
      case 'apply':
      case 'create':
      case 'delete': {
        const v = fields[a];
        if (typeof v !== 'string') {
          out.at([...path, a], `expected a manifest path or inline YAML (a | block), found ${describe(v)}`);
          return undefined;
        }
        const source = ctx.manifests.resolve(v, [...path, a]);
        return source && { ...base, action: a, source, ...(fails !== undefined ? { fails } : {}) };
      }
      case 'kubectl': {
        const command = str('kubectl');
        let save: string | undefined;
        if ('save' in fields) {
          save = str('save');
          if (save !== undefined && !VARIABLE.test(save)) {
            out.at([...path, 'save'], `invalid variable name ${JSON.stringify(save)}: letters, digits and _, not starting with a digit`);
            save = undefined;
            ok = false;
          }
        }
        return command === undefined ? undefined : { ...base, action: 'kubectl', command, ...(fails !== undefined ? { fails } : {}), ...(save ? { save } : {}) };
      }
      case 'sim':
        return buildSim();
      case 'wait': {
        const v = fields.wait;
        const ms = duration(v, [...path, 'wait']);
        if (ms === undefined) return undefined;
        return { ...base, action: 'wait', ms };
      }
      case 'until': {
        let timeoutMs = DEFAULT_UNTIL_TIMEOUT_MS;
        if ('timeout' in fields) {
          const ms = duration(fields.timeout, [...path, 'timeout']);
          if (ms === undefined) ok = false;
          else timeoutMs = ms;
        }
        const conditions = compileConditions(fields.until, [...path, 'until'], ctx.toolkit, out);
        return conditions && { ...base, action: 'until', conditions, timeoutMs };
      }
      case 'expect': {
        const conditions = compileConditions(fields.expect, [...path, 'expect'], ctx.toolkit, out);
        return conditions && { ...base, action: 'expect', conditions };
      }
      case 'note': {
        const text = str('note');
        return text === undefined ? undefined : { ...base, action: 'note', text };
      }
      case 'pause': {
        const text = str('pause', { allowEmpty: true });
        return text === undefined ? undefined : { ...base, action: 'pause', text };
      }
    }
  }

  function duration(v: unknown, at: PathSegment[]): number | undefined {
    const ms = typeof v === 'string' || typeof v === 'number' ? parseDuration(v) : undefined;
    if (ms !== undefined) return ms;
    const found = typeof v === 'string' ? `invalid duration ${JSON.stringify(v)}` : `expected a duration, found ${describe(v)}`;
    out.at(at, `${found} (write 30s, 2m, 1h30m)`);
    return undefined;
  }

  function buildSim(): Step | undefined {
    const command = str('sim');
    if (command === undefined) return undefined;
    const error = ctx.toolkit.simSyntax(command);
    if (error) {
      out.at([...path, 'sim'], error);
      return undefined;
    }
    const words = command.trim().split(/\s+/);
    const staticAdd = words[0] === 'static' && words[1] === 'add';
    if (staticAdd && !('manifest' in fields)) {
      out.at(path, 'sim: static add needs a manifest: key (a path or inline YAML)');
      return undefined;
    }
    if (!staticAdd && 'manifest' in fields) {
      out.at([...path, 'manifest'], 'only a sim: static add step takes manifest', { key: true });
      return undefined;
    }
    if (!staticAdd) return { ...base, action: 'sim', command };
    const v = fields.manifest;
    if (typeof v !== 'string') {
      out.at([...path, 'manifest'], `expected a manifest path or inline YAML (a | block), found ${describe(v)}`);
      return undefined;
    }
    const source = ctx.manifests.resolve(v, [...path, 'manifest']);
    return source && { ...base, action: 'sim', command, source };
  }
}

/** `kubectl, apply, create or delete` */
function orList(items: readonly string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
