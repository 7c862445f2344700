/**
 * CronJob schedules with robfig/cron v3 semantics (cron.ParseStandard and SpecSchedule.Next), the
 * library kube-controller-manager uses. cron-parser expands the five fields (lists, ranges, steps,
 * month and weekday names); robfig's own rules are applied on top:
 *
 * - day of month and day of week: if either field is a bare `*` or `?` (also `*\/1`), both must
 *   match; if both are restricted, either may match. `0 0 13 * 5` runs on the 13th and on Fridays.
 * - `@yearly` `@annually` `@monthly` `@weekly` `@daily` `@midnight` `@hourly`, and
 *   `@every <Go duration>` (a fixed delay after the previous time, whole seconds).
 * - `TZ=<zone> ` in front (kube's formatSchedule adds it for spec.timeZone); else UTC, the
 *   controller manager's zone here.
 * - Next() walks month → day → hour → minute → second in wall-clock time and adds hours in real
 *   time, so across DST: a time inside the spring-forward gap is skipped that day
 *   (`30 2 * * *` in America/New_York does not run on 2025-03-09), and one inside the repeated
 *   hour runs twice (`30 1 * * *` runs at 05:30Z and 06:30Z on 2025-11-02).
 *
 * Worked examples (UTC): `0 0 31 * *` after 2025-01-31 → 2025-03-31 → 2025-05-31 (months without a
 * 31st are skipped); `0 0 29 2 *` after 2025-01-01 → 2028-02-29 (the next leap year);
 * `*\/2 * * * *` after 09:00:30 → 09:02:00.
 */
import { CronExpressionParser } from 'cron-parser';
import { Zone } from './zone.ts';

export interface SpecSchedule {
  kind: 'spec';
  minutes: Set<number>;
  hours: Set<number>;
  doms: Set<number>;
  months: Set<number>;
  dows: Set<number>;
  /** The day-of-month / day-of-week field contained a bare `*` or `?` (robfig's star bit). */
  domStar: boolean;
  dowStar: boolean;
  zone: Zone;
}

export interface EverySchedule {
  kind: 'every';
  /** Whole seconds, at least one. */
  delayMs: number;
}

export type Schedule = SpecSchedule | EverySchedule;

export class ScheduleError extends Error {}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const NAME = '[A-Za-z]{3}';
const TERM = new RegExp(`^(\\*|\\?|\\d+|${NAME})(-(\\d+|${NAME}))?(/\\d+)?$`);

/** robfig's star bit for one field: some comma part is `*` or `?` without a step above 1. */
function hasStar(field: string): boolean {
  return field.split(',').some((part) => {
    const [range, step] = part.split('/');
    return (range === '*' || range === '?') && (step === undefined || Number(step) <= 1);
  });
}

const GO_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration, in ms. */
export function parseGoDuration(text: string): number {
  let rest = text.replace(/^[+-]/, '');
  if (rest === '0') return 0;
  if (rest === '') throw new ScheduleError(`time: invalid duration "${text}"`);
  let total = 0;
  while (rest) {
    const m = /^(\d*\.?\d+)([a-zµμ]*)/.exec(rest);
    if (!m) throw new ScheduleError(`time: invalid duration "${text}"`);
    if (!m[2]) throw new ScheduleError(`time: missing unit in duration "${text}"`);
    const unit = GO_UNITS[m[2]];
    if (unit === undefined) throw new ScheduleError(`time: unknown unit "${m[2]}" in duration "${text}"`);
    total += Number(m[1]) * unit;
    rest = rest.slice(m[0].length);
  }
  return text.startsWith('-') ? -total : total;
}

