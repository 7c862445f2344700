/**
 * The PV controller's writes (pv_controller.go bind / unbindVolume / updateClaimStatus /
 * updateVolumePhase). Binding sets, in order: the volume's claimRef (annotated
 * bound-by-controller when the controller chose it), the volume's phase Bound, the claim's
 * volumeName (bound-by-controller when the controller chose it) and bind-completed, and the
 * claim's status Bound with the volume's access modes and capacity.
 */
import { rfc3339 } from '../../api/duration.ts';
import { clone } from '../../api/object-util.ts';
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, isVolumeBoundToClaim } from './constants.ts';

type VolumePhase = NonNullable<NonNullable<PersistentVolume['status']>['phase']>;
type ClaimPhase = NonNullable<NonNullable<PersistentVolumeClaim['status']>['phase']>;

export function updateVolumePhase(api: ApiServer, volume: PersistentVolume, phase: VolumePhase, message: string, now: number): PersistentVolume {
  const cur = volume.status ?? {};
  if (cur.phase === phase && (cur.message ?? '') === message) return volume;
  const status: PersistentVolume['status'] & { lastPhaseTransitionTime?: string } = { ...(cur as object), phase };
  if (message) status.message = message;
  else delete status.message;
  if (cur.phase !== phase) status.lastPhaseTransitionTime = rfc3339(now);
  return api.updateStatus({ ...volume, status });
}

export function updateClaimStatus(api: ApiServer, claim: PersistentVolumeClaim, phase: ClaimPhase, volume?: PersistentVolume): PersistentVolumeClaim {
  const status: NonNullable<PersistentVolumeClaim['status']> = { ...(claim.status ?? {}), phase };
  if (volume) {
    status.accessModes = [...(volume.spec.accessModes ?? [])];
    status.capacity = { ...(volume.spec.capacity ?? {}) };
  } else if (phase !== 'Lost') {
    delete status.accessModes;
    delete status.capacity;
  }
  return api.updateStatus({ ...claim, status });
}

/** GetBindVolumeToClaim: the volume with its claimRef set to the claim (a copy; unchanged if it already is). */
export function volumeBoundTo(volume: PersistentVolume, claim: PersistentVolumeClaim): PersistentVolume | undefined {
  const ref = volume.spec.claimRef;
  const bound = isVolumeBoundToClaim(volume, claim);
  if (bound && ref?.uid) return undefined;
  const copy = clone(volume);
  copy.spec.claimRef = {
    kind: 'PersistentVolumeClaim',
    namespace: claim.metadata.namespace,
    name: claim.metadata.name,
    uid: claim.metadata.uid,
    apiVersion: 'v1',
    resourceVersion: claim.metadata.resourceVersion,
  };
  if (!bound) copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
  return copy;
}

export function bindVolumeToClaim(api: ApiServer, volume: PersistentVolume, claim: PersistentVolumeClaim): PersistentVolume {
  const copy = volumeBoundTo(volume, claim);
  return copy ? api.update(copy) : volume;
}

export function bindClaimToVolume(api: ApiServer, claim: PersistentVolumeClaim, volume: PersistentVolume): PersistentVolumeClaim {
  const copy = clone(claim);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  if (copy.spec.volumeName !== volume.metadata.name) {
    copy.spec.volumeName = volume.metadata.name;
    annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
  }
  annotations[ANN_BIND_COMPLETED] = 'yes';
  copy.metadata.annotations = annotations;
  return api.update(copy);
}

/** bind: the volume side first, then the claim side. */
export function bind(api: ApiServer, volume: PersistentVolume, claim: PersistentVolumeClaim, now: number): void {
  const v = updateVolumePhase(api, bindVolumeToClaim(api, volume, claim), 'Bound', '', now);
  updateClaimStatus(api, bindClaimToVolume(api, claim, v), 'Bound', v);
}

/** unbindVolume: a volume the controller bound goes back to the pool (Available). */
export function unbindVolume(api: ApiServer, volume: PersistentVolume, now: number): PersistentVolume {
  const copy = clone(volume);
  if (copy.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
    delete copy.spec.claimRef;
    delete copy.metadata.annotations[ANN_BOUND_BY_CONTROLLER];
    if (Object.keys(copy.metadata.annotations).length === 0) delete copy.metadata.annotations;
  } else if (copy.spec.claimRef) {
    const { uid: _uid, ...ref } = copy.spec.claimRef;
    copy.spec.claimRef = ref;
  }
  const updated = api.update(copy);
  return updateVolumePhase(api, updated, 'Available', '', now);
}
