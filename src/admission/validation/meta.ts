/**
 * ObjectMeta validation (apimachinery api/validation/objectmeta.go and core's additions): names,
 * namespaces, labels, annotations, owner references, finalizers; and the update rules (name,
 * namespace, uid, creationTimestamp immutable; no new finalizers while being deleted).
 *
 * Example: a Deployment named "Web_1" →
 *   metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of ...
 */
import type { FieldError } from '../../apiserver/errors.ts';
import type { LabelSelector, ObjectMeta, OwnerReference } from '../../api/types/index.ts';
import { forbidden, invalid, nonNegative, Path, required, tooLong, type BadValue } from '../util/field-path.ts';
import { goLiteral, goStringSlice } from '../util/go-format.ts';
import { isDns1123Label, isQualifiedName, isValidLabelValue, type NameFn } from '../util/names.ts';

export const FIELD_IMMUTABLE = 'field is immutable';

export function validateLabelName(name: string, path: Path): FieldError[] {
  return isQualifiedName(name).map((msg) => invalid(path, name, msg));
}

/** Label keys and values; both report at the labels map itself (`metadata.labels`). */
export function validateLabels(labels: Record<string, string> | undefined, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

export function validateAnnotations(annotations: Record<string, string> | undefined, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    size += k.length + v.length;
  }
  if (size > TOTAL_ANNOTATION_SIZE) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE));
  return errs;
}

function validateOwnerReferences(refs: OwnerReference[] | undefined, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const version = ref.apiVersion?.includes('/') ? ref.apiVersion.split('/')[1] : ref.apiVersion;
    if (!version) errs.push(invalid(path.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(invalid(path.child('kind'), ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(invalid(path.child('name'), ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(invalid(path.child('uid'), ref.uid ?? '', 'must not be empty'));
    if (ref.controller) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          invalid(
            path,
            goLiteral('[]v1.OwnerReference{...}'),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`,
          ),
        );
      } else firstController = cur;
    }
  }
  return errs;
}

/** Finalizer names without a domain must be one of the standard ones. */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

function validateFinalizers(finalizers: string[] | undefined, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  const list = finalizers ?? [];
  for (const f of list) for (const msg of isQualifiedName(f)) errs.push(invalid(path, f, msg));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(path, goLiteral(goStringSlice(list)), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  list.forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid(path.index(i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

function validateCommon(meta: ObjectMeta, namespaced: boolean, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (namespaced) {
    if (!meta.namespace) errs.push(required(path.child('namespace')));
    else for (const msg of isDns1123Label(meta.namespace)) errs.push(invalid(path.child('namespace'), meta.namespace, msg));
  } else if (meta.namespace) errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  errs.push(...nonNegative(meta.generation, path.child('generation')));
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(meta.finalizers, path.child('finalizers')));
  return errs;
}

/** ValidateObjectMeta: generateName and name with the kind's name rule, then the common fields. */
export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, nameFn: NameFn, path = Path.root('metadata')): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) for (const msg of nameFn(meta.generateName, true)) errs.push(invalid(path.child('generateName'), meta.generateName, msg));
  if (!meta.name) errs.push(required(path.child('name'), 'name or generateName is required'));
  else for (const msg of nameFn(meta.name, false)) errs.push(invalid(path.child('name'), meta.name, msg));
  return [...errs, ...validateCommon(meta, namespaced, path)];
}

function immutable(a: BadValue, b: BadValue, path: Path): FieldError[] {
  return (a ?? '') === (b ?? '') ? [] : [invalid(path, a, FIELD_IMMUTABLE)];
}

/** ValidateObjectMetaUpdate. */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = Path.root('metadata')): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) {
    const before = new Set(old.finalizers ?? []);
    const extra = (meta.finalizers ?? []).filter((f) => !before.has(f)).sort();
    if (extra.length) {
      errs.push(forbidden(path.child('finalizers'), `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra)}`));
    }
  }
  if ((meta.generation ?? 0) < (old.generation ?? 0)) errs.push(invalid(path.child('generation'), meta.generation ?? 0, 'must not be decremented'));
  errs.push(...immutable(meta.name, old.name, path.child('name')));
  errs.push(...immutable(meta.namespace, old.namespace, path.child('namespace')));
  errs.push(...immutable(meta.uid, old.uid, path.child('uid')));
  errs.push(...immutable(meta.creationTimestamp, old.creationTimestamp, path.child('creationTimestamp')));
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(meta.finalizers, path.child('finalizers')));
  return errs;
}

/** ValidateLabelSelector (strict: values must be valid label values). */
export function validateLabelSelector(sel: LabelSelector | undefined, path: Path): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, path.child('matchLabels'));
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const p = path.child('matchExpressions').index(i);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(p.child('operator'), e.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(e.key ?? '', p.child('key')));
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(v)) errs.push(invalid(p.child('values').index(j), v, msg));
    });
  });
  return errs;
}
