/**
 * jsonpatch.CreateMergePatch: the JSON merge patch (RFC 7386) that turns `from` into `to`: changed
 * or new fields set, removed fields null, nested maps diffed, everything else replaced whole.
 *
 * Example: {labels:{a:"1",b:"2"}} → {labels:{a:"1",c:"3"}} gives {labels:{b:null,c:"3"}}.
 */
import { deepEqual } from '../api/object-util.ts';

type JsonMap = Record<string, unknown>;

function isMap(v: unknown): v is JsonMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function createMergePatch(from: unknown, to: unknown): JsonMap {
  const a = isMap(from) ? from : {};
  const b = isMap(to) ? to : {};
  const out: JsonMap = {};
  for (const k of Object.keys(a)) if (!(k in b) || b[k] === undefined) out[k] = null;
  for (const [k, v] of Object.entries(b)) {
    if (v === undefined) continue;
    const old = a[k];
    if (isMap(old) && isMap(v)) {
      const d = createMergePatch(old, v);
      if (Object.keys(d).length > 0) out[k] = d;
    } else if (!(k in a) || !deepEqual(old, v)) {
      out[k] = v;
    }
  }
  return out;
}
