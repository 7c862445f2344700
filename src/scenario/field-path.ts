/**
 * Dotted field paths of scenario conditions, as kubectl's jsonpath spells them without braces:
 *
 *   spec.template.spec.containers.0.image          a number is a list index
 *   spec.containers[0].image                       brackets work too
 *   metadata.annotations.deployment\.kubernetes\.io/revision   `\.` is a dot inside a key
 *
 * parseFieldPath gives the segments (or an error message); getField walks an object with them.
 */

export type FieldPath = readonly string[];

export type ParsedPath = { ok: true; path: FieldPath } | { ok: false; error: string };

/**
 * Splits a path. Worked example: `a\.b.c[2].d` → ['a.b', 'c', '2', 'd'].
 * A leading dot is allowed (`.metadata.name`, as in jsonpath).
 */
export function parseFieldPath(text: string): ParsedPath {
  const src = text.startsWith('.') ? text.slice(1) : text;
  if (src === '') return { ok: false, error: 'empty field path' };
  const segments: string[] = [];
  let cur = '';
  let closedBracket = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\' && i + 1 < src.length) {
      cur += src[++i];
    } else if (ch === '.') {
      if (cur === '' && !closedBracket) return { ok: false, error: `empty segment in field path "${text}"` };
      if (cur !== '') segments.push(cur);
      cur = '';
      closedBracket = false;
    } else if (ch === '[') {
      const end = src.indexOf(']', i);
      const index = end < 0 ? '' : src.slice(i + 1, end);
      if (!/^\d+$/.test(index)) return { ok: false, error: `bad list index in field path "${text}" (write [0] or .0)` };
      if (cur === '' && !closedBracket) return { ok: false, error: `a list index needs a field before it in "${text}"` };
      if (cur !== '') segments.push(cur);
      segments.push(index);
      cur = '';
      closedBracket = true;
      i = end;
    } else {
      if (closedBracket) return { ok: false, error: `expected "." after "]" in field path "${text}"` };
      cur += ch;
    }
  }
  if (cur === '' && !closedBracket) return { ok: false, error: `field path "${text}" ends with a dot` };
  if (cur !== '') segments.push(cur);
  return { ok: true, path: segments };
}

/** The value at `path`, or undefined when any step of it is absent. */
export function getField(obj: unknown, path: FieldPath): unknown {
  let cur: unknown = obj;
  for (const seg of path) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg)) return undefined;
      cur = cur[Number(seg)];
    } else if (typeof cur === 'object') {
      cur = Object.prototype.hasOwnProperty.call(cur, seg) ? (cur as Record<string, unknown>)[seg] : undefined;
    } else {
      return undefined;
    }
  }
  return cur;
}

/** The path as written back for messages: dots inside keys escaped again. */
export function formatFieldPath(path: FieldPath): string {
  return path.map((s) => s.replace(/\./g, '\\.')).join('.');
}
