/**
 * The jsonpath of kubectl (client-go util/jsonpath), over plain JSON values, with missing keys
 * allowed as kubectl allows them. Supported: `.field` (with `\.` for a dot inside a key, e.g.
 * `.metadata.annotations.deployment\.kubernetes\.io/revision`), `['key']`, `[n]`, `[-1]`,
 * `[a:b:c]`, `[*]`, `.*`, `..field`, unions `[0,2]`, filters `[?(@.type=="Ready")]`. Templates
 * (text, `{"quoted"}`, `{range ...}{end}`) are in jsonpath-template.ts.
 *
 * Worked example: `{.spec.containers[*].image}` on a pod with containers nginx and busybox gives
 * the values ["nginx", "busybox"].
 */
import { goSprint, goTypeName } from './go-format.ts';

interface Slice {
  start?: number;
  end?: number;
  step?: number;
  derivedEnd?: boolean;
}

export type PathNode =
  | { t: 'field'; name: string }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'slice'; s: Slice }
  | { t: 'union'; parts: PathNode[][] }
  | { t: 'filter'; left: PathNode[]; op: string; right: PathNode[] }
  | { t: 'text'; value: string }
  | { t: 'number'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'root' }
  | { t: 'current' };

const TERMINATORS = new Set([' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}']);

/** Parses the inside of one `{...}` action into nodes. Throws with client-go's wording. */
export function parsePath(text: string): PathNode[] {
  const nodes: PathNode[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '.' && text[i + 1] === '.') {
      nodes.push({ t: 'recursive' });
      i += 1;
    } else if (ch === '.') {
      let j = i + 1;
      let name = '';
      while (j < text.length && !TERMINATORS.has(text[j])) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        name += text[j++];
      }
      if (name === '*') nodes.push({ t: 'wildcard' });
      else if (name !== '') nodes.push({ t: 'field', name });
      i = j;
    } else if (ch === '[') {
      const end = findClose(text, i);
      if (end < 0) throw new Error('unterminated array');
      nodes.push(parseBracket(text.slice(i + 1, end)));
      i = end + 1;
    } else if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) throw new Error('unterminated quoted string');
      nodes.push({ t: 'text', value: unquote(text.slice(i + 1, end)) });
      i = end + 1;
    } else if (ch === '@' || ch === '$') {
      nodes.push({ t: ch === '@' ? 'current' : 'root' });
      i++;
    } else if (/[-0-9]/.test(ch)) {
      const m = /^-?\d+(\.\d+)?/.exec(text.slice(i));
      if (!m) throw new Error(`unrecognized character in action: U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${ch}'`);
      nodes.push({ t: 'number', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      if (m[0] === 'true' || m[0] === 'false') nodes.push({ t: 'bool', value: m[0] === 'true' });
      else nodes.push({ t: 'field', name: m[0] });
      i += m[0].length;
    } else {
      throw new Error(`unrecognized character in action: U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${ch}'`);
    }
  }
  return nodes;
}

function findClose(text: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ']') return i;
  }
  return -1;
}

