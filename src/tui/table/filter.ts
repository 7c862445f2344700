/**
 * The `/` filter, as k9s reads it:
 *
 *   /member        case-insensitive regular expression over the row's cells
 *   /!member       inverse: rows that do not match
 *   /-l app=member label selector in kubectl syntax (app in (a,b), !key, tier!=db ...)
 *   /-f mbr        fuzzy: the letters in order in `namespace/name` (m…b…r)
 *
 * A text that is not a valid regular expression is matched literally (`/a(` finds `a(`). A bad
 * label selector is an error shown in the flash line; the table then shows every row.
 *
 * The text filter reads the cells cached by object identity (rows.ts): typing it prints each row
 * once, later refreshes only the objects that changed; a time cell (AGE) matches as printed then.
 */
import { matches, parseSelector, SelectorError, type Selector } from '../../api/selector.ts';
import { matchCells, type Row } from './rows.ts';

export type Filter =
  | { kind: 'none' }
  | { kind: 'regex'; re: RegExp; inverse: boolean }
  | { kind: 'labels'; selector: Selector }
  | { kind: 'fuzzy'; text: string }
  | { kind: 'invalid'; error: string };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function regex(text: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch {
    return new RegExp(escape(text), 'i');
  }
}

export function parseFilter(input: string): Filter {
  const text = input.trim();
  if (text === '') return { kind: 'none' };
  if (text.startsWith('-l ') || text === '-l') {
    const sel = text.slice(2).trim();
    if (sel === '') return { kind: 'invalid', error: 'a label selector is needed after -l' };
    try {
      return { kind: 'labels', selector: parseSelector(sel) };
    } catch (e) {
      if (e instanceof SelectorError) return { kind: 'invalid', error: e.message };
      throw e;
    }
  }
  if (text.startsWith('-f ')) return { kind: 'fuzzy', text: text.slice(3).trim().toLowerCase() };
  if (text.startsWith('!')) {
    const rest = text.slice(1);
    return rest === '' ? { kind: 'none' } : { kind: 'regex', re: regex(rest), inverse: true };
  }
  return { kind: 'regex', re: regex(text), inverse: false };
}

function fuzzy(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay.toLowerCase()) if (ch === needle[i]) i++;
  return i === needle.length;
}

export function filterRows(rows: readonly Row[], f: Filter): Row[] {
  switch (f.kind) {
    case 'none':
    case 'invalid':
      return [...rows];
    case 'regex':
      return rows.filter((r) => f.re.test(matchCells(r).join(' ')) !== f.inverse);
    case 'labels':
      return rows.filter((r) => matches(f.selector, r.labels));
    case 'fuzzy':
      return rows.filter((r) => fuzzy(f.text, r.id));
  }
}
