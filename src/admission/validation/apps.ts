/**
 * apps/v1 validation (pkg/apis/apps/validation): Deployment, ReplicaSet, StatefulSet, DaemonSet,
 * ControllerRevision, and their update rules. Selectors of apps/v1 objects are immutable (the
 * registry strategies add that check).
 *
 * Examples:
 *   spec.replicas: Invalid value: -1: must be greater than or equal to 0
 *   spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0
 *   spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden
 */
import type { FieldError } from '../../apiserver/errors.ts';
import type { DaemonSet, Deployment, IntOrString, ReplicaSet, StatefulSet } from '../../api/types/index.ts';
import { forbidden, invalid, nonNegative, notSupported, Path, required } from '../util/field-path.ts';
import { goIntOrString, goLabelSelector, goLiteral, goStruct } from '../util/go-format.ts';
import { isValidPercent, nameIsDnsLabel, nameIsDnsSubdomain } from '../util/names.ts';
import { semanticEqual } from '../util/semantic.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';
import { validatePersistentVolumeClaimSpec } from './storage.ts';
import { immutableSelector, selectorConvertible, selectorEmpty, validateReplicatedTemplate, validateSelector, validateSelectorMatchesTemplate } from './workload.ts';
import { validateAnnotations, validateLabels, validateLabelSelector } from './meta.ts';
import { validatePodTemplate } from './pod.ts';

const spec = Path.root('spec');

function intOrPercentValue(v: IntOrString | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && isValidPercent(v).length === 0) return Number(v.slice(0, -1));
  return 0;
}

function validatePositiveIntOrPercent(v: IntOrString | undefined, path: Path): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, goLiteral(goIntOrString(v)), m));
  return nonNegative(v, path);
}

function notMoreThan100Percent(v: IntOrString | undefined, path: Path): FieldError[] {
  if (typeof v !== 'string' || isValidPercent(v).length > 0 || Number(v.slice(0, -1)) <= 100) return [];
  return [invalid(path, goLiteral(goIntOrString(v)), 'must not be greater than 100%')];
}

