/**
 * Pods and pod templates: ValidatePodCreate, ValidatePodUpdate (only images, activeDeadlineSeconds,
 * added tolerations and schedulingGates removals may change) and ValidatePodTemplateSpec.
 *
 * A forbidden pod update reads as on a real cluster:
 *   spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,
 *   `spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions
 *   to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was
 *   previously negative)
 *     core.PodSpec{ ...diff... }
 */
import type { FieldError } from '../../apiserver/errors.ts';
import type { Pod, PodSpec, PodTemplateSpec, Toleration } from '../../api/types/index.ts';
import { deepEqual } from '../../api/object-util.ts';
import { forbidden, invalid, Path, required } from '../util/field-path.ts';
import { cmpDiff, PODSPEC_FIELDS } from '../util/diff.ts';
import { inclusiveRangeError, nameIsDnsSubdomain } from '../util/names.ts';
import { validateAnnotations, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';
import { validatePodSpec, validateTolerations } from './pod-spec.ts';

export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

export const UPDATABLE_POD_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function validatePodAnnotations(annotations: Record<string, string> | undefined, spec: PodSpec, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  const a = annotations ?? {};
  if (MIRROR_ANNOTATION in a && !spec.nodeName) {
    errs.push(invalid(path.key(MIRROR_ANNOTATION), a[MIRROR_ANNOTATION], 'must set spec.nodeName if mirror pod annotation is set'));
  }
  if (DELETION_COST in a) {
    const v = a[DELETION_COST];
    const n = Number(v);
    if (!/^-?[0-9]+$/.test(v) || n < -2147483648 || n > 2147483647) errs.push(invalid(path.key(DELETION_COST), v, 'must be a 32bit integer'));
  }
  return errs;
}

/** ValidatePodTemplateSpec (templates of Deployments, ReplicaSets, Jobs...). */
export function validatePodTemplate(template: PodTemplateSpec | undefined, path: Path): FieldError[] {
  if (!template) return [required(path)];
  const meta = template.metadata ?? {};
  const errs = [
    ...validateLabels(meta.labels, path.child('labels')),
    ...validateAnnotations(meta.annotations, path.child('annotations')),
    ...validatePodAnnotations(meta.annotations, template.spec ?? ({} as PodSpec), path.child('annotations')),
    ...validatePodSpec(template.spec ?? ({} as PodSpec), path.child('spec')),
  ];
  if (((template.spec as { ephemeralContainers?: unknown[] })?.ephemeralContainers ?? []).length > 0) {
    errs.push(forbidden(path.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

function validateMetadataAndSpec(pod: Pod): FieldError[] {
  const meta = Path.root('metadata');
  const spec = Path.root('spec');
  const errs = [
    ...validateObjectMeta(pod.metadata, true, nameIsDnsSubdomain, meta),
    ...validatePodAnnotations(pod.metadata.annotations, pod.spec, meta.child('annotations')),
    ...validatePodSpec(pod.spec, spec),
  ];
  if (!pod.spec.serviceAccountName) {
    (pod.spec.volumes ?? []).forEach((v, i) => {
      const sources = ((v.projected as { sources?: Record<string, unknown>[] } | undefined)?.sources ?? []);
      sources.forEach((s, j) => {
        if (s.serviceAccountToken) {
          errs.push(forbidden(spec.child('volumes').index(i).child('projected', 'sources').index(j).child('serviceAccountToken'), 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  for (const field of ['containers', 'initContainers'] as const) {
    (pod.spec[field] ?? []).forEach((c, i) => {
      if (c.image && c.image !== c.image.trim()) errs.push(invalid(spec.child(field).index(i).child('image'), c.image, 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}

export function validatePodCreate(pod: Pod): FieldError[] {
  const errs = validateMetadataAndSpec(pod);
  const spec = Path.root('spec');
  if (((pod.spec as { ephemeralContainers?: unknown[] }).ephemeralContainers ?? []).length > 0) {
    errs.push(forbidden(spec.child('ephemeralContainers'), 'cannot be set on create'));
  }
  if (pod.spec.nodeName && (pod.spec.schedulingGates ?? []).length > 0) {
    errs.push(forbidden(spec.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

function onlyAddedTolerations(next: Toleration[] | undefined, prev: Toleration[] | undefined, path: Path): FieldError[] {
  for (const old of prev ?? []) {
    const found = (next ?? []).some((t) => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

/** ValidatePodUpdate. */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const meta = Path.root('metadata');
  const spec = Path.root('spec');
  const errs = [...validateObjectMetaUpdate(pod.metadata, old.metadata, meta), ...validateMetadataAndSpec(pod)];
  const oldAnn = old.metadata.annotations ?? {};
  const newAnn = pod.metadata.annotations ?? {};
  if ((MIRROR_ANNOTATION in oldAnn || MIRROR_ANNOTATION in newAnn) && oldAnn[MIRROR_ANNOTATION] !== newAnn[MIRROR_ANNOTATION]) {
    const detail = MIRROR_ANNOTATION in oldAnn ? 'may not remove or update mirror pod annotation' : 'may not add mirror pod annotation';
    errs.push(forbidden(meta.child('annotations').key(MIRROR_ANNOTATION), detail));
  }
  for (const field of ['containers', 'initContainers'] as const) {
    const next = pod.spec[field] ?? [];
    const prev = old.spec[field] ?? [];
    if (next.length !== prev.length) {
      errs.push(forbidden(spec.child(field), 'pod updates may not add or remove containers'));
      return errs;
    }
    next.forEach((c, i) => {
      if (!c.image) errs.push(required(spec.child(field).index(i).child('image')));
    });
  }
  const ads = pod.spec.activeDeadlineSeconds;
  if (ads !== undefined) {
    if (ads < 0 || ads > 2147483647) return [...errs, invalid(spec.child('activeDeadlineSeconds'), ads, inclusiveRangeError(0, 2147483647))];
    if (old.spec.activeDeadlineSeconds !== undefined && old.spec.activeDeadlineSeconds < ads) {
      return [...errs, invalid(spec.child('activeDeadlineSeconds'), ads, 'must be less than or equal to previous value')];
    }
  } else if (old.spec.activeDeadlineSeconds !== undefined) {
    errs.push(invalid(spec.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...onlyAddedTolerations(pod.spec.tolerations, old.spec.tolerations, spec.child('tolerations')));
  const oldGates = new Set((old.spec.schedulingGates ?? []).map((g) => g.name));
  (pod.spec.schedulingGates ?? []).forEach((g, i) => {
    if (!oldGates.has(g.name)) errs.push(forbidden(spec.child('schedulingGates').index(i).child('name'), `only deletion is allowed, but found new scheduling gate '${g.name}'`));
  });
  if (deepEqual(pod.spec, old.spec)) return errs;

  const munged: Record<string, unknown> = { ...(pod.spec as unknown as Record<string, unknown>) };
  munged.containers = (pod.spec.containers ?? []).map((c, i) => ({ ...c, image: old.spec.containers[i].image }));
  if (pod.spec.initContainers) munged.initContainers = pod.spec.initContainers.map((c, i) => ({ ...c, image: old.spec.initContainers![i].image }));
  munged.activeDeadlineSeconds = old.spec.activeDeadlineSeconds;
  munged.schedulingGates = old.spec.schedulingGates;
  munged.tolerations = old.spec.tolerations;
  const oldGrace = old.spec.terminationGracePeriodSeconds;
  if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldGrace;
  const before = { ...(old.spec as unknown as Record<string, unknown>) };
  for (const o of [munged, before]) for (const [k, v] of Object.entries(o)) if (v === undefined) delete o[k];
  if (!deepEqual(munged, before)) {
    delete before.serviceAccount;
    delete munged.serviceAccount;
    const diff = cmpDiff('core.PodSpec', before, munged, PODSPEC_FIELDS);
    errs.push(forbidden(spec, `pod updates may not change fields other than ${UPDATABLE_POD_FIELDS.join(',')}\n${diff}`));
  }
  return errs;
}
