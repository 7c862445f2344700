/**
 * Evaluates conditions against the running cluster. Each result carries a one-line summary of the
 * condition (`pods -l app=member: names [member-0, member-1]`) and, when it does not hold, what
 * was found (`expected names [member-0, member-1, member-2], found [member-0, member-1]`).
 */
import type { KubeObject } from '../api/types/index.ts';
import { getField } from './field-path.ts';
import { printedText, type ScenarioHost } from './host.ts';
import { scalarEquals, showValue, valueText } from './scalar.ts';
import type { Condition, FieldRef, GetCondition, OutputCondition, Pattern } from './types.ts';

export interface ConditionResult {
  ok: boolean;
  summary: string;
  /** What was expected and found, when not ok. */
  detail?: string;
  /** The command output an output condition checked (shown on failure). */
  output?: string;
}

export function evaluate(c: Condition, host: ScenarioHost): ConditionResult {
  return c.type === 'get' ? evaluateGet(c, host) : evaluateOutput(c, host);
}

/**
 * The one-line summary of a condition. Its regular expressions as compiled, or with `asWritten`
 * as the file wrote them (a template that could not be bound still shows its `${NAME}`).
 */
export function describeCondition(c: Condition, asWritten = false): string {
  const shown = (p: Pattern) => (asWritten ? p.written : p.regex.source);
  if (c.type === 'output') {
    const parts = [
      ...c.contains.map((s) => `contains ${JSON.stringify(s)}`),
      ...c.notContains.map((s) => `notContains ${JSON.stringify(s)}`),
      ...c.matches.map((p) => `matches /${shown(p)}/`),
    ];
    return `output of "${c.command}": ${parts.join(', ')}`;
  }
  const parts: string[] = [];
  if (c.count !== undefined) parts.push(`count ${c.count}`);
  if (c.names) parts.push(`names [${c.names.join(', ')}]`);
  if (c.all.length) parts.push(`all ${c.all.map((e) => `${e.field.text}=${showValue(e.value)}`).join(', ')}`);
  if (c.match.length) parts.push(`match ${c.match.map((m) => `${m.field.text}=~/${shown(m.pattern)}/`).join(', ')}`);
  if (parts.length === 0) parts.push('exists');
  return `${target(c)}: ${parts.join('; ')}`;
}

/** `pods member-0 -n ott`, `pods -l app=member -A where spec.nodeName=worker1`. */
function target(c: GetCondition): string {
  let s = c.name ? `${c.info.plural} ${c.name}` : c.info.plural;
  if (c.selectorText !== undefined) s += ` -l ${c.selectorText}`;
  if (c.namespace === '*') s += ' -A';
  else if (c.namespace) s += ` -n ${c.namespace}`;
  if (c.where.length) s += ` where ${c.where.map((w) => `${w.field.text}=${showValue(w.value)}`).join(',')}`;
  return s;
}

function evaluateGet(c: GetCondition, host: ScenarioHost): ConditionResult {
  const summary = describeCondition(c);
  const ns = !c.info.namespaced ? undefined : c.namespace === '*' ? undefined : (c.namespace ?? host.namespace());
  let objects = host.list(c.info, ns, c.selector);
  if (c.name !== undefined) objects = objects.filter((o) => o.metadata.name === c.name);
  const needsColumns = [...c.where, ...c.all, ...c.match].some((e) => e.field.kind === 'column');
  const columns = needsColumns ? columnReader(host, c, objects) : undefined;
  const read = (o: KubeObject, ref: FieldRef): unknown => (ref.kind === 'path' ? getField(o, ref.path) : columns!(o, ref.column));
  objects = objects.filter((o) => c.where.every((w) => scalarEquals(w.value, read(o, w.field))));

  const label = (o: KubeObject) => (c.namespace === '*' && o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name);
  const found = objects.map(label);
  const problems: string[] = [];
  if (c.count !== undefined && objects.length !== c.count) {
    problems.push(`expected count ${c.count}, found ${objects.length}${objects.length ? ` [${found.join(', ')}]` : ''}`);
  }
  if (c.names) {
    const want = [...c.names].sort();
    const got = [...found].sort();
    if (want.length !== got.length || want.some((n, i) => n !== got[i])) {
      problems.push(`expected names [${c.names.join(', ')}], found [${found.join(', ')}]`);
    }
  }
  const needsOne = c.all.length > 0 || c.match.length > 0 || (c.count === undefined && !c.names);
  if (needsOne && objects.length === 0) problems.push(`expected at least one ${c.info.singular}${c.name ? ` named ${c.name}` : ''}, found none`);
  for (const e of c.all) {
    const bad = objects.filter((o) => !scalarEquals(e.value, read(o, e.field)));
    if (bad.length) problems.push(`expected ${e.field.text} ${showValue(e.value)}, found ${listValues(bad, (o) => showValue(read(o, e.field)), label)}`);
  }
  for (const m of c.match) {
    const bad = objects.filter((o) => {
      const t = valueText(read(o, m.field));
      return t === undefined || !m.pattern.regex.test(t);
    });
    if (bad.length) problems.push(`expected ${m.field.text} to match /${m.pattern.regex.source}/, found ${listValues(bad, (o) => showValue(read(o, m.field)), label)}`);
  }
  return problems.length ? { ok: false, summary, detail: problems.join('; ') } : { ok: true, summary };
}

/** `member-1: Pending, member-2: <absent>` (at most 5, then `and 3 more`). */
function listValues(objs: KubeObject[], value: (o: KubeObject) => string, label: (o: KubeObject) => string): string {
  const shown = objs.slice(0, 5).map((o) => `${label(o)}: ${value(o)}`);
  if (objs.length > 5) shown.push(`and ${objs.length - 5} more`);
  return shown.join(', ');
}

function columnReader(host: ScenarioHost, c: GetCondition, objects: KubeObject[]): (o: KubeObject, column: string) => string | undefined {
  const { headers, rows } = host.wideRows(c.info, objects);
  const byObject = new Map(objects.map((o, i) => [o, rows[i]]));
  return (o, column) => {
    const i = headers.indexOf(column);
    return i < 0 ? undefined : byObject.get(o)?.[i];
  };
}

function evaluateOutput(c: OutputCondition, host: ScenarioHost): ConditionResult {
  const summary = describeCondition(c);
  const r = host.kubectl(c.command);
  const output = printedText(r);
  const problems: string[] = [];
  for (const s of c.contains) if (!output.includes(s)) problems.push(`expected the output to contain ${JSON.stringify(s)}`);
  for (const s of c.notContains) if (output.includes(s)) problems.push(`expected the output not to contain ${JSON.stringify(s)}`);
  for (const p of c.matches) if (!p.regex.test(output)) problems.push(`expected the output to match /${p.regex.source}/`);
  return problems.length ? { ok: false, summary, detail: problems.join('; '), output } : { ok: true, summary };
}

/** Evaluates a list of conditions: all must hold. */
export function evaluateAll(conditions: readonly Condition[], host: ScenarioHost): ConditionResult[] {
  return conditions.map((c) => evaluate(c, host));
}
