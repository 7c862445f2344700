/**
 * resource.Quantity as kubectl prints it (`Quantity.String()`, the canonical form): the value is
 * kept exact (a bigint mantissa and a decimal exponent) together with the format it was written
 * in, and sums keep the format of their first term, as `Quantity.Add` does.
 *
 * Worked examples of the canonical form:
 *   "0.5" → "500m"    "1000m" → "1"    "1.5k" → "1500"    "2000" → "2k"     (DecimalSI)
 *   "8388608Ki" → "8Gi"    "1.5Gi" → "1536Mi"    "1000Ki" → "1000Ki"         (BinarySI)
 *   "512Ki" in BinarySI stays "512Ki"; a BinarySI value below 1024 prints as DecimalSI ("100").
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Qty {
  /** value = mant × 10^exp */
  mant: bigint;
  exp: number;
  format: QuantityFormat;
}

const BINARY = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const QTY = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

export const ZERO: Qty = { mant: 0n, exp: 0, format: 'DecimalSI' };

/** Parses a quantity as the API accepts it; undefined when it is not one. */
export function parseQty(input: string | number | undefined | null): Qty | undefined {
  if (input === undefined || input === null) return undefined;
  const s = String(input).trim();
  const m = QTY.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  let mant = BigInt((m[2] || '0') + frac);
  if (m[1] === '-') mant = -mant;
  let exp = -frac.length;
  let format: QuantityFormat = 'DecimalSI';
  if (m[4] !== undefined && BINARY.includes(m[4])) {
    mant *= 1024n ** BigInt(BINARY.indexOf(m[4]));
    format = 'BinarySI';
  } else if (m[4] !== undefined) {
    exp += DECIMAL[m[4]];
  } else if (m[5] !== undefined) {
    exp += Number(m[5]);
    format = 'DecimalExponent';
  }
  return { mant, exp, format };
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** a + b, in the format of a; a zero a takes b's format (Quantity.Add). */
export function addQty(a: Qty, b: Qty): Qty {
  const exp = Math.min(a.exp, b.exp);
  const mant = a.mant * pow10(a.exp - exp) + b.mant * pow10(b.exp - exp);
  return { mant, exp, format: a.mant === 0n ? b.format : a.format };
}

export function maxQty(a: Qty, b: Qty): Qty {
  return compareQty(a, b) >= 0 ? a : b;
}

export function compareQty(a: Qty, b: Qty): number {
  const exp = Math.min(a.exp, b.exp);
  const x = a.mant * pow10(a.exp - exp);
  const y = b.mant * pow10(b.exp - exp);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The value as a float, for percentages. */
export function qtyValue(q: Qty): number {
  return Number(q.mant) * 10 ** q.exp;
}

/** Integer value if the quantity is whole, else undefined. */
function integerValue(q: Qty): bigint | undefined {
  if (q.exp >= 0) return q.mant * pow10(q.exp);
  const d = pow10(-q.exp);
  return q.mant % d === 0n ? q.mant / d : undefined;
}

/** Quantity.String(): the canonical form. */
export function formatQty(q: Qty): string {
  if (q.mant === 0n) return '0';
  if (q.format === 'BinarySI') {
    const v = integerValue(q);
    const small = v !== undefined && v > -1024n && v < 1024n;
    if (v !== undefined && !small) {
      let k = 0;
      let n = v;
      while (k < BINARY.length - 1 && n % 1024n === 0n) {
        n /= 1024n;
        k++;
      }
      return `${n}${BINARY[k]}`;
    }
    return formatDecimal(q, false);
  }
  return formatDecimal(q, q.format === 'DecimalExponent');
}

function formatDecimal(q: Qty, exponentStyle: boolean): string {
  let { mant, exp } = q;
  // Sub-nano precision rounds up (away from zero), as the API does.
  if (exp < -9) {
    const d = pow10(-9 - exp);
    const r = mant / d;
    mant = mant % d === 0n ? r : r + (mant > 0n ? 1n : -1n);
    exp = -9;
  }
  while (mant !== 0n && mant % 10n === 0n) {
    mant /= 10n;
    exp++;
  }
  let e3 = Math.floor(exp / 3) * 3;
  if (e3 > 18) e3 = 18;
  const m = mant * pow10(exp - e3);
  if (exponentStyle) return e3 === 0 ? `${m}` : `${m}e${e3}`;
  return `${m}${DECIMAL_SUFFIX[e3]}`;
}

/** The canonical form of a quantity string; the input itself if it does not parse. */
export function canonicalQuantity(s: string | number | undefined | null): string {
  const q = parseQty(s);
  if (!q) return s === undefined || s === null ? '' : String(s);
  return formatQty(q);
}
