/**
 * Zod's issues in the words of a scenario author, located in the file:
 *
 *   steps: required field is missing
 *   cluster.images[0].credentials.password: expected a string, found the number 11111 (quote it: "11111")
 *   cluster.nodes[0].bogus: unknown field (known: name, role, labels, taints, capacity, staticPods)
 */
import type { z } from 'zod';
import type { PathSegment } from '../manifest/yaml-source.ts';
import type { DiagnosticList } from './diagnostics.ts';

type Issue = z.core.$ZodIssue;

/** Validates `value` (at `base` in the document) and reports every issue; the parsed data, if valid. */
export function checkShape<S extends z.ZodType>(
  schema: S,
  value: unknown,
  base: readonly PathSegment[],
  out: DiagnosticList,
): z.infer<S> | undefined {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  for (const issue of r.error.issues) report(issue, schema, value, base, out);
  return undefined;
}

function report(issue: Issue, schema: z.ZodType, root: unknown, base: readonly PathSegment[], out: DiagnosticList): void {
  const path = [...base, ...(issue.path as PathSegment[])];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path as PathSegment[]);
      for (const key of issue.keys) out.at([...path, key], `unknown field${known ? ` (known: ${known.join(', ')})` : ''}`, { key: true });
      return;
    }
    case 'invalid_type':
      if (issue.input === undefined && !hasKey(root, issue.path as PathSegment[])) out.at(path, 'required field is missing');
      else out.at(path, `expected ${article(issue.expected)}, found ${describe(issue.input)}${quoteHint(issue.expected, issue.input)}`);
      return;
    case 'invalid_value':
      out.at(path, `must be one of ${issue.values.map(String).join(', ')} (found ${describe(issue.input)})`);
      return;
    case 'too_small':
      out.at(path, issue.origin === 'string' ? issue.message : `must be at least ${issue.minimum} (found ${describe(issue.input)})`);
      return;
    case 'too_big':
      out.at(path, `must be at most ${issue.maximum} (found ${describe(issue.input)})`);
      return;
    case 'invalid_union': {
      // When one branch matched the value's type, its own issues say more than "invalid".
      const branch = issue.errors.find((errs) => errs.length > 0 && errs.every((e) => e.path.length > 0 || e.code === 'custom'));
      if (branch) for (const e of branch) report({ ...e, path: [...issue.path, ...e.path] } as Issue, schema, root, base, out);
      else out.at(path, `${issue.message} (found ${describe(issue.input)})`);
      return;
    }
    default:
      out.at(path, issue.message);
  }
}

function hasKey(root: unknown, path: readonly PathSegment[]): boolean {
  let cur: unknown = root;
  for (let i = 0; i < path.length; i++) {
    if (cur === null || typeof cur !== 'object') return false;
    const seg = path[i];
    if (i === path.length - 1) return Object.prototype.hasOwnProperty.call(cur, seg);
    cur = (cur as Record<string, unknown>)[seg as string];
  }
  return true;
}

/** The field names an object schema at `path` accepts, for "unknown field" messages. */
function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] | undefined {
  let def = unwrap(schema);
  for (const seg of path) {
    if (!def) return undefined;
    if (def.type === 'object' && typeof seg === 'string') def = unwrap(def.shape[seg]);
    else if (def.type === 'array') def = unwrap(def.element);
    else if (def.type === 'record') def = unwrap(def.valueType);
    else return undefined;
  }
  return def?.type === 'object' ? Object.keys(def.shape) : undefined;
}

// Zod's definitions, read only to list the known keys of an object schema.
type Def = { type: string; shape?: any; element?: any; valueType?: any; innerType?: any; options?: any[] } & Record<string, any>;

function unwrap(schema: unknown): Def | undefined {
  let def = (schema as { _zod?: { def: Def } } | undefined)?._zod?.def;
  while (def && (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')) def = def.innerType?._zod?.def;
  if (def?.type === 'union') def = (def.options ?? []).map((o) => unwrap(o)).find((d) => d?.type === 'object') ?? def;
  return def;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'a map',
    record: 'a map',
    array: 'a list',
    date: 'a time',
  };
  return names[expected] ?? expected;
}

/** A found value for messages: `the number 3`, `a list`, `the string "x"`. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return `the time ${v.toISOString().replace('.000Z', 'Z')}`;
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  return `the ${typeof v} ${String(v)}`;
}

function quoteHint(expected: string, input: unknown): string {
  if (expected !== 'string') return '';
  if (typeof input === 'number' || typeof input === 'boolean') return ` (quote it: "${String(input)}")`;
  return '';
}
