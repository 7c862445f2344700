/**
 * Checks a manifest before anything runs: its kind must be one the API serves in that version, and
 * the object must pass the kind's schema and validation (admission's validateManifest). Each
 * problem is located in the file:
 *
 *   - a wrong value or type: the value (`replicas: "three"` → the column of `"three"`);
 *   - an unknown field: its key;
 *   - a missing field: the key of its nearest parent that is written (`spec:` for spec.selector).
 *
 * Example: `error: manifests/member.yaml:7:13: Deployment.apps "member" is invalid: spec.replicas: Invalid value: "three": spec.replicas in body must be of type integer: "string"`.
 */
import { findKind } from '../api/kinds.ts';
import type { FieldError } from '../apiserver/errors.ts';
import { validateManifest } from '../admission/index.ts';
import { ManifestError } from './manifest-error.ts';
import type { LocatedManifest } from './parse-manifests.ts';
import type { PathSegment, Position, YamlDoc } from './yaml-source.ts';

export function checkManifest(m: LocatedManifest): ManifestError[] {
  const obj = m.object;
  const info = findKind(obj.kind);
  if (!info || info.apiVersion !== obj.apiVersion) {
    const at = info ? m.doc.locate(['apiVersion']) : m.doc.locate(['kind']);
    return [new ManifestError(at, `no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`)];
  }
  const qualified = info.group ? `${info.kind}.${info.group}` : info.kind;
  const name = obj.metadata?.name ?? '';
  return validateManifest(obj).map((fe) => new ManifestError(locateFieldError(m.doc, fe), `${qualified} "${name}" is invalid: ${fe.message}`));
}

/** Where a field error points in the document (see the rules above). */
export function locateFieldError(doc: YamlDoc, fe: FieldError): Position {
  const path = fe.path;
  const existing = existingPrefix(doc.value, path);
  if (existing === path.length) {
    return doc.locate(path, { key: isUnknownField(fe) });
  }
  if (existing === 0) return doc.start;
  const parent = path.slice(0, existing);
  return doc.locate(parent, { key: typeof parent[parent.length - 1] === 'string' });
}

function isUnknownField(fe: FieldError): boolean {
  return /unknown field/.test(fe.message);
}

/** How many leading segments of `path` exist in `value`. */
function existingPrefix(value: unknown, path: PathSegment[]): number {
  let cur: unknown = value;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (Array.isArray(cur) && typeof seg === 'number' && seg < cur.length) cur = cur[seg];
    else if (cur !== null && typeof cur === 'object' && !Array.isArray(cur) && Object.prototype.hasOwnProperty.call(cur, String(seg))) {
      cur = (cur as Record<string, unknown>)[String(seg)];
    } else return i;
  }
  return path.length;
}
