/**
 * Go's fmt formatting of decoded JSON values, where kubectl prints raw values: custom-columns cells
 * are `fmt.Sprint(value)`, so a map prints as `map[app:web tier:db]` and a list as `[a b]`.
 */

/** strconv.FormatFloat(f, 'g', -1, 64), which %v uses: exponent form below 1e-4 or from 1e6 up. */
export function goFloatG(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mant, e] = v.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return v.toFixed(Math.max(0, mant.replace(/^-?\d\.?/, '').length - exp));
}

/**
 * fmt.Sprint of an unstructured value. Whole numbers print as the int64 the JSON decoder makes of
 * them; other numbers as float64.
 */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? v.toFixed(0) : goFloatG(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${keys.map((k) => `${k}:${goSprint(obj[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** Go's name of the dynamic type of a decoded JSON value, for error messages. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}
