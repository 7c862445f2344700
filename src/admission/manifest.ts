/**
 * Static checks of a manifest, before anything runs: what the API server would refuse without
 * looking at the cluster. The object is checked as the server would see it: decoded, given a
 * namespace, a uid and a name if it only has a generateName, defaulted, run through the plugin
 * steps that need no lookup (default ServiceAccount name, default tolerations, priority) and the
 * strategy, then validated.
 */
import { findKind, KINDS } from '../api/kinds.ts';
import { clone } from '../api/object-util.ts';
import type { KubeObject, Pod } from '../api/types/index.ts';
import type { FieldError } from '../apiserver/errors.ts';
import { decodeObject } from './decode.ts';
import { KIND_RULES } from './kinds.ts';
import { admitDefaultTolerations, SYSTEM_PRIORITY_CLASSES } from './plugins/pod-defaults.ts';
import { SCHEMAS } from './schemas/index.ts';
import { prepareForCreate } from './strategy.ts';
import { dedupe } from './util/field-path.ts';

const PLACEHOLDER_UID = '00000000-0000-4000-8000-000000000000';
/** A fixed instant for the starting status of the checked copy (nothing is stored). */
const PLACEHOLDER_NOW = 0;

function fieldError(field: 'apiVersion' | 'kind', message: string): FieldError {
  return { field, path: [field], type: 'FieldValueRequired', message };
}

export function validateManifest(input: unknown): FieldError[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return [{ field: '', path: [], type: 'FieldValueInvalid', message: 'error validating data: invalid object to validate' }];
  }
  const raw = input as Record<string, unknown>;
  const errs: FieldError[] = [];
  if (typeof raw.apiVersion !== 'string' || raw.apiVersion === '') errs.push(fieldError('apiVersion', 'apiVersion not set'));
  if (typeof raw.kind !== 'string' || raw.kind === '') errs.push(fieldError('kind', 'kind not set'));
  if (errs.length) return errs;
  const info = findKind(raw.kind as string);
  if (!info || info.apiVersion !== raw.apiVersion) {
    const field = KINDS.some((k) => k.kind === raw.kind) ? 'apiVersion' : 'kind';
    return [{ field, path: [field], type: 'FieldValueNotSupported', message: `no matches for kind "${raw.kind}" in version "${raw.apiVersion}"` }];
  }
  const obj = clone(raw) as KubeObject;
  const decoded = decodeObject(SCHEMAS[info.kind], obj);
  if (decoded.errors.length) return decoded.errors;

  obj.metadata ??= {} as KubeObject['metadata'];
  const meta = obj.metadata;
  if (info.namespaced) meta.namespace ||= 'default';
  else delete meta.namespace;
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}xxxxx`;
  meta.uid = PLACEHOLDER_UID;
  const rules = KIND_RULES[info.kind];
  rules.defaults(obj);
  if (info.kind === 'Pod') {
    const pod = obj as Pod;
    pod.spec.serviceAccountName ||= 'default';
    pod.spec.serviceAccount = pod.spec.serviceAccountName;
    const known = SYSTEM_PRIORITY_CLASSES[pod.spec.priorityClassName ?? ''];
    if (pod.spec.priority === undefined) pod.spec.priority = known ?? 0;
    pod.spec.preemptionPolicy ??= 'PreemptLowerPriority';
    admitDefaultTolerations(pod);
  }
  prepareForCreate(obj, PLACEHOLDER_NOW);
  return dedupe(rules.validate(obj));
}
