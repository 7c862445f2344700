/**
 * Compiles the conditions of `expect:` and `until:` (one map or a list of them) from what the
 * scenario wrote, reporting every mistake that can be found without a cluster: an unknown
 * resource, a bad selector or regular expression, a bad field path, an unknown column, `name`
 * and `get: pod/x` disagreeing, a condition that is neither `get:` nor `output:`.
 *
 * Each condition comes out as a template that records where it uses `${NAME}` (variables.ts);
 * its selector and regular expressions are checked with a stand-in word for each variable, and
 * built again with the values once the step runs (bind.ts).
 */
import { resolveResource } from '../api/kinds.ts';
import { parseSelector, SelectorError } from '../api/selector.ts';
import type { PathSegment } from '../manifest/yaml-source.ts';
import type { DiagnosticList } from './diagnostics.ts';
import { parseFieldPath } from './field-path.ts';
import type { ScenarioToolkit } from './host.ts';
import { checkShape, describe } from './issues.ts';
import { getConditionSchema, outputConditionSchema, type GetConditionFields } from './schema.ts';
import type { ConditionTemplate, FieldExpectation, FieldPattern, FieldRef, GetCondition, Pattern, VariableUse } from './types.ts';
import { references, valueStrings, withStandIns } from './variables.ts';

/** A key written in capitals names a `kubectl get -o wide` column: `STATUS`, `LAST SCHEDULE`. */
export const COLUMN_KEY = /^[A-Z][A-Z0-9 _-]*$/;

export function compileConditions(
  value: unknown,
  path: readonly PathSegment[],
  toolkit: ScenarioToolkit,
  out: DiagnosticList,
): ConditionTemplate[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) {
    out.at(path, 'expected at least one condition');
    return undefined;
  }
  const compiled: ConditionTemplate[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const at = Array.isArray(value) ? [...path, i] : [...path];
    const c = compileCondition(item, at, toolkit, out);
    if (c) compiled.push(c);
    else ok = false;
  });
  return ok ? compiled : undefined;
}

/** Collects where a condition writes `${NAME}`. */
class Uses {
  readonly list: VariableUse[] = [];

  add(text: string | undefined, path: readonly PathSegment[], key = false): void {
    if (text === undefined) return;
    for (const name of references(text)) this.list.push({ name, path, ...(key ? { key } : {}) });
  }

  /** The texts of a string or a list of strings (contains, names...) at `path`. */
  addList(v: string | string[] | undefined, path: readonly PathSegment[]): void {
    if (Array.isArray(v)) v.forEach((t, i) => this.add(t, [...path, i]));
    else this.add(v, path);
  }
}

function compileCondition(item: unknown, path: PathSegment[], toolkit: ScenarioToolkit, out: DiagnosticList): ConditionTemplate | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    out.at(path, `expected a condition (a map with get: or output:), found ${describe(item)}`);
    return undefined;
  }
  const keys = Object.keys(item);
  if (keys.includes('get') && keys.includes('output')) {
    out.at(path, 'a condition has either get: or output:, not both');
    return undefined;
  }
  if (keys.includes('output')) {
    const f = checkShape(outputConditionSchema, item, path, out);
    if (!f) return undefined;
    const uses = new Uses();
    uses.add(f.output, [...path, 'output']);
    uses.addList(f.contains, [...path, 'contains']);
    uses.addList(f.notContains, [...path, 'notContains']);
    uses.addList(f.matches, [...path, 'matches']);
    const matches: Pattern[] = [];
    let ok = true;
    list(f.matches).forEach((src, i) => {
      const p = pattern(src, 'm', Array.isArray(f.matches) ? [...path, 'matches', i] : [...path, 'matches'], out);
      if (p) matches.push(p);
      else ok = false;
    });
    if (!f.contains && !f.notContains && !f.matches) {
      out.at(path, 'an output condition needs contains, notContains or matches');
      return undefined;
    }
    if (!ok) return undefined;
    return { written: { type: 'output', command: f.output, contains: list(f.contains), notContains: list(f.notContains), matches }, uses: uses.list };
  }
  if (!keys.includes('get')) {
    out.at(path, 'a condition needs get: (objects) or output: (a kubectl command)');
    return undefined;
  }
  const f = checkShape(getConditionSchema, item, path, out);
  return f ? compileGet(f, path, toolkit, out) : undefined;
}

