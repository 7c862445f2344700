/**
 * Decoding as the API server does it before anything else: the object must fit its kind's types,
 * and (strict field validation, kubectl's default) carry no unknown field. A decoded object is
 * then normalized as Go's decoder leaves it: a null field is an absent one, and every quantity is
 * rewritten in its canonical form ("0.5" → "500m").
 *
 * Two wordings for the same problems:
 *   - field errors in the OpenAPI wording, for checking manifests before they run:
 *       `spec.replicas: Invalid value: "three": spec.replicas in body must be of type integer: "string"`
 *       `unknown field "spec.replica"`
 *   - the API server's BadRequest detail, for a write that reaches the server:
 *       `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`
 *       `strict decoding error: unknown field "spec.replica"`
 */
import type { z } from 'zod';
import type { FieldError } from '../apiserver/errors.ts';
import { goJson, goValue } from './util/go-format.ts';
import { canonicalize } from './util/quantity.ts';
import { goTypeOf, nodeOf, openApiTypeOf, type SchemaNode } from './schemas/dsl.ts';

type Seg = string | number;

interface Problem {
  path: Seg[];
  kind: 'unknown' | 'type' | 'range' | 'custom';
  input?: unknown;
  detail?: string;
  bound?: { max?: number; min?: number };
}

export interface DecodeOutcome {
  errors: FieldError[];
  /** The detail of the API server's BadRequest, when the object does not decode. */
  badRequest?: string;
}

/** `spec.template.spec.containers[0].image`: dotted names, list indexes in brackets. */
export function dottedPath(path: readonly Seg[]): string {
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

function collect(issues: readonly z.core.$ZodIssue[]): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: [...path, key], kind: 'unknown' });
        break;
      case 'too_big':
        out.push({ path, kind: 'range', input, bound: { max: Number(issue.maximum) } });
        break;
      case 'too_small':
        out.push({ path, kind: 'range', input, bound: { min: Number(issue.minimum) } });
        break;
      case 'custom':
        out.push({ path, kind: 'custom', input, detail: issue.message });
        break;
      default:
        out.push({ path, kind: 'type', input });
    }
  }
  return out;
}

