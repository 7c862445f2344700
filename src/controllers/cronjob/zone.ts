/**
 * Wall-clock arithmetic in an IANA time zone, as Go's time package does it for robfig/cron:
 * reading an instant's local fields, and Go's time.Date, which turns local fields back into an
 * instant (normalising overflow such as day 32, and resolving DST gaps and overlaps its own way).
 * Offsets come from the ICU data behind Intl, read for explicit instants only.
 *
 * time.Date in a gap or an overlap: Go looks up the offset in force at the wall time read as UTC,
 * then the offset in force at the instant that gives, and uses the latter. Worked examples in
 * America/New_York:
 *   2025-03-09 02:30 does not exist → 06:30Z (shown as 01:30 EST)
 *   2025-11-02 01:30 happens twice  → 05:30Z (01:30 EDT, the first)
 */

export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 15 * 60_000;

function utcFields(ms: number): WallTime {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), weekday: d.getUTCDay() };
}

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Whether Go's time.LoadLocation would know the name ("" and "UTC" are UTC). */
export function isKnownZone(tz: string): boolean {
  if (tz === '' || tz === 'UTC') return true;
  if (tz === 'Local') return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export class Zone {
  readonly utc: boolean;

  /** `tz` is an IANA name; "" or "UTC" is UTC. Throws RangeError for an unknown zone. */
  constructor(readonly tz: string) {
    this.utc = tz === '' || tz === 'UTC';
    if (!this.utc) formatter(tz);
  }

  /** The local fields of an instant (ms precision is dropped to the second). */
  fields(ms: number): WallTime {
    const t = Math.floor(ms / 1000) * 1000;
    return utcFields(this.utc ? t : t + this.offset(t));
  }

  /**
   * The zone's offset from UTC at an instant, in ms (New York in winter: -5 h). Offsets are read
   * once per quarter hour of UTC time and kept: every transition of the modern tz database falls
   * on a quarter hour.
   */
  offset(ms: number): number {
    if (this.utc) return 0;
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let cache = offsets.get(this.tz);
    if (!cache || cache.size > 200_000) offsets.set(this.tz, (cache = new Map()));
    let off = cache.get(bucket);
    if (off === undefined) {
      const at = bucket * QUARTER_HOUR;
      const p: Record<string, number> = {};
      for (const part of formatter(this.tz).formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
      off = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at;
      cache.set(bucket, off);
    }
    return off;
  }

  /** Go's time.Date: fields may overflow (month 13, day 0, hour 24) and are normalised. */
  date(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    if (this.utc) return wall;
    const guess = this.offset(wall);
    return wall - this.offset(wall - guess);
  }

  /** time.Time.AddDate: the same wall time, years/months/days later (normalised like time.Date). */
  addDate(ms: number, years: number, months: number, days: number): number {
    const f = this.fields(ms);
    return this.date(f.year + years, f.month + months, f.day + days, f.hour, f.minute, f.second);
  }

  /** RFC 3339 in this zone: `2025-01-06T09:02:00Z` in UTC, `2025-01-06T18:02:00+09:00` in Seoul. */
  rfc3339(ms: number): string {
    const f = this.fields(ms);
    const off = Math.round(this.offset(ms) / 60000);
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const base = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
    if (off === 0 && this.utc) return `${base}Z`;
    const sign = off < 0 ? '-' : '+';
    return `${base}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z of a UTC instant: `Mon, 06 Jan 2025 09:02:00 +0000`. */
export function rfc1123z(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}