function validateDeploymentSpec(d: Deployment): FieldError[] {
  const s = d.spec;
  const errs = nonNegative(s.replicas, spec.child('replicas'));
  errs.push(...validateSelector(s.selector, spec.child('selector'), 'deployment'));
  if (!s.selector || selectorConvertible(s.selector)) errs.push(...validateReplicatedTemplate(s.selector, s.template, spec.child('template'), 'ReplicaSet'));
  else errs.push(invalid(spec.child('selector'), null, 'invalid label selector'));
  const strategy = s.strategy ?? {};
  const sp = spec.child('strategy');
  if (strategy.type === 'Recreate') {
    if (strategy.rollingUpdate) errs.push(forbidden(sp.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'"));
  } else if (strategy.type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate;
    if (!ru) errs.push(required(sp.child('rollingUpdate'), 'this should be defaulted and never be nil'));
    else {
      const rp = sp.child('rollingUpdate');
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid(rp.child('maxUnavailable'), goLiteral(goIntOrString(ru.maxUnavailable ?? 0)), 'may not be 0 when `maxSurge` is 0'));
      }
      errs.push(...notMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')));
    }
  } else {
    errs.push(notSupported(sp, goLiteral(goStruct('apps.DeploymentStrategy', strategy)), ['Recreate', 'RollingUpdate']));
  }
  errs.push(...nonNegative(s.minReadySeconds, spec.child('minReadySeconds')));
  errs.push(...nonNegative(s.revisionHistoryLimit, spec.child('revisionHistoryLimit')));
  if (s.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(s.progressDeadlineSeconds, spec.child('progressDeadlineSeconds')));
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
      errs.push(invalid(spec.child('progressDeadlineSeconds'), s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export function validateDeployment(d: Deployment, old?: Deployment): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(d.metadata, old.metadata) : validateObjectMeta(d.metadata, true, nameIsDnsSubdomain);
  errs.push(...validateDeploymentSpec(d));
  if (old) errs.push(...immutableSelector(d.spec.selector, old.spec.selector, spec.child('selector'), semanticEqual));
  return errs;
}

export function validateReplicaSet(rs: ReplicaSet, old?: ReplicaSet): FieldError[] {
  const s = rs.spec;
  const errs = old ? validateObjectMetaUpdate(rs.metadata, old.metadata) : validateObjectMeta(rs.metadata, true, nameIsDnsSubdomain);
  errs.push(...nonNegative(s.replicas, spec.child('replicas')));
  errs.push(...nonNegative(s.minReadySeconds, spec.child('minReadySeconds')));
  errs.push(...validateSelector(s.selector, spec.child('selector'), 'deployment'));
  if (!s.selector || selectorConvertible(s.selector)) errs.push(...validateReplicatedTemplate(s.selector, s.template, spec.child('template'), 'ReplicaSet'));
  else errs.push(invalid(spec.child('selector'), null, 'invalid label selector'));
  if (old) errs.push(...immutableSelector(s.selector, old.spec.selector, spec.child('selector'), semanticEqual));
  return errs;
}

function validateStatefulSetSpec(sts: StatefulSet): FieldError[] {
  const s = sts.spec;
  const errs: FieldError[] = [];
  const pmp = s.podManagementPolicy ?? '';
  if (!pmp) errs.push(required(spec.child('podManagementPolicy')));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid(spec.child('podManagementPolicy'), pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = s.updateStrategy ?? {};
  const up = spec.child('updateStrategy');
  if (!us.type) errs.push(required(up));
  else if (us.type === 'OnDelete') {
    if (us.rollingUpdate) errs.push(invalid(up.child('rollingUpdate'), goLiteral(goStruct('apps.RollingUpdateStatefulSetStrategy', us.rollingUpdate)), "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (us.type === 'RollingUpdate') {
    const ru = us.rollingUpdate;
    if (ru) {
      errs.push(...nonNegative(ru.partition, up.child('rollingUpdate', 'partition')));
      if (ru.maxUnavailable !== undefined) {
        const mp = up.child('rollingUpdate', 'maxUnavailable');
        errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, mp));
        if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalid(mp, goLiteral(goIntOrString(ru.maxUnavailable)), 'cannot be 0'));
        errs.push(...notMoreThan100Percent(ru.maxUnavailable, mp));
      }
    }
  } else {
    errs.push(invalid(up, goLiteral(goStruct('apps.StatefulSetUpdateStrategy', us)), "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = s.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const f of ['whenDeleted', 'whenScaled'] as const) {
      const v = retention[f] ?? '';
      if (v !== 'Retain' && v !== 'Delete') errs.push(notSupported(spec.child('persistentVolumeClaimRetentionPolicy', f), v, ['Retain', 'Delete']));
    }
  }
  errs.push(...nonNegative(s.replicas, spec.child('replicas')));
  errs.push(...nonNegative(s.minReadySeconds, spec.child('minReadySeconds')));
  if (s.ordinals) errs.push(...nonNegative(s.ordinals.start, spec.child('ordinals.start')));
  errs.push(...validateSelector(s.selector, spec.child('selector'), 'statefulset'));
  const tp = spec.child('template');
  if (!s.selector || selectorConvertible(s.selector)) {
    errs.push(...validateSelectorMatchesTemplate(s.selector, s.template, tp));
    const meta = s.template?.metadata ?? {};
    errs.push(...validateLabels(meta.labels, tp.child('labels')), ...validateAnnotations(meta.annotations, tp.child('annotations')));
  } else errs.push(invalid(spec.child('selector'), null, ''));
  if (s.template?.spec?.restartPolicy !== 'Always') errs.push(notSupported(tp.child('spec', 'restartPolicy'), s.template?.spec?.restartPolicy ?? '', ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(tp.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  (s.volumeClaimTemplates ?? []).forEach((t, i) => {
    errs.push(...validatePersistentVolumeClaimSpec(t.spec ?? {}, spec.child('volumeClaimTemplates').index(i).child('spec')));
  });
  return errs;
}

/** The fields of a StatefulSet spec an update may change. */
const STS_MUTABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

export function validateStatefulSet(sts: StatefulSet, old?: StatefulSet): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(sts.metadata, old.metadata) : validateObjectMeta(sts.metadata, true, nameIsDnsLabel);
  errs.push(...validateStatefulSetSpec(sts));
  if (old) {
    const strip = (x: Record<string, unknown>) => Object.fromEntries(Object.entries(x).filter(([k]) => !STS_MUTABLE.includes(k)));
    if (!semanticEqual(strip(sts.spec as unknown as Record<string, unknown>), strip(old.spec as unknown as Record<string, unknown>))) {
      errs.push(
        forbidden(
          spec,
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
    }
    errs.push(...immutableSelector(sts.spec.selector, old.spec.selector, spec.child('selector'), semanticEqual));
  }
  return errs;
}

export function validateDaemonSet(ds: DaemonSet, old?: DaemonSet): FieldError[] {
  const s = ds.spec;
  const errs = old ? validateObjectMetaUpdate(ds.metadata, old.metadata) : validateObjectMeta(ds.metadata, true, nameIsDnsSubdomain);
  errs.push(...validateLabelSelector(s.selector, spec.child('selector')));
  if (selectorConvertible(s.selector)) errs.push(...validateSelectorMatchesTemplate(s.selector, s.template, spec.child('template')));
  if (s.selector && selectorEmpty(s.selector)) errs.push(invalid(spec.child('selector'), goLiteral(goLabelSelector(s.selector)), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplate(s.template, spec.child('template')));
  const rp = s.template?.spec?.restartPolicy;
  if (rp !== 'Always') errs.push(notSupported(spec.child('template', 'spec', 'restartPolicy'), rp ?? '', ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(spec.child('template', 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...nonNegative(s.minReadySeconds, spec.child('minReadySeconds')));
  const us = s.updateStrategy ?? {};
  const up = spec.child('updateStrategy');
  if (us.type === 'RollingUpdate') {
    const ru = us.rollingUpdate;
    if (!ru) errs.push(required(up.child('rollingUpdate')));
    else {
      const rp = up.child('rollingUpdate');
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')));
      errs.push(...notMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')));
      errs.push(...notMoreThan100Percent(ru.maxSurge, rp.child('maxSurge')));
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) errs.push(invalid(rp.child('maxSurge'), goLiteral(goIntOrString(ru.maxSurge!)), 'may not be set when maxUnavailable is non-zero'));
      if (!hasUnavailable && !hasSurge) errs.push(required(rp.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
    }
  } else if (us.type !== 'OnDelete') {
    errs.push(notSupported(up, goLiteral(goStruct('apps.DaemonSetUpdateStrategy', us)), ['RollingUpdate', 'OnDelete']));
  }
  errs.push(...nonNegative(s.revisionHistoryLimit, spec.child('revisionHistoryLimit')));
  if (old) errs.push(...immutableSelector(s.selector, old.spec.selector, spec.child('selector'), semanticEqual));
  return errs;
}

export function validateControllerRevision(cr: { metadata: Deployment['metadata']; data?: unknown; revision?: number }, old?: typeof cr): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(cr.metadata, old.metadata) : [];
  errs.push(...validateObjectMeta(cr.metadata, true, nameIsDnsSubdomain));
  if (cr.data === undefined) errs.push(required(Path.root('data'), 'data is mandatory'));
  errs.push(...nonNegative(cr.revision, Path.root('revision')));
  if (old && !semanticEqual(cr.data, old.data)) errs.push(invalid(Path.root('data'), null, 'field is immutable'));
  return errs;
}
