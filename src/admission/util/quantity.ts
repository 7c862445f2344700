/**
 * resource.Quantity as the API server decodes and re-encodes it: exact parsing with the Go
 * errors, and the canonical form every stored quantity is written in.
 *
 * Canonical form (Quantity.CanonicalizeBytes):
 *   - a decimal suffix (or none) keeps a decimal suffix, with the largest power of 1000 that
 *     leaves an integer: "0.5" → "500m", "1000m" → "1", "1500000" → "1500k", "2000000" → "2M";
 *   - a binary suffix keeps a binary suffix with the largest power of 1024 that leaves an
 *     integer: "1.5Gi" → "1536Mi", "1024Mi" → "1Gi"; below 1024, or not a whole number, it is
 *     written as decimal: "0.5Ki" → "512";
 *   - an exponent keeps an exponent: "1e3" → "1e3", "1000e-3" → "1".
 * Container resources are first rounded up to milli precision ("0.1m" → "1m").
 */

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** value = sign * mantissa * 10^exp10 * 2^exp2 (exactly). */
export interface Quantity {
  negative: boolean;
  mantissa: bigint;
  exp10: number;
  exp2: number;
  format: Format;
}

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** Parses like resource.ParseQuantity (after strings.TrimSpace); returns the Go error text on failure. */
export function parseQuantity(input: string): Quantity | string {
  const str = input.trim();
  if (str.length === 0) return QUANTITY_FORMAT_ERROR;
  let pos = 0;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos++;
  }
  const digits = (from: number): number => {
    let i = from;
    while (i < str.length && str[i] >= '0' && str[i] <= '9') i++;
    return i;
  };
  const numEnd = digits(pos);
  const num = str.slice(pos, numEnd) || '0';
  pos = numEnd;
  let denom = '';
  if (pos < str.length && str[pos] === '.') {
    const denomEnd = digits(pos + 1);
    denom = str.slice(pos + 1, denomEnd);
    pos = denomEnd;
  }
  const suffixStart = pos;
  while (pos < str.length && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (pos < str.length && (str[pos] === '-' || str[pos] === '+')) pos++;
  if (digits(pos) !== str.length) return QUANTITY_FORMAT_ERROR;
  const suffix = str.slice(suffixStart);

  let exp10 = -denom.length;
  let exp2 = 0;
  let format: Format;
  if (suffix in DECIMAL_SUFFIX) {
    exp10 += DECIMAL_SUFFIX[suffix];
    format = 'DecimalSI';
  } else if (suffix in BINARY_SUFFIX) {
    exp2 = BINARY_SUFFIX[suffix];
    format = 'BinarySI';
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    exp10 += Number(suffix.slice(1));
    format = 'DecimalExponent';
  } else {
    return QUANTITY_SUFFIX_ERROR;
  }
  const mantissa = BigInt(num + denom);
  return { negative: negative && mantissa !== 0n, mantissa, exp10, exp2, format };
}

/** The quantity as an exact fraction numerator / denominator (both positive). */
function asFraction(q: Quantity): { num: bigint; den: bigint } {
  let num = q.mantissa * 2n ** BigInt(q.exp2);
  let den = 1n;
  if (q.exp10 >= 0) num *= 10n ** BigInt(q.exp10);
  else den = 10n ** BigInt(-q.exp10);
  return { num, den };
}

/** Rounds up (away from zero, as Quantity.RoundUp) to a multiple of 10^scale. */
export function roundUpTo(q: Quantity, scale: number): Quantity {
  const { num, den } = asFraction(q);
  const unit = scale >= 0 ? { n: 10n ** BigInt(scale), d: 1n } : { n: 1n, d: 10n ** BigInt(-scale) };
  // value / unit = num * unit.d / (den * unit.n); ceil of that.
  const top = num * unit.d;
  const bottom = den * unit.n;
  const count = (top + bottom - 1n) / bottom;
  return { ...q, mantissa: count, exp10: scale, exp2: 0 };
}

function decimalCanonical(q: Quantity, format: Format): string {
  const { num, den } = asFraction(q);
  // den is always a power of ten: value = num * 10^exp.
  let exp = 0;
  for (let d = den; d > 1n; d /= 10n) exp--;
  let n = num;
  if (n === 0n) return '0';
  while (n % 10n === 0n) {
    n /= 10n;
    exp++;
  }
  const mod = ((exp % 3) + 3) % 3;
  n *= 10n ** BigInt(mod);
  exp -= mod;
  const sign = q.negative ? '-' : '';
  if (format === 'DecimalExponent') return `${sign}${n}${exp === 0 ? '' : `e${exp}`}`;
  const suffix = Object.entries(DECIMAL_SUFFIX).find(([, e]) => e === exp)?.[0];
  return suffix === undefined ? `${sign}${n}e${exp}` : `${sign}${n}${suffix}`;
}

/** Quantity.String(). */
export function canonicalQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  if (q.format === 'BinarySI') {
    const { num, den } = asFraction(q);
    if (num % den === 0n && num / den >= 1024n) {
      let n = num / den;
      let power = 0;
      while (n % 1024n === 0n && power < 6) {
        n /= 1024n;
        power++;
      }
      const suffix = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][power];
      return `${q.negative ? '-' : ''}${n}${suffix}`;
    }
    return decimalCanonical(q, 'DecimalSI');
  }
  return decimalCanonical(q, q.format);
}

/** The canonical text of a quantity value, or undefined when it does not parse. */
export function canonicalize(value: string | number, roundToMilli = false): string | undefined {
  const q = parseQuantity(String(value));
  if (typeof q === 'string') return undefined;
  return canonicalQuantity(roundToMilli ? roundUpTo(q, -3) : q);
}

/** Compares two parsed quantities: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const fa = asFraction(a);
  const fb = asFraction(b);
  const left = (a.negative ? -1n : 1n) * fa.num * fb.den;
  const right = (b.negative ? -1n : 1n) * fb.num * fa.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether the quantity is a whole number (MilliValue() % 1000 == 0). */
export function isWhole(q: Quantity): boolean {
  const { num, den } = asFraction(q);
  return num % den === 0n;
}

export function isZero(q: Quantity): boolean {
  return q.mantissa === 0n;
}

/** Sums parsed quantities into one (used for QoS and request/limit checks). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const fa = asFraction(a);
  const fb = asFraction(b);
  const den = fa.den * fb.den;
  const num = (a.negative ? -1n : 1n) * fa.num * fb.den + (b.negative ? -1n : 1n) * fb.num * fa.den;
  // den is a power of ten: express as mantissa * 10^-k.
  let k = 0;
  let d = den;
  while (d > 1n) {
    d /= 10n;
    k++;
  }
  return { negative: num < 0n, mantissa: num < 0n ? -num : num, exp10: -k, exp2: 0, format: a.format };
}
