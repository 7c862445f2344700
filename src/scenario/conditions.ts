/**
 * Compiles the conditions of `expect:` and `until:` (one map or a list of them) from what the
 * scenario wrote, reporting every mistake that can be found without a cluster: an unknown
 * resource, a bad selector or regular expression, a bad field path, an unknown column, `name`
 * and `get: pod/x` disagreeing, a condition that is neither `get:` nor `output:`.
 */
import { resolveResource } from '../api/kinds.ts';
import { parseSelector, SelectorError } from '../api/selector.ts';
import type { PathSegment } from '../manifest/yaml-source.ts';
import type { DiagnosticList } from './diagnostics.ts';
import { parseFieldPath } from './field-path.ts';
import type { ScenarioToolkit } from './host.ts';
import { checkShape, describe } from './issues.ts';
import { getConditionSchema, outputConditionSchema, type GetConditionFields } from './schema.ts';
import type { Condition, FieldExpectation, FieldPattern, FieldRef, GetCondition } from './types.ts';

/** A key written in capitals names a `kubectl get -o wide` column: `STATUS`, `LAST SCHEDULE`. */
export const COLUMN_KEY = /^[A-Z][A-Z0-9 _-]*$/;

export function compileConditions(
  value: unknown,
  path: readonly PathSegment[],
  toolkit: ScenarioToolkit,
  out: DiagnosticList,
): Condition[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) {
    out.at(path, 'expected at least one condition');
    return undefined;
  }
  const compiled: Condition[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const at = Array.isArray(value) ? [...path, i] : [...path];
    const c = compileCondition(item, at, toolkit, out);
    if (c) compiled.push(c);
    else ok = false;
  });
  return ok ? compiled : undefined;
}

function compileCondition(item: unknown, path: PathSegment[], toolkit: ScenarioToolkit, out: DiagnosticList): Condition | undefined {
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
    const matches: RegExp[] = [];
    let ok = true;
    list(f.matches).forEach((src, i) => {
      const re = regex(src, 'm', Array.isArray(f.matches) ? [...path, 'matches', i] : [...path, 'matches'], out);
      if (re) matches.push(re);
      else ok = false;
    });
    if (!f.contains && !f.notContains && !f.matches) {
      out.at(path, 'an output condition needs contains, notContains or matches');
      return undefined;
    }
    return ok ? { type: 'output', command: f.output, contains: list(f.contains), notContains: list(f.notContains), matches } : undefined;
  }
  if (!keys.includes('get')) {
    out.at(path, 'a condition needs get: (objects) or output: (a kubectl command)');
    return undefined;
  }
  const f = checkShape(getConditionSchema, item, path, out);
  return f ? compileGet(f, path, toolkit, out) : undefined;
}

function compileGet(f: GetConditionFields, path: PathSegment[], toolkit: ScenarioToolkit, out: DiagnosticList): GetCondition | undefined {
  const slash = f.get.indexOf('/');
  const resource = slash >= 0 ? f.get.slice(0, slash) : f.get;
  const inlineName = slash >= 0 ? f.get.slice(slash + 1) : undefined;
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
      selector = parseSelector(f.selector);
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
    const re = regex(src, '', [...path, 'match', key], out);
    if (ref && re) match.push({ field: ref, pattern: re });
    else ok = false;
  }
  if (!ok) return undefined;
  return {
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
}

function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function regex(src: string, flags: string, at: PathSegment[], out: DiagnosticList): RegExp | undefined {
  try {
    return new RegExp(src, flags);
  } catch (e) {
    out.at(at, `invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
    return undefined;
  }
}
