/**
 * CronJob schedules as robfig/cron v3's ParseStandard reads them, with its error messages
 * (the API server puts them after `spec.schedule: Invalid value: "..."`).
 *
 * Five fields `minute hour day-of-month month day-of-week` (0-59, 0-23, 1-31, 1-12, 0-6), each a
 * comma-separated list of `*`, `?`, `N`, `N-M`, with an optional `/step`; month and weekday names
 * (JAN, sun...) are accepted in any case; `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`,
 * `@midnight`, `@hourly` and `@every <duration>` are descriptors. Examples:
 *
 *   "61 * * * *"   → end of range (61) above maximum (59): 61
 *   "0 0 * * 7"    → end of range (7) above maximum (6): 7
 *   "*\/0 * * * *" → step of range should be a positive number: *\/0
 *   "0 0 * *"      → expected exactly 5 fields, found 4: [0 0 * *]
 *   "*\/61 * * * *" is accepted (fires at minute 0 only)
 */
import { isValidTimeZone } from './timezone.ts';

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const FIELD_BOUNDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(MONTHS.map((m, i) => [m, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(DAYS.map((d, i) => [d, i])) },
];

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

class CronError extends Error {}

/** strconv.Atoi, with its error text. */
function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new CronError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 9223372036854775807) throw new CronError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

function parseInt(expr: string): number {
  let num: number;
  try {
    num = atoi(expr);
  } catch (e) {
    throw new CronError(`failed to parse int from ${expr}: ${(e as Error).message}`);
  }
  if (num < 0) throw new CronError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names?.[expr.toLowerCase()];
  return named !== undefined ? named : parseInt(expr);
}

/** getRange: the values one `range[/step]` expression selects, and whether it is a bare `*`/`?`. */
function getRange(expr: string, r: Bounds): { values: number[]; star: boolean } {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const single = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    star = true;
    start = r.min;
    end = r.max;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = parseInt(rangeAndStep[1]);
    if (single) end = r.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`);
  if (start < r.min) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  const values: number[] = [];
  for (let v = start; v <= end; v += step) values.push(v);
  return { values, star };
}

/** A parsed schedule: the allowed values of each field, and whether dom/dow were `*`. */
export interface CronSchedule {
  fields: number[][];
  domStar: boolean;
  dowStar: boolean;
  /** `@every` interval in ms, when the schedule is one. */
  every?: number;
}

/** time.ParseDuration, for `@every`: returns ms or throws with Go's message. */
function parseGoDuration(s: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  if (s === '0') return 0;
  let rest = s.replace(/^[+-]/, '');
  if (rest === '') throw new CronError(`time: invalid duration ${JSON.stringify(s)}`);
  let total = 0;
  while (rest.length) {
    const m = /^([0-9]*\.?[0-9]+)([a-zµ]*)/.exec(rest);
    if (!m) throw new CronError(`time: invalid duration ${JSON.stringify(s)}`);
    if (!m[2]) throw new CronError(`time: missing unit in duration ${JSON.stringify(s)}`);
    if (!(m[2] in units)) throw new CronError(`time: unknown unit ${JSON.stringify(m[2])} in duration ${JSON.stringify(s)}`);
    total += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return s.startsWith('-') ? -total : total;
}

/** cron.ParseStandard: the schedule, or the error text. */
export function parseStandard(spec: string): CronSchedule | string {
  try {
    if (spec.length === 0) return 'empty spec string';
    let s = spec;
    if (s.startsWith('TZ=') || s.startsWith('CRON_TZ=')) {
      const i = s.indexOf(' ');
      const eq = s.indexOf('=');
      const loc = s.slice(eq + 1, i < 0 ? s.length : i);
      if (!isValidTimeZone(loc)) return `provided bad location ${loc}: unknown time zone ${loc}`;
      s = i < 0 ? '' : s.slice(i).trim();
    }
    if (s.startsWith('@')) {
      if (DESCRIPTORS.has(s)) return descriptor(s);
      if (s.startsWith('@every ')) {
        try {
          return { fields: [], domStar: true, dowStar: true, every: parseGoDuration(s.slice(7)) };
        } catch (e) {
          return `failed to parse duration ${s}: ${(e as Error).message}`;
        }
      }
      return `unrecognized descriptor: ${s}`;
    }
    const fields = s.split(/\s+/).filter((f) => f !== '');
    if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
    const stars: boolean[] = [];
    const values = fields.map((f, i) => {
      const set = new Set<number>();
      stars[i] = false;
      for (const expr of f.split(',').filter((x) => x !== '')) {
        const r = getRange(expr, FIELD_BOUNDS[i]);
        r.values.forEach((v) => set.add(v));
        stars[i] ||= r.star;
      }
      return [...set].sort((a, b) => a - b);
    });
    return { fields: values, domStar: stars[2], dowStar: stars[4] };
  } catch (e) {
    if (e instanceof CronError) return e.message;
    throw e;
  }
}

function descriptor(s: string): CronSchedule {
  const all = (i: number) => {
    const b = FIELD_BOUNDS[i];
    return Array.from({ length: b.max - b.min + 1 }, (_, k) => b.min + k);
  };
  switch (s) {
    case '@yearly':
    case '@annually':
      return { fields: [[0], [0], [1], [1], all(4)], domStar: false, dowStar: true };
    case '@monthly':
      return { fields: [[0], [0], [1], all(3), all(4)], domStar: false, dowStar: true };
    case '@weekly':
      return { fields: [[0], [0], all(2), all(3), [0]], domStar: true, dowStar: false };
    case '@hourly':
      return { fields: [[0], all(1), all(2), all(3), all(4)], domStar: true, dowStar: true };
    default:
      return { fields: [[0], [0], all(2), all(3), all(4)], domStar: true, dowStar: true };
  }
}
