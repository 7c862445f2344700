/**
 * Storage validation: PersistentVolumeClaim (spec, and the update rule that only
 * resources.requests may change), PersistentVolume and StorageClass.
 *
 * Examples:
 *   spec.accessModes: Required value: at least 1 access mode is required
 *   spec.resources[storage]: Required value
 *   spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims
 *   provisioner: Forbidden: updates to provisioner are forbidden.
 */
import type { FieldError } from '../../apiserver/errors.ts';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/types/index.ts';
import { forbidden, invalid, notSupported, Path, required } from '../util/field-path.ts';
import { cmpDiff, PVCSPEC_FIELDS } from '../util/diff.ts';
import { goLiteral, goStringMap } from '../util/go-format.ts';
import { isQualifiedName, nameIsDnsSubdomain } from '../util/names.ts';
import { compareQuantities, parseQuantity, type Quantity } from '../util/quantity.ts';
import { semanticEqual } from '../util/semantic.ts';
import { validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';
import { validateNodeSelector } from './pod-spec.ts';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];

type PvcSpec = PersistentVolumeClaim['spec'] & { dataSource?: { kind?: string; name?: string; apiGroup?: string } };

function quantity(text: string | number | undefined): Quantity | undefined {
  if (text === undefined) return undefined;
  const q = parseQuantity(String(text));
  return typeof q === 'string' ? undefined : q;
}

function validateAccessModes(modes: string[] | undefined, path: Path, requiredDetail: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = modes ?? [];
  if (list.length === 0) errs.push(required(path, requiredDetail));
  let rwop = false;
  let other = false;
  for (const m of list) {
    if (!ACCESS_MODES.includes(m)) errs.push(notSupported(path, m, ACCESS_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(m)) other = true;
  }
  if (rwop && other) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

/** ValidatePersistentVolumeClaimSpec (also for StatefulSet volumeClaimTemplates). */
export function validatePersistentVolumeClaimSpec(spec: PvcSpec, path: Path): FieldError[] {
  const errs = validateAccessModes(spec.accessModes, path.child('accessModes'), 'at least 1 access mode is required');
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, path.child('selector')));
  const storagePath = path.child('resources').key('storage');
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errs.push(required(storagePath));
  else {
    const q = quantity(storage);
    if (q && (q.negative || q.mantissa === 0n)) errs.push(invalid(storagePath, String(storage), 'must be greater than zero'));
  }
  if (spec.storageClassName) for (const m of nameIsDnsSubdomain(spec.storageClassName, false)) errs.push(invalid(path.child('storageClassName'), spec.storageClassName, m));
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported(path.child('volumeMode'), spec.volumeMode, VOLUME_MODES));
  const ds = spec.dataSource;
  if (ds) {
    const dp = path.child('dataSource');
    if (!ds.name) errs.push(required(dp.child('name')));
    if (!ds.kind) errs.push(required(dp.child('kind')));
    if (!ds.apiGroup && ds.kind !== 'PersistentVolumeClaim') errs.push(invalid(dp, ds.kind ?? '', "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  }
  return errs;
}

export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim, old?: PersistentVolumeClaim): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(pvc.metadata, old.metadata) : [];
  errs.push(...validateObjectMeta(pvc.metadata, true, nameIsDnsSubdomain));
  errs.push(...validatePersistentVolumeClaimSpec(pvc.spec as PvcSpec, Path.root('spec')));
  if (!old) return errs;
  const next = { ...(pvc.spec as Record<string, unknown>) };
  const prev = { ...(old.spec as Record<string, unknown>) };
  if (!old.spec.volumeName) prev.volumeName = next.volumeName;
  if (next.storageClassName !== undefined && prev.storageClassName === undefined) prev.storageClassName = next.storageClassName;
  const bound = (pvc.status as { phase?: string } | undefined)?.phase === 'Bound';
  if (bound) {
    const requests = { ...((next.resources as { requests?: Record<string, unknown> })?.requests ?? {}) };
    requests.storage = old.spec.resources?.requests?.storage;
    next.resources = { ...(next.resources as object), requests };
  }
  for (const o of [next, prev]) for (const [k, v] of Object.entries(o)) if (v === undefined) delete o[k];
  if (!semanticEqual(next, prev)) {
    const diff = cmpDiff('core.PersistentVolumeClaimSpec', prev, next, PVCSPEC_FIELDS);
    errs.push(forbidden(Path.root('spec'), `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${diff}`));
  }
  const newSize = quantity(pvc.spec.resources?.requests?.storage);
  const oldSize = quantity(old.spec.resources?.requests?.storage);
  if (newSize && oldSize && compareQuantities(newSize, oldSize) < 0) {
    errs.push(forbidden(Path.root('spec', 'resources', 'requests', 'storage'), 'field can not be less than previous value'));
  }
  if ((pvc.spec.volumeMode ?? '') !== (old.spec.volumeMode ?? '')) errs.push(invalid(Path.root('volumeMode'), pvc.spec.volumeMode ?? null, 'field is immutable'));
  return errs;
}