/** cron.ParseStandard. Throws ScheduleError with robfig's wording where it matters. */
export function parseSchedule(text: string): Schedule {
  let spec = text.trim();
  let tz = '';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    tz = spec.slice(spec.indexOf('=') + 1, i < 0 ? undefined : i);
    spec = i < 0 ? '' : spec.slice(i).trim();
  }
  if (spec === '') throw new ScheduleError('empty spec string');
  let zone: Zone;
  try {
    zone = new Zone(tz);
  } catch {
    throw new ScheduleError(`provided bad location ${tz}: unknown time zone ${tz}`);
  }
  if (spec.startsWith('@every ')) {
    const d = parseGoDuration(spec.slice(7).trim());
    const whole = Math.max(1000, d);
    return { kind: 'every', delayMs: whole - (whole % 1000) };
  }
  if (spec.startsWith('@')) {
    const expanded = DESCRIPTORS[spec];
    if (!expanded) throw new ScheduleError(`unrecognized descriptor: ${spec}`);
    spec = expanded;
  }
  const fields = spec.split(/\s+/);
  if (fields.length !== 5) throw new ScheduleError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  for (const f of fields) for (const part of f.split(',')) if (!TERM.test(part)) throw new ScheduleError(`failed to parse int from ${part}`);
  const f = fields.map((x) => x.replace(/\?/g, '*'));
  // Months are expanded apart from the days: robfig accepts `0 0 31 2 *` (it just never fires).
  let parsed;
  let months;
  try {
    parsed = CronExpressionParser.parse(`${f[0]} ${f[1]} ${f[2]} * ${f[4]}`, { strict: false }).fields;
    months = CronExpressionParser.parse(`* * * ${f[3]} *`, { strict: false }).fields.month;
  } catch (e) {
    throw new ScheduleError((e as Error).message);
  }
  const nums = (values: readonly (number | string)[]) => new Set(values.filter((v): v is number => typeof v === 'number'));
  return {
    kind: 'spec',
    minutes: nums(parsed.minute.values),
    hours: nums(parsed.hour.values),
    doms: nums(parsed.dayOfMonth.values),
    months: nums(months.values),
    dows: new Set([...nums(parsed.dayOfWeek.values)].map((d) => d % 7)),
    domStar: hasStar(fields[2]),
    dowStar: hasStar(fields[4]),
    zone,
  };
}

function dayMatches(s: SpecSchedule, day: number, weekday: number): boolean {
  const dom = s.doms.has(day);
  const dow = s.dows.has(weekday);
  return s.domStar || s.dowStar ? dom && dow : dom || dow;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Schedule.Next: the first activation strictly after `from` (ms), or undefined within 5 years. */
export function nextAfter(s: Schedule, from: number): number | undefined {
  if (s.kind === 'every') return Math.floor(from / SECOND) * SECOND + s.delayMs;
  const z = s.zone;
  let t = Math.floor(from / SECOND) * SECOND + SECOND;
  let added = false;
  const yearLimit = z.fields(t).year + 5;
  wrap: for (;;) {
    let f = z.fields(t);
    if (f.year > yearLimit) return undefined;
    while (!s.months.has(f.month)) {
      if (!added) {
        added = true;
        t = z.date(f.year, f.month, 1);
      }
      t = z.addDate(t, 0, 1, 0);
      f = z.fields(t);
      if (f.month === 1) continue wrap;
    }
    while (!dayMatches(s, f.day, f.weekday)) {
      if (!added) {
        added = true;
        t = z.date(f.year, f.month, f.day);
      }
      t = z.addDate(t, 0, 0, 1);
      f = z.fields(t);
      // Midnight may not exist on a DST day: step back to it or on to the next one.
      if (f.hour !== 0) {
        t += (f.hour > 12 ? 24 - f.hour : -f.hour) * HOUR;
        f = z.fields(t);
      }
      if (f.day === 1) continue wrap;
    }
    while (!s.hours.has(f.hour)) {
      if (!added) {
        added = true;
        t = z.date(f.year, f.month, f.day, f.hour);
      }
      t += HOUR;
      f = z.fields(t);
      if (f.hour === 0) continue wrap;
    }
    while (!s.minutes.has(f.minute)) {
      if (!added) {
        added = true;
        t = Math.floor(t / MINUTE) * MINUTE;
      }
      t += MINUTE;
      f = z.fields(t);
      if (f.minute === 0) continue wrap;
    }
    while (f.second !== 0) {
      if (!added) added = true;
      t += SECOND;
      f = z.fields(t);
      if (f.second === 0) continue wrap;
    }
    return t;
  }
}
