/**
 * apiequality.Semantic.DeepEqual over JSON data: like deep equality, except that an empty list
 * equals an absent one (Go's nil and empty slices compare equal there).
 */
import { deepEqual } from '../../api/object-util.ts';

function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(prune);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const p = prune(x);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  return v;
}

export function semanticEqual(a: unknown, b: unknown): boolean {
  return deepEqual(prune(a), prune(b));
}
