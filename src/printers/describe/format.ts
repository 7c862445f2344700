/**
 * Value formatting of kubectl describe: RFC 1123 times (Go's time.RFC1123Z, in UTC as the
 * simulated cluster's clock is), ages, Go's `%v` of booleans and string slices, `<none>`.
 */
import { age } from '../../api/duration.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * time.RFC1123Z: "Mon, 06 Jan 2025 09:00:00 +0000". A missing time is Go's zero time,
 * "Mon, 01 Jan 0001 00:00:00 +0000", as kubectl prints it for an unset timestamp.
 */
export function rfc1123z(ts: string | undefined | null): string {
  const t = ts ? Date.parse(ts) : NaN;
  if (Number.isNaN(t)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(t);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** translateTimestampSince. */
export function since(ts: string | undefined | null, now: number): string {
  return age(ts ?? undefined, now);
}

/** printBool: `True` / `False`. */
export function printBool(v: boolean | undefined): string {
  return v ? 'True' : 'False';
}

/** printBoolPtr: `True` / `False` / `<unset>`. */
export function printBoolPtr(v: boolean | undefined): string {
  return v === undefined || v === null ? '<unset>' : printBool(v);
}

/** Go's %v of a []string: `[a b]`, `[]` when empty. */
export function goList(values: readonly string[] | undefined): string {
  return `[${(values ?? []).join(' ')}]`;
}

/** Go's %v of a *bool: `true`, `false`, `<nil>`. */
export function goBoolPtr(v: boolean | undefined): string {
  return v === undefined || v === null ? '<nil>' : String(v);
}

export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>';
}
