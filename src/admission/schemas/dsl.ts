/**
 * A small vocabulary for writing the API's schemas with zod, keeping beside each zod schema what
 * the API server's decoder knows about it: the Go type (for `json: cannot unmarshal string into Go
 * struct field DeploymentSpec.spec.replicas of type int32`), the OpenAPI type (for
 * `spec.replicas in body must be of type integer: "string"`) and the shape to walk.
 *
 * Objects are strict (an unknown key is an error, as with `--validate=strict`); every field is
 * optional and may be null, as in Go's decoder, where null leaves the zero value: missing
 * required fields are reported by validation (`spec.selector: Required value`), not here.
 *
 *   const Port = obj('v1.ContainerPort', { name: str(), containerPort: i32(), protocol: str() });
 */
import { z } from 'zod';
import { parseQuantity } from '../util/quantity.ts';

export type OpenApiType = 'string' | 'integer' | 'boolean' | 'number' | 'object' | 'array' | 'integer or string' | 'quantity' | 'any';

export type SchemaNode =
  | { kind: 'object'; go: string; shape: Readonly<Record<string, z.ZodType>>; keepNull: ReadonlySet<string> }
  | { kind: 'array'; go: string; element: z.ZodType }
  | { kind: 'map'; go: string; value: z.ZodType }
  | { kind: 'scalar'; go: string; type: 'string' | 'integer' | 'boolean' }
  | { kind: 'intstr' }
  | { kind: 'quantity' }
  | { kind: 'any'; go: string };

const nodes = new WeakMap<z.ZodType, SchemaNode>();

function reg<T extends z.ZodType>(schema: T, node: SchemaNode): T {
  nodes.set(schema, node);
  return schema;
}

export function nodeOf(schema: z.ZodType): SchemaNode | undefined {
  return nodes.get(schema);
}

/** The Go type name printed in decoding errors. */
export function goTypeOf(schema: z.ZodType): string {
  const n = nodes.get(schema);
  if (!n) return 'interface {}';
  if (n.kind === 'intstr') return 'intstr.IntOrString';
  if (n.kind === 'quantity') return 'resource.Quantity';
  return n.go;
}

export function openApiTypeOf(schema: z.ZodType): OpenApiType {
  const n = nodes.get(schema);
  if (!n) return 'any';
  switch (n.kind) {
    case 'object':
    case 'map':
      return 'object';
    case 'array':
      return 'array';
    case 'scalar':
      return n.type;
    case 'intstr':
      return 'integer or string';
    case 'quantity':
      return 'quantity';
    case 'any':
      return 'any';
  }
}

export const str = (): z.ZodString => reg(z.string(), { kind: 'scalar', go: 'string', type: 'string' });
export const bool = (): z.ZodBoolean => reg(z.boolean(), { kind: 'scalar', go: 'bool', type: 'boolean' });
export const i32 = (): z.ZodType => reg(z.int32(), { kind: 'scalar', go: 'int32', type: 'integer' });
export const i64 = (): z.ZodType => reg(z.int(), { kind: 'scalar', go: 'int64', type: 'integer' });
/** metav1.Time / MicroTime: an RFC 3339 string in JSON. */
export const time = (): z.ZodString => reg(z.string(), { kind: 'scalar', go: 'string', type: 'string' });

/** intstr.IntOrString: an int32 or a string. */
export const intstr = (): z.ZodType => reg(z.union([z.int32(), z.string()]), { kind: 'intstr' });

/** resource.Quantity: a string or a number that parses as a quantity. */
export const quantity = (): z.ZodType =>
  reg(
    z.union([z.string(), z.number()]).superRefine((v, ctx) => {
      const q = parseQuantity(String(v));
      if (typeof q === 'string') ctx.addIssue({ code: 'custom', message: q, input: v });
    }),
    { kind: 'quantity' },
  );

/** []byte: a base64 string (Secret data, ConfigMap binaryData). */
export const bytes = (): z.ZodType =>
  reg(
    z.string().superRefine((v, ctx) => {
      const bad = base64Error(v);
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `illegal base64 data at input byte ${bad}`, input: v });
    }),
    { kind: 'scalar', go: '[]uint8', type: 'string' },
  );

/** The offset Go's base64.StdEncoding reports for malformed input, or undefined when it decodes. */
export function base64Error(text: string): number | undefined {
  const s = text.replace(/[\r\n]/g, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '=') {
      const rest = s.slice(i);
      const ok = (rest === '=' || rest === '==') && (s.length % 4 === 0) && i >= s.length - 2;
      return ok ? undefined : i;
    }
    if (!/[A-Za-z0-9+/]/.test(c)) return i;
  }
  if (s.length % 4 !== 0) return s.length - (s.length % 4) + (s.length % 4 === 1 ? 0 : s.length % 4);
  return undefined;
}

/** Any JSON value (runtime.RawExtension, free-form data). */
export const any = (go = 'runtime.RawExtension'): z.ZodType => reg(z.unknown(), { kind: 'any', go });

/** An object whose fields kubesim does not check one by one (rare, deep structures). */
export const loose = (go: string): z.ZodType => reg(z.record(z.string(), z.unknown()), { kind: 'map', go, value: any('interface {}') });

export function arr(element: z.ZodType): z.ZodType {
  return reg(z.array(element.nullable()), { kind: 'array', go: `[]${goTypeOf(element)}`, element });
}

export function map(value: z.ZodType, go?: string): z.ZodType {
  return reg(z.record(z.string(), value.nullable()), { kind: 'map', go: go ?? `map[string]${goTypeOf(value)}`, value });
}

export const strMap = (): z.ZodType => map(str());

/**
 * A strict object. `keepNull` lists fields Go serializes as `null` rather than omitting (a
 * MicroTime such as Event.eventTime), which decoding must not drop.
 */
export function obj(go: string, shape: Record<string, z.ZodType>, keepNull: string[] = []): z.ZodType {
  const fields: Record<string, z.ZodType> = {};
  for (const [k, s] of Object.entries(shape)) fields[k] = s.nullish();
  return reg(z.strictObject(fields), { kind: 'object', go, shape, keepNull: new Set(keepNull) });
}

/** The fields every top-level object has: apiVersion, kind, metadata. */
export function topLevel(go: string, metadata: z.ZodType, shape: Record<string, z.ZodType>): z.ZodType {
  return obj(go, { apiVersion: str(), kind: str(), metadata, ...shape });
}