const PV_SOURCES = [
  'hostPath', 'nfs', 'local', 'csi', 'gcePersistentDisk', 'awsElasticBlockStore', 'iscsi', 'glusterfs', 'rbd', 'flexVolume',
  'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk',
  'portworxVolume', 'scaleIO', 'storageos',
];

export function validatePersistentVolume(pv: PersistentVolume, old?: PersistentVolume): FieldError[] {
  const spec = pv.spec as PersistentVolume['spec'] & Record<string, unknown>;
  const sp = Path.root('spec');
  const errs = old ? validateObjectMetaUpdate(pv.metadata, old.metadata) : [];
  errs.push(...validateObjectMeta(pv.metadata, false, nameIsDnsSubdomain));
  errs.push(...validateAccessModes(spec.accessModes, sp.child('accessModes'), ''));
  const capacity = spec.capacity ?? {};
  if (Object.keys(capacity).length === 0) errs.push(required(sp.child('capacity')));
  if (!('storage' in capacity) || Object.keys(capacity).length > 1) {
    errs.push(notSupported(sp.child('capacity'), goLiteral(goStringMap(capacity as Record<string, string>, 'core.ResourceList')), ['storage']));
  }
  for (const [r, v] of Object.entries(capacity)) {
    const q = quantity(v);
    if (q && (q.negative || q.mantissa === 0n)) errs.push(invalid(sp.child('capacity').key(r), String(v), 'must be greater than zero'));
  }
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !RECLAIM_POLICIES.includes(policy)) errs.push(notSupported(sp.child('persistentVolumeReclaimPolicy'), policy, RECLAIM_POLICIES));
  const na = spec.nodeAffinity as { required?: { nodeSelectorTerms?: [] } } | undefined;
  if (na) {
    if (na.required) errs.push(...validateNodeSelector(na.required, sp.child('nodeAffinity', 'required')));
    else errs.push(required(sp.child('nodeAffinity', 'required'), 'must specify required node constraints'));
  }
  let sources = 0;
  for (const key of PV_SOURCES) {
    if (spec[key] === undefined) continue;
    if (sources > 0) errs.push(forbidden(sp.child(key), 'may not specify more than 1 volume type'));
    else {
      sources++;
      const src = spec[key] as Record<string, unknown>;
      if ((key === 'hostPath' || key === 'local') && !src.path) errs.push(required(sp.child(key, 'path')));
      if (key === 'local' && !na) errs.push(required(sp.child('nodeAffinity'), 'Local volume requires node affinity'));
      if (key === 'csi' && !src.driver) errs.push(required(sp.child('csi', 'driver')));
      if (key === 'csi' && !src.volumeHandle) errs.push(required(sp.child('csi', 'volumeHandle')));
    }
  }
  if (sources === 0) errs.push(required(sp, 'must specify a volume type'));
  if (spec.storageClassName) for (const m of nameIsDnsSubdomain(spec.storageClassName, false)) errs.push(invalid(sp.child('storageClassName'), spec.storageClassName, m));
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported(sp.child('volumeMode'), spec.volumeMode, VOLUME_MODES));
  if (old) {
    const source = (s: Record<string, unknown>) => Object.fromEntries(PV_SOURCES.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
    if (!semanticEqual(source(spec), source(old.spec as Record<string, unknown>))) {
      errs.push(forbidden(Path.root('spec', 'persistentvolumesource'), 'spec.persistentvolumesource is immutable after creation'));
    }
    if ((spec.volumeMode ?? '') !== (old.spec.volumeMode ?? '')) errs.push(invalid(Path.root('volumeMode'), spec.volumeMode ?? null, 'field is immutable'));
  }
  return errs;
}

export function validateStorageClass(sc: StorageClass, old?: StorageClass): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(sc.metadata, old.metadata) : [];
  errs.push(...validateObjectMeta(sc.metadata, false, nameIsDnsSubdomain));
  if (!sc.provisioner) errs.push(required(Path.root('provisioner')));
  else for (const m of isQualifiedName(sc.provisioner.toLowerCase())) errs.push(invalid(Path.root('provisioner'), sc.provisioner, m));
  if (sc.reclaimPolicy && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) errs.push(notSupported(Path.root('reclaimPolicy'), sc.reclaimPolicy, ['Delete', 'Retain']));
  if (!sc.volumeBindingMode) errs.push(required(Path.root('volumeBindingMode')));
  else if (!['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode)) {
    errs.push(notSupported(Path.root('volumeBindingMode'), sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  }
  if (old) {
    if (!semanticEqual(sc.parameters ?? {}, old.parameters ?? {})) errs.push(forbidden(Path.root('parameters'), 'updates to parameters are forbidden.'));
    if (sc.provisioner !== old.provisioner) errs.push(forbidden(Path.root('provisioner'), 'updates to provisioner are forbidden.'));
    if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(forbidden(Path.root('reclaimPolicy'), 'updates to reclaimPolicy are forbidden.'));
    if (sc.volumeBindingMode !== old.volumeBindingMode) errs.push(invalid(Path.root('volumeBindingMode'), sc.volumeBindingMode ?? null, 'field is immutable'));
  }
  return errs;
}
