/**
 * Go's time.ParseDuration, for kubectl's duration flags (`--timeout=30s`, `--since=1h`): a sequence
 * of decimal numbers with units ns, us, µs, ms, s, m, h (`1h30m`, `1.5s`, `300ms`); "0" alone is
 * allowed. Returns milliseconds, or Go's error text.
 */
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseGoDuration(input: string): number | string {
  const quoted = JSON.stringify(input);
  let s = input;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return `time: invalid duration ${quoted}`;
  let total = 0;
  while (s.length > 0) {
    const num = /^(\d*)(\.\d*)?/.exec(s)!;
    if (num[0] === '' || num[0] === '.') return `time: invalid duration ${quoted}`;
    s = s.slice(num[0].length);
    const unit = /^[^\d.]+/.exec(s);
    if (!unit) return `time: missing unit in duration ${quoted}`;
    const factor = UNITS[unit[0]];
    if (factor === undefined) return `time: unknown unit ${JSON.stringify(unit[0])} in duration ${quoted}`;
    total += Number(num[0]) * factor;
    s = s.slice(unit[0].length);
  }
  return sign * total;
}
