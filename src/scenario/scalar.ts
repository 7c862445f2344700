/**
 * Comparing values "as YAML scalars", the rule of scenario conditions: what the scenario wrote and
 * what the object holds are equal when they read the same as YAML (1.1, as the scenario itself).
 *
 *   3 == "3"            true == "true"        true == "True" (a condition's status)
 *   null == absent      "1/1" == "1/1"        1.10 == "1.10" (both read as the number 1.1)
 *
 * Lists and maps compare element by element with the same rule.
 */
import { parse } from 'yaml';

type Resolved = { t: 'null' } | { t: 'bool'; v: boolean } | { t: 'num'; v: number } | { t: 'str'; v: string };

const cache = new Map<string, Resolved>();

/** Reads a string the way a plain YAML 1.1 scalar would be read (memoised: until re-reads often). */
function resolveString(s: string): Resolved {
  let r = cache.get(s);
  if (r) return r;
  r = { t: 'str', v: s };
  if (s !== '' && s.trim() === s && !s.includes('\n')) {
    try {
      const read = resolveValue(parse(s, { version: '1.1' }));
      if (read) r = read;
    } catch {
      // not a scalar that YAML reads (an alias, a bad flow collection): keep the text
    }
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(s, r);
  return r;
}

function resolveValue(v: unknown): Resolved | undefined {
  if (v === null || v === undefined) return { t: 'null' };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (typeof v === 'number') return { t: 'num', v };
  if (typeof v === 'bigint') return { t: 'num', v: Number(v) };
  if (v instanceof Date) return { t: 'str', v: v.toISOString().replace('.000Z', 'Z') };
  if (typeof v === 'string') return { t: 'str', v };
  return undefined;
}

function resolveScalar(v: unknown): Resolved | undefined {
  if (typeof v === 'string') return resolveString(v);
  const r = resolveValue(v);
  // A date the scenario wrote unquoted (YAML 1.1 timestamps) reads again as its text.
  return r?.t === 'str' ? resolveString(r.v) : r;
}

function sameResolved(a: Resolved, b: Resolved): boolean {
  if (a.t !== b.t) return false;
  if (a.t === 'null') return true;
  return a.v === (b as typeof a).v;
}

/** Whether the scenario's `expected` equals the object's `actual` as YAML scalars. */
export function scalarEquals(expected: unknown, actual: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => scalarEquals(e, actual[i]));
  }
  if (typeof expected === 'object' && !(expected instanceof Date)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    return [...keys].every((k) => scalarEquals(e[k], a[k]));
  }
  if (typeof expected === 'string' && typeof actual === 'string' && expected === actual) return true;
  const ra = resolveScalar(actual);
  const re = resolveScalar(expected);
  return !!ra && !!re && sameResolved(re, ra);
}

/** A value for messages: strings as they are (`""` when empty), absent as `<absent>`, others as JSON. */
export function showValue(v: unknown): string {
  if (v === undefined) return '<absent>';
  if (v === null) return 'null';
  if (typeof v === 'string') return v === '' ? '""' : v;
  if (v instanceof Date) return v.toISOString().replace('.000Z', 'Z');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The text a regular expression of `match` is tested against; undefined when absent. */
export function valueText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : showValue(v);
}