function compileGet(f: GetConditionFields, path: PathSegment[], toolkit: ScenarioToolkit, out: DiagnosticList): ConditionTemplate | undefined {
  const slash = f.get.indexOf('/');
  const resource = slash >= 0 ? f.get.slice(0, slash) : f.get;
  const inlineName = slash >= 0 ? f.get.slice(slash + 1) : undefined;
  if (references(resource).length > 0) {
    out.at([...path, 'get'], `the resource type cannot be a variable (it decides what is checked before running); write it, as in get: pods/\${NAME}`);
    return undefined;
  }
  const uses = new Uses();
  uses.add(inlineName, [...path, 'get']);
  uses.add(f.name, [...path, 'name']);
  uses.add(f.namespace, [...path, 'namespace']);
  uses.add(f.selector, [...path, 'selector']);
  uses.addList(f.names, [...path, 'names']);
  for (const field of ['where', 'all', 'match'] as const) {
    for (const [key, value] of Object.entries(f[field] ?? {})) {
      uses.add(key, [...path, field, key], true);
      for (const [text, below] of valueStrings(value)) uses.add(text, [...path, field, key, ...below]);
    }
  }
  const info = resolveResource(resource);
  if (!info) {
    out.at([...path, 'get'], `the server doesn't have a resource type "${resource}"`);
    return undefined;
  }
  let ok = true;
  if (inlineName === '') {
    out.at([...path, 'get'], `expected ${resource}/NAME`);
    ok = false;
  }
  if (inlineName && f.name !== undefined && f.name !== inlineName) {
    out.at([...path, 'name'], `conflicts with get: ${f.get} (name it once)`);
    ok = false;
  }
  let selector;
  if (f.selector !== undefined) {
    try {
      selector = parseSelector(withStandIns(f.selector));
    } catch (e) {
      if (!(e instanceof SelectorError)) throw e;
      out.at([...path, 'selector'], e.message);
      ok = false;
    }
  }
  const columns = toolkit.wideColumns(info);
  const fieldRef = (key: string, at: PathSegment[]): FieldRef | undefined => {
    if (COLUMN_KEY.test(key)) {
      if (columns && !columns.includes(key)) {
        out.at(at, `${info.plural} have no column ${key} in kubectl get -o wide (columns: ${columns.join(', ')})`, { key: true });
        return undefined;
      }
      return { kind: 'column', column: key, text: key };
    }
    const p = parseFieldPath(key);
    if (!p.ok) {
      out.at(at, p.error, { key: true });
      return undefined;
    }
    return { kind: 'path', path: p.path, text: key };
  };
  const expectations = (map: Record<string, unknown> | undefined, field: string): FieldExpectation[] => {
    const res: FieldExpectation[] = [];
    for (const [key, value] of Object.entries(map ?? {})) {
      const ref = fieldRef(key, [...path, field, key]);
      if (ref) res.push({ field: ref, value });
      else ok = false;
    }
    return res;
  };
  const where = expectations(f.where, 'where');
  const all = expectations(f.all, 'all');
  const match: FieldPattern[] = [];
  for (const [key, src] of Object.entries(f.match ?? {})) {
    const ref = fieldRef(key, [...path, 'match', key]);
    const p = pattern(src, '', [...path, 'match', key], out);
    if (ref && p) match.push({ field: ref, pattern: p });
    else ok = false;
  }
  if (!ok) return undefined;
  const written: GetCondition = {
    type: 'get',
    info,
    resource,
    name: inlineName ?? f.name,
    namespace: info.namespaced ? f.namespace : undefined,
    selector,
    selectorText: f.selector,
    where,
    count: f.count,
    names: f.names === undefined ? undefined : list(f.names),
    all,
    match,
  };
  return { written, uses: uses.list };
}

function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A regular expression as written, checked with a stand-in for each variable. */
function pattern(src: string, flags: string, at: PathSegment[], out: DiagnosticList): Pattern | undefined {
  const checked = withStandIns(src);
  const compiled = compileRegExp(checked, flags);
  if (typeof compiled === 'string') {
    out.at(at, compiled.replace(`/${checked}/`, `/${src}/`));
    return undefined;
  }
  return { written: src, regex: compiled };
}

/** The RegExp of a source, or what is wrong with it (`invalid regular expression: /(/: ...`). */
export function compileRegExp(source: string, flags: string): RegExp | string {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
}
