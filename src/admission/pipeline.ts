/**
 * The path of a write through the API server, between receiving the object and storing it:
 *
 *   create: decode (types, unknown fields) → defaults → mutating admission plugins
 *           (ServiceAccount, Priority, DefaultTolerationSeconds, DefaultStorageClass)
 *           → strategy (starting status, generated Job selector...) → validation
 *   update: decode → defaults → plugins that act on updates → strategy → update validation
 *
 * A decoding problem is a BadRequest (`Deployment in version "v1" cannot be handled as a
 * Deployment: strict decoding error: unknown field "spec.replica"`), a refusing plugin a Forbidden,
 * and validation errors an Invalid carrying every field error.
 */
import { findKind, type KindInfo } from '../api/kinds.ts';
import type { KubeObject, PersistentVolumeClaim, Pod } from '../api/types/index.ts';
import type { Admission, AdmissionContext } from '../apiserver/admission.ts';
import { ApiError, invalid, type FieldError } from '../apiserver/errors.ts';
import { decodeObject } from './decode.ts';
import { KIND_RULES } from './kinds.ts';
import { admitDefaultStorageClass, resizeForbidden } from './plugins/default-storage-class.ts';
import { admitDefaultTolerations, admitPriority, keepPriority } from './plugins/pod-defaults.ts';
import { admitServiceAccount, forbiddenError } from './plugins/service-account.ts';
import { SCHEMAS } from './schemas/index.ts';
import { prepareForCreate, prepareForUpdate } from './strategy.ts';
import { dedupe } from './util/field-path.ts';
import { compareQuantities, parseQuantity } from './util/quantity.ts';

function kindOf(obj: KubeObject): KindInfo {
  const info = findKind(obj.kind);
  if (!info) throw new ApiError('NotFound', `the server could not find the requested resource (kind ${obj.kind})`);
  return info;
}

/** Decodes in place, or throws the BadRequest the API server answers. */
export function decodeOrThrow(info: KindInfo, obj: KubeObject): void {
  const outcome = decodeObject(SCHEMAS[info.kind], obj);
  if (outcome.badRequest !== undefined) {
    throw new ApiError('BadRequest', `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${outcome.badRequest}`, {
      causes: outcome.errors,
      details: { name: obj.metadata?.name, group: info.group, kind: info.kind },
    });
  }
}

function throwIfInvalid(info: KindInfo, obj: KubeObject, errors: FieldError[]): void {
  const list = dedupe(errors);
  if (list.length) throw invalid(info, obj.metadata.name ?? '', list);
}

function admitCreate(obj: KubeObject, ctx: AdmissionContext): void {
  const info = kindOf(obj);
  if (ctx.decode) decodeOrThrow(info, obj);
  const rules = KIND_RULES[info.kind];
  rules.defaults(obj);
  if (info.kind === 'Pod') {
    const pod = obj as Pod;
    admitServiceAccount(pod, ctx);
    admitPriority(pod);
    admitDefaultTolerations(pod);
  } else if (info.kind === 'PersistentVolumeClaim') {
    admitDefaultStorageClass(obj as PersistentVolumeClaim, ctx.store);
  }
  prepareForCreate(obj, ctx.now);
  throwIfInvalid(info, obj, rules.validate(obj));
}

/** Whether a claim's storage request grows in this update. */
function grows(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim): boolean {
  const next = parseQuantity(String(pvc.spec.resources?.requests?.storage ?? '0'));
  const prev = parseQuantity(String(old.spec.resources?.requests?.storage ?? '0'));
  return typeof next !== 'string' && typeof prev !== 'string' && compareQuantities(next, prev) > 0;
}

function admitUpdate(obj: KubeObject, old: KubeObject, ctx: AdmissionContext): void {
  const info = kindOf(obj);
  if (ctx.decode) decodeOrThrow(info, obj);
  const rules = KIND_RULES[info.kind];
  rules.defaults(obj);
  if (info.kind === 'Pod') {
    keepPriority(obj as Pod, old as Pod);
    admitDefaultTolerations(obj as Pod);
  }
  prepareForUpdate(obj, old);
  throwIfInvalid(info, obj, rules.validate(obj, old));
  if (info.kind === 'PersistentVolumeClaim') {
    const [pvc, prev] = [obj as PersistentVolumeClaim, old as PersistentVolumeClaim];
    const refusal = resizeForbidden(pvc, prev, ctx.store, grows(pvc, prev));
    if (refusal) throw forbiddenError('PersistentVolumeClaim', pvc.metadata.name, refusal);
  }
}

export function createAdmissionPipeline(): Admission {
  return { admitCreate, admitUpdate };
}