/** Orders problems as they appear in the document, as Go's decoder meets them. */
function documentOrder(root: unknown, path: readonly Seg[]): number[] {
  const order: number[] = [];
  let cur: unknown = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') {
      order.push(seg);
      cur = cur[seg];
    } else if (cur !== null && typeof cur === 'object') {
      order.push(Object.keys(cur).indexOf(String(seg)));
      cur = (cur as Record<string, unknown>)[String(seg)];
    } else order.push(0);
  }
  return order;
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The schema at a path, the innermost struct around it, and the JSON field names leading to it. */
function resolve(root: z.ZodType, path: readonly Seg[]): { schema?: z.ZodType; struct: string; keys: string[] } {
  let cur: z.ZodType | undefined = root;
  let struct = goTypeOf(root);
  const keys: string[] = [];
  for (const seg of path) {
    const node: SchemaNode | undefined = cur ? nodeOf(cur) : undefined;
    if (!node) return { schema: undefined, struct, keys };
    if (node.kind === 'object') {
      struct = node.go;
      keys.push(String(seg));
      cur = node.shape[String(seg)];
    } else if (node.kind === 'array') cur = node.element;
    else if (node.kind === 'map') cur = node.value;
    else cur = undefined;
  }
  return { schema: cur, struct, keys };
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

function openApiKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function valueText(v: unknown): string {
  return v !== null && typeof v === 'object' ? goJson(v) : goValue(v as string | number | boolean | null);
}

function fieldError(root: z.ZodType, p: Problem): FieldError {
  const field = dottedPath(p.path);
  const base = { field, path: p.path };
  if (p.kind === 'unknown') return { ...base, type: 'FieldValueInvalid', message: `unknown field "${field}"` };
  if (p.kind === 'custom') return { ...base, type: 'FieldValueInvalid', message: `${field}: Invalid value: ${valueText(p.input)}: ${p.detail}` };
  if (p.kind === 'range') {
    const bound = p.bound?.max !== undefined ? `less than or equal to ${p.bound.max}` : `greater than or equal to ${p.bound?.min}`;
    return { ...base, type: 'FieldValueInvalid', message: `${field}: Invalid value: ${valueText(p.input)}: ${field} in body should be ${bound}` };
  }
  const { schema } = resolve(root, p.path);
  const expected = schema ? openApiTypeOf(schema) : 'object';
  const want = expected === 'quantity' ? 'string' : expected;
  return {
    ...base,
    type: 'FieldValueTypeInvalid',
    message: `${field}: Invalid value: ${valueText(p.input)}: ${field} in body must be of type ${want}: "${openApiKind(p.input)}"`,
  };
}

/** encoding/json's UnmarshalTypeError text for the first problem Go would meet. */
function goMessage(root: z.ZodType, p: Problem): string {
  if (p.kind === 'custom') return p.detail ?? '';
  const { schema, struct, keys } = resolve(root, p.path);
  const node = schema ? nodeOf(schema) : undefined;
  const numeric = typeof p.input === 'number' && (p.kind === 'range' || !Number.isInteger(p.input));
  const what = numeric ? `number ${p.input}` : jsonKind(p.input);
  if (node?.kind === 'intstr') return `json: cannot unmarshal ${what} into Go value of type int32`;
  const structName = struct.includes('.') ? struct.slice(struct.indexOf('.') + 1) : struct;
  return `json: cannot unmarshal ${what} into Go struct field ${structName}.${keys.join('.')} of type ${schema ? goTypeOf(schema) : 'interface {}'}`;
}

export function decodeObject(schema: z.ZodType, obj: unknown): DecodeOutcome {
  const result = schema.safeParse(obj, { reportInput: true });
  if (result.success) {
    normalize(schema, obj);
    return { errors: [] };
  }
  const problems = collect(result.error.issues)
    .map((p) => ({ p, order: documentOrder(obj, p.path) }))
    .sort((a, b) => compareOrder(a.order, b.order))
    .map((x) => x.p);
  const errors = problems.map((p) => fieldError(schema, p));
  const typeProblem = problems.find((p) => p.kind !== 'unknown');
  const badRequest = typeProblem
    ? goMessage(schema, typeProblem)
    : `strict decoding error: ${problems.map((p) => `unknown field "${dottedPath(p.path)}"`).join(', ')}`;
  return { errors, badRequest };
}

function zeroOf(schema: z.ZodType): unknown {
  const node = nodeOf(schema);
  if (!node) return null;
  switch (node.kind) {
    case 'object':
    case 'map':
      return {};
    case 'array':
      return [];
    case 'scalar':
      return node.type === 'string' ? '' : node.type === 'integer' ? 0 : false;
    case 'intstr':
      return 0;
    case 'quantity':
      return '0';
    case 'any':
      return null;
  }
}

/** Drops nulls as Go's decoder does and writes quantities canonically (ResourceLists rounded up to milli). */
export function normalize(schema: z.ZodType, value: unknown, inResourceList = false): unknown {
  const node = nodeOf(schema);
  if (!node || value === null || value === undefined) return value;
  switch (node.kind) {
    case 'object': {
      const o = value as Record<string, unknown>;
      for (const [k, v] of Object.entries(o)) {
        if (v === null || v === undefined) {
          if (!node.keepNull.has(k)) delete o[k];
        } else if (node.shape[k]) o[k] = normalize(node.shape[k], v);
      }
      return o;
    }
    case 'array': {
      const a = value as unknown[];
      for (let i = 0; i < a.length; i++) a[i] = a[i] === null ? zeroOf(node.element) : normalize(node.element, a[i]);
      return a;
    }
    case 'map': {
      const o = value as Record<string, unknown>;
      const resourceList = node.go === 'v1.ResourceList';
      for (const [k, v] of Object.entries(o)) o[k] = v === null ? zeroOf(node.value) : normalize(node.value, v, resourceList);
      return o;
    }
    case 'quantity':
      return canonicalize(value as string | number, inResourceList) ?? value;
    default:
      return value;
  }
}
