/**
 * Resource quantities (`250m`, `1.5`, `128Mi`, `1G`, `1e3`) as the API parses them.
 * CPU is handled in millicores, everything else in base units (bytes for memory).
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

export function isQuantity(s: string): boolean {
  return QUANTITY.test(s.trim());
}

/** The value in base units, or undefined when `s` is not a quantity. */
export function parseQuantity(s: string | number | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (typeof s === 'number') return s;
  const m = QUANTITY.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[3] !== undefined) return n * 10 ** Number(m[3]);
  const suffix = m[2] ?? '';
  return n * (BINARY[suffix] ?? DECIMAL[suffix]);
}

/** CPU in millicores (rounded up, as the API rounds sub-milli values). */
export function parseCpuMillis(s: string | number | undefined): number {
  const v = parseQuantity(s);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e6) / 1e3);
}

export function parseBytes(s: string | number | undefined): number {
  const v = parseQuantity(s);
  return v === undefined ? 0 : Math.ceil(v);
}

/** Millicores as kubectl prints them: `250m`, or `2` for whole cores. */
export function formatCpuMillis(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** Bytes in the largest binary unit that divides them exactly, as resource.Quantity prints. */
export function formatBytes(b: number): string {
  if (b === 0) return '0';
  for (const unit of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'] as const) {
    const f = BINARY[unit];
    if (b % f === 0) return `${b / f}${unit}`;
  }
  return String(b);
}
