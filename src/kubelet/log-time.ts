/**
 * Times in what containers print: an image's start-up lines carry the time the container started,
 * in the format that program uses (all in UTC, the containers' time zone). Catalog lines hold a
 * placeholder, `{{FORMAT}}` or `{{FORMAT+N}}` for N seconds after the start, filled in when the
 * container starts:
 *
 *   '{{go-log}} start server'           → '2025/01/06 09:00:01 start server'        (Go's log package)
 *   'I{{klog+3}}       1 server.go:1] x' → 'I0106 09:00:04.000000       1 server.go:1] x'
 *   '1:M {{redis}} * Ready'             → '1:M 06 Jan 2025 09:00:01.000 * Ready'
 *
 * Also `date`'s default output (busybox and coreutils: `%a %b %e %H:%M:%S %Z %Y`).
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

function parts(ms: number) {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const milli = String(d.getUTCMilliseconds()).padStart(3, '0');
  return { d, date, time, milli, micro: `${milli}000` };
}

/** The formats a placeholder may name. */
export const LOG_TIME_FORMATS: Record<string, (ms: number) => string> = {
  /** Go's log package (LstdFlags): 2025/01/06 09:00:01 */
  'go-log': (ms) => {
    const { date, time } = parts(ms);
    return `${date.replaceAll('-', '/')} ${time}`;
  },
  /** klog's header after the severity letter: 0106 09:00:01.000000 */
  klog: (ms) => {
    const { d, time, micro } = parts(ms);
    return `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${time}.${micro}`;
  },
  /** RFC 3339 with microseconds (etcd's zap logger, mysqld's error log): 2025-01-06T09:00:01.000000Z */
  'iso-micro': (ms) => {
    const { date, time, micro } = parts(ms);
    return `${date}T${time}.${micro}Z`;
  },
  /** Redis: 06 Jan 2025 09:00:01.000 */
  redis: (ms) => {
    const { d, time, milli } = parts(ms);
    return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time}.${milli}`;
  },
  /** The MySQL image's entrypoint script: 2025-01-06 09:00:01+00:00 */
  'mysql-entrypoint': (ms) => {
    const { date, time } = parts(ms);
    return `${date} ${time}+00:00`;
  },
  /** PostgreSQL's log_line_prefix %m: 2025-01-06 09:00:01.000 UTC */
  postgres: (ms) => {
    const { date, time, milli } = parts(ms);
    return `${date} ${time}.${milli} UTC`;
  },
  /** Fluentd: 2025-01-06 09:00:01 +0000 */
  fluentd: (ms) => {
    const { date, time } = parts(ms);
    return `${date} ${time} +0000`;
  },
};

/** Fills in the placeholders of `line` for a container started at `startMs`. Unknown names stay as they are. */
export function stampLogLine(line: string, startMs: number): string {
  if (!line.includes('{{')) return line;
  return line.replace(/\{\{([a-z-]+)(?:\+(\d+))?\}\}/g, (whole, name: string, after?: string) => {
    const format = LOG_TIME_FORMATS[name];
    return format ? format(startMs + Number(after ?? 0) * 1000) : whole;
  });
}

/** `date` with no arguments: `Mon Jan  6 09:00:01 UTC 2025` (the day of the month padded with a space). */
export function dateOutput(ms: number): string {
  const { d, time } = parts(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} UTC ${d.getUTCFullYear()}`;
}
