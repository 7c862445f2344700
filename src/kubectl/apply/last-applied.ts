/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation (util.GetModifiedConfiguration):
 * the manifest as applied, without that annotation itself, serialised as Go's encoding/json does
 * (keys sorted, `<`, `>` and `&` escaped, a trailing newline). The manifest's `metadata.annotations`
 * is always present in it, `{}` when the manifest has none, and the namespace kubectl filled in is
 * included: `{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},...}`.
 */
import { canonicalJson } from '../../api/names.ts';
import { clone } from '../../api/object-util.ts';
import type { KubeObject } from '../../api/types/index.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The manifest with its last-applied annotation set, and that annotation's value. */
export function withLastApplied(manifest: KubeObject): { modified: KubeObject; annotation: string } {
  const copy = clone(manifest);
  copy.metadata = copy.metadata ?? ({} as KubeObject['metadata']);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  const annotation = goJson(copy) + '\n';
  const modified = clone(copy);
  modified.metadata.annotations = { ...annotations, [LAST_APPLIED]: annotation };
  return { modified, annotation };
}

/** The last-applied configuration recorded on a live object, parsed; undefined when absent. */
export function lastApplied(obj: KubeObject): unknown {
  const text = obj.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** encoding/json.Marshal of plain data: sorted keys and HTML-safe escapes. */
export function goJson(value: unknown): string {
  return canonicalJson(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** pruneNullsFromMap: a create sends no null fields. */
export function pruneNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(pruneNulls) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === null) continue;
      out[k] = pruneNulls(v);
    }
    return out as T;
  }
  return value;
}
