/**
 * Binds a condition template (conditions.ts) to the variables saved so far: every `${NAME}` in
 * its texts gets its value (variables.ts says how), and its selector and regular expressions are
 * built again from what the file wrote. A value can still make them invalid (a selector value
 * with a space in it): the condition then fails, saying so, instead of being evaluated.
 *
 * Worked example, with victim = web-7d9-abcde and ip = 10.244.1.5:
 *
 *   {get: pods, names: ["${victim}"], match: {status.podIP: "^${ip}$"}}
 *   → names [web-7d9-abcde], match status.podIP=~/^10\.244\.1\.5$/
 */
import { parseSelector, SelectorError } from '../api/selector.ts';
import { compileRegExp } from './conditions.ts';
import { describeCondition, evaluate, type ConditionResult } from './evaluate.ts';
import type { ScenarioHost } from './host.ts';
import type { Condition, ConditionTemplate, FieldRef, GetCondition, OutputCondition, Pattern } from './types.ts';
import { substitute, substitutePattern, substituteValue } from './variables.ts';

export type BoundCondition = { ok: true; condition: Condition } | { ok: false; written: Condition; error: string };

type Vars = ReadonlyMap<string, string>;

class BindError extends Error {}

export function bindCondition(t: ConditionTemplate, vars: Vars): BoundCondition {
  if (t.uses.length === 0) return { ok: true, condition: t.written };
  try {
    return { ok: true, condition: t.written.type === 'output' ? bindOutput(t.written, vars) : bindGet(t.written, vars) };
  } catch (e) {
    if (!(e instanceof BindError)) throw e;
    return { ok: false, written: t.written, error: e.message };
  }
}

export function bindConditions(templates: readonly ConditionTemplate[], vars: Vars): BoundCondition[] {
  return templates.map((t) => bindCondition(t, vars));
}

/** Evaluates bound conditions; one that could not be bound fails with the reason. */
export function evaluateBound(bound: readonly BoundCondition[], host: ScenarioHost): ConditionResult[] {
  return bound.map((b) => (b.ok ? evaluate(b.condition, host) : { ok: false, summary: describeCondition(b.written, true), detail: b.error }));
}

function bindOutput(c: OutputCondition, vars: Vars): OutputCondition {
  return {
    ...c,
    command: substitute(c.command, vars),
    contains: c.contains.map((t) => substitute(t, vars)),
    notContains: c.notContains.map((t) => substitute(t, vars)),
    matches: c.matches.map((p) => bindPattern(p, 'm', vars)),
  };
}

function bindGet(c: GetCondition, vars: Vars): GetCondition {
  const sub = (t: string | undefined) => (t === undefined ? undefined : substitute(t, vars));
  const selectorText = sub(c.selectorText);
  let selector = c.selector;
  if (selectorText !== undefined && selectorText !== c.selectorText) {
    try {
      selector = parseSelector(selectorText);
    } catch (e) {
      if (!(e instanceof SelectorError)) throw e;
      throw new BindError(`selector ${JSON.stringify(selectorText)}, with the variables' values: ${e.message}`);
    }
  }
  return {
    ...c,
    name: sub(c.name),
    namespace: sub(c.namespace),
    selector,
    selectorText,
    names: c.names?.map((n) => substitute(n, vars)),
    where: c.where.map((e) => ({ field: bindField(e.field, vars), value: substituteValue(e.value, vars) })),
    all: c.all.map((e) => ({ field: bindField(e.field, vars), value: substituteValue(e.value, vars) })),
    match: c.match.map((m) => ({ field: bindField(m.field, vars), pattern: bindPattern(m.pattern, '', vars) })),
  };
}

/** In a field path a variable's value is one key: `metadata.labels.${k}` → [metadata, labels, <k>]. */
function bindField(f: FieldRef, vars: Vars): FieldRef {
  if (f.kind === 'column') return f;
  return { kind: 'path', path: f.path.map((seg) => substitute(seg, vars)), text: substitute(f.text, vars) };
}

function bindPattern(p: Pattern, flags: string, vars: Vars): Pattern {
  const source = substitutePattern(p.written, vars);
  if (source === p.written) return p;
  const regex = compileRegExp(source, flags);
  if (typeof regex === 'string') throw new BindError(`${regex} (with the variables' values)`);
  return { written: p.written, regex };
}
