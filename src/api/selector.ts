/**
 * Label selectors: metav1.LabelSelector (matchLabels, matchExpressions) and kubectl's string syntax
 * (`app=member,tier!=db`, `env in (a,b)`, `env notin (a)`, `key`, `!key`), compiled to one form.
 */
import type { LabelSelector } from './types/index.ts';

export type Operator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

/** A compiled selector. `nothing` matches no object (a nil selector); no requirements matches all. */
export interface Selector {
  requirements: Requirement[];
  nothing?: boolean;
}

export const EVERYTHING: Selector = { requirements: [] };
export const NOTHING: Selector = { requirements: [], nothing: true };

export class SelectorError extends Error {}

/** metav1.LabelSelectorAsSelector: a missing selector matches nothing, an empty one everything. */
export function fromLabelSelector(ls: LabelSelector | undefined | null): Selector {
  if (!ls) return NOTHING;
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(ls.matchLabels ?? {})) requirements.push({ key, op: '=', values: [value] });
  for (const e of ls.matchExpressions ?? []) {
    const op: Operator =
      e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!';
    requirements.push({ key: e.key, op, values: [...(e.values ?? [])] });
  }
  return { requirements };
}

/** A selector that matches exactly these labels (a Service's or a nodeSelector's map). */
export function fromMap(labels: Record<string, string> | undefined | null): Selector {
  return { requirements: Object.entries(labels ?? {}).map(([key, value]) => ({ key, op: '=' as const, values: [value] })) };
}

export function matches(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (selector.nothing) return false;
  const l = labels ?? {};
  for (const r of selector.requirements) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case '=':
        if (!has || v !== r.values[0]) return false;
        break;
      case '!=':
        if (has && v === r.values[0]) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(v)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(v)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
    }
  }
  return true;
}

export function isEverything(s: Selector): boolean {
  return !s.nothing && s.requirements.length === 0;
}

/** Parses kubectl's selector syntax. Throws SelectorError with kubectl's wording. */
export function parseSelector(input: string): Selector {
  const text = input.trim();
  if (text === '') return EVERYTHING;
  const requirements: Requirement[] = [];
  for (const part of splitTopLevel(text)) {
    const p = part.trim();
    if (p === '') throw new SelectorError(`unable to parse requirement: found '', expected: identifier`);
    let m: RegExpExecArray | null;
    if ((m = /^!\s*([A-Za-z0-9][-A-Za-z0-9_./]*)$/.exec(p))) {
      requirements.push({ key: checkKey(m[1]), op: '!', values: [] });
    } else if ((m = /^([A-Za-z0-9][-A-Za-z0-9_./]*)\s+(in|notin)\s*\((.*)\)$/.exec(p))) {
      const values = m[3].split(',').map((v) => v.trim());
      values.forEach(checkValue);
      requirements.push({ key: checkKey(m[1]), op: m[2] as Operator, values });
    } else if ((m = /^([A-Za-z0-9][-A-Za-z0-9_./]*)\s*(==|=|!=)\s*([^=!,\s]*)$/.exec(p))) {
      requirements.push({ key: checkKey(m[1]), op: m[2] === '!=' ? '!=' : '=', values: [checkValue(m[3])] });
    } else if ((m = /^([A-Za-z0-9][-A-Za-z0-9_./]*)$/.exec(p))) {
      requirements.push({ key: checkKey(m[1]), op: 'exists', values: [] });
    } else {
      throw new SelectorError(`unable to parse requirement: ${describeBadPart(p)}`);
    }
  }
  return { requirements };
}

function describeBadPart(p: string): string {
  return `found '${p}', expected: in, notin, =, ==, !=, gt, lt`;
}

function checkKey(key: string): string {
  const [prefix, name] = key.includes('/') ? key.split('/', 2) : ['', key];
  if (!/^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/.test(name) || name.length > 63 || (key.includes('/') && !prefix)) {
    throw new SelectorError(
      `unable to parse requirement: <nil>: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  }
  return key;
}

function checkValue(v: string): string {
  if (v !== '' && (!/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(v) || v.length > 63)) {
    throw new SelectorError(
      `unable to parse requirement: values[0][${v}]: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  }
  return v;
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** labels.FormatLabels: `a=b,c=d` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/**
 * metav1.FormatLabelSelector: matchLabels and matchExpressions as one list of requirements sorted
 * by key (as labels.Selector.String sorts them), `<none>` when empty.
 */
export function formatLabelSelector(ls: LabelSelector | undefined | null): string {
  if (!ls) return '<none>';
  const parts: [string, string][] = [];
  for (const [k, v] of Object.entries(ls.matchLabels ?? {})) parts.push([k, `${k}=${v}`]);
  for (const e of ls.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push([e.key, `${e.key} in (${values})`]);
    else if (e.operator === 'NotIn') parts.push([e.key, `${e.key} notin (${values})`]);
    else if (e.operator === 'Exists') parts.push([e.key, e.key]);
    else parts.push([e.key, `!${e.key}`]);
  }
  if (parts.length === 0) return '<none>';
  return parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((p) => p[1])
    .join(',');
}

/** The selector in kubectl string syntax (round-trips through parseSelector). */
export function selectorString(s: Selector): string {
  return s.requirements
    .map((r) => {
      switch (r.op) {
        case '=':
          return `${r.key}=${r.values[0]}`;
        case '!=':
          return `${r.key}!=${r.values[0]}`;
        case 'in':
          return `${r.key} in (${r.values.join(',')})`;
        case 'notin':
          return `${r.key} notin (${r.values.join(',')})`;
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
      }
    })
    .join(',');
}
