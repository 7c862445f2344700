/**
 * `kubectl get -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image` and
 * `-o jsonpath=...` (kubectl pkg/cmd/get/customcolumn.go). A column's field spec is relaxed as
 * kubectl relaxes it (`metadata.name`, `.metadata.name`, `{metadata.name}` and `{.metadata.name}`
 * are the same); several values join with ","; no value prints `<none>`.
 */
import type { KubeObject } from '../api/types/index.ts';
import { goSprint } from './go-format.ts';
import { evalPath, parsePath } from './jsonpath.ts';
import { parseTemplate, renderTemplate } from './jsonpath-template.ts';

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: the field spec inside `{.` and `}`. Throws kubectl's error. */
export function relaxedFieldSpec(expr: string): string {
  const m = JSON_REGEXP.exec(expr);
  if (!m) {
    throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return '.' + (m[1] ?? m[2]);
}

/** The values a jsonpath-lite field spec selects in an object; [] when nothing matches. */
export function fieldPathValues(obj: unknown, path: string): unknown[] {
  if (path === '') return [];
  return evalPath(parsePath(relaxedFieldSpec(path)), obj);
}

interface Column {
  header: string;
  nodes: ReturnType<typeof parsePath>;
}

/** Parses a custom-columns spec. Throws Error with kubectl's message on a bad spec. */
export function parseCustomColumns(spec: string): Column[] {
  if (spec.length === 0) throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const header = part.slice(0, colon);
    const expr = part.slice(colon + 1);
    return { header, nodes: expr === '' ? [] : parsePath(relaxedFieldSpec(expr)) };
  });
}

/**
 * A field spec that fails on an object (`array index out of bounds: index 5, length 2`). kubectl
 * has printed the header and the rows before that object when it stops, so they come along.
 */
export class CustomColumnsError extends Error {
  constructor(
    message: string,
    readonly headers: string[],
    readonly rows: string[][],
  ) {
    super(message);
  }
}

/**
 * The table kubectl prints for `-o custom-columns=SPEC` (format it with formatTable). Throws
 * Error with kubectl's message on a bad spec, CustomColumnsError when evaluation fails.
 */
export function customColumns(spec: string, objs: readonly KubeObject[]): { headers: string[]; rows: string[][] } {
  const columns = parseCustomColumns(spec);
  const headers = columns.map((c) => c.header);
  const rows: string[][] = [];
  for (const obj of objs) {
    try {
      rows.push(
        columns.map((c) => {
          const values = c.nodes.length === 0 ? [] : evalPath(c.nodes, obj);
          return values.length === 0 ? '<none>' : values.map(goSprint).join(',');
        }),
      );
    } catch (e) {
      throw new CustomColumnsError((e as Error).message, headers, rows);
    }
  }
  return { headers, rows };
}

/**
 * `-o jsonpath=TEMPLATE` on data (kubectl applies it to the object, or to a List of objects for a
 * list request). Throws on a bad template.
 */
export function jsonpath(template: string, data: unknown): string {
  return renderTemplate(parseTemplate(template), data);
}