function unquote(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

function parseBracket(inner: string): PathNode {
  const text = inner.trim();
  if (text.startsWith('?(')) {
    if (!text.endsWith(')')) throw new Error('unclosed array expect ]');
    const body = text.slice(2, -1);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(body);
    if (!m) return { t: 'filter', left: parsePath(body), op: 'exists', right: [] };
    return { t: 'filter', left: parsePath(m[1].trim()), op: m[2], right: parsePath(m[3].trim()) };
  }
  const quoted = /^(['"])(.*)\1$/.exec(text);
  if (quoted && !text.includes(',')) return quoted[2] === '*' ? { t: 'wildcard' } : { t: 'field', name: quoted[2] };
  if (text.includes(',')) return { t: 'union', parts: text.split(',').map((p) => [parseBracket(p.trim())]) };
  if (text === '*') return { t: 'slice', s: {} };
  const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
  if (!m) throw new Error(`invalid array index ${text}`);
  const num = (s: string | undefined, colon: boolean): number | undefined => {
    const v = colon ? s?.slice(1) : s;
    return v === undefined || v === '' ? undefined : Number(v);
  };
  const s: Slice = { start: num(m[1], false), end: num(m[2], true), step: num(m[3], true) };
  if (m[1] !== '' && m[2] === undefined && m[3] === undefined) {
    s.end = s.start! + 1;
    s.derivedEnd = true;
  }
  return { t: 'slice', s };
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Evaluates nodes against `root`, starting from `current`. Missing keys give no values. */
export function evalPath(nodes: readonly PathNode[], root: unknown, current: unknown = root): unknown[] {
  let values: unknown[] = [current];
  for (const node of nodes) values = step(values, node, root);
  return values;
}

function step(input: unknown[], node: PathNode, root: unknown): unknown[] {
  const out: unknown[] = [];
  switch (node.t) {
    case 'root':
      return [root];
    case 'current':
      return input;
    case 'text':
      return [node.value];
    case 'number':
    case 'bool':
      return [node.value];
    case 'field':
      for (const v of input) if (isMap(v) && Object.prototype.hasOwnProperty.call(v, node.name) && v[node.name] !== undefined) out.push(v[node.name]);
      return out;
    case 'wildcard':
      for (const v of input) {
        if (Array.isArray(v)) out.push(...v);
        else if (isMap(v)) for (const k of Object.keys(v).sort()) out.push(v[k]);
      }
      return out;
    case 'recursive':
      for (const v of input) collect(v, out);
      return out;
    case 'slice':
      for (const v of input) out.push(...sliceOf(v, node.s));
      return out;
    case 'union':
      for (const part of node.parts) out.push(...evalPathFrom(part, input, root));
      return out;
    case 'filter':
      for (const v of input) {
        if (v === null || v === undefined) continue;
        if (!Array.isArray(v)) throw new Error(`${goTypeName(v)} is not array or slice`);
        for (const item of v) if (filterMatches(node, item, root)) out.push(item);
      }
      return out;
  }
}

function evalPathFrom(nodes: readonly PathNode[], input: unknown[], root: unknown): unknown[] {
  let values = input;
  for (const node of nodes) values = step(values, node, root);
  return values;
}

function collect(v: unknown, out: unknown[]): void {
  const children = Array.isArray(v) ? v : isMap(v) ? Object.keys(v).sort().map((k) => v[k]) : [];
  if (children.length === 0) return;
  out.push(v);
  for (const c of children) collect(c, out);
}

/** evalArray of client-go, with its bounds errors. */
function sliceOf(v: unknown, s: Slice): unknown[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) throw new Error(`${goTypeName(v)} is not array or slice`);
  const len = v.length;
  let start = s.start ?? 0;
  if (start < 0) start += len;
  let end = s.end ?? len;
  if (end < 0 || (end === 0 && s.derivedEnd)) end += len;
  if (end === start) return [];
  if (start >= len || start < 0) throw new Error(`array index out of bounds: index ${start}, length ${len}`);
  if (end > len || end < 0) throw new Error(`array index out of bounds: index ${end - 1}, length ${len}`);
  if (start > end) throw new Error(`starting index ${start} is greater than ending index ${end}`);
  const stepBy = s.step ?? 1;
  if (stepBy <= 0) throw new Error('step must be > 0');
  const out: unknown[] = [];
  for (let i = start; i < end; i += stepBy) out.push(v[i]);
  return out;
}

function filterMatches(node: Extract<PathNode, { t: 'filter' }>, item: unknown, root: unknown): boolean {
  const left = evalPath(node.left, root, item);
  if (node.op === 'exists') return left.length > 0;
  const right = evalPath(node.right, root, item);
  if (left.length === 0 || right.length === 0) return false;
  const [a, b] = [left[0], right[0]];
  switch (node.op) {
    case '==':
      return goSprint(a) === goSprint(b);
    case '!=':
      return goSprint(a) !== goSprint(b);
    case '<':
      return Number(a) < Number(b);
    case '>':
      return Number(a) > Number(b);
    case '<=':
      return Number(a) <= Number(b);
    case '>=':
      return Number(a) >= Number(b);
    default:
      throw new Error(`unrecognized filter operator ${node.op}`);
  }
}
