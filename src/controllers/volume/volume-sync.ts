/**
 * syncVolume of the PersistentVolume controller (pv_controller.go):
 *
 *   no claimRef                      → Available
 *   claimRef without uid (pre-bound) → Available; the claim's sync binds it
 *   claim gone (or another uid)      → Released, then the reclaim policy: Retain keeps it Released;
 *                                      Delete of a provisioned volume is left to its provisioner;
 *                                      Delete of a hostPath under /tmp deletes it; of any other
 *                                      volume fails (Warning VolumeFailedDelete, phase Failed)
 *   claim not bound yet              → the claim is synced (a provisioned or pre-bound volume)
 *   claim bound to it                → Bound
 *   claim bound elsewhere            → a provisioned Delete volume is released; one the controller
 *                                      bound goes back to Available
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types/index.ts';
import { unbindVolume, updateVolumePhase } from './binder.ts';
import { syncClaim, type VolumeContext } from './claim-sync.ts';
import { ANN_BOUND_BY_CONTROLLER, ANN_DYNAMICALLY_PROVISIONED, PV_CONTROLLER_SOURCE as SOURCE } from './constants.ts';

export function syncVolume(ctx: VolumeContext, volume: PersistentVolume): void {
  const { store, api } = ctx;
  const ref = volume.spec.claimRef;
  if (!ref) {
    updateVolumePhase(api, volume, 'Available', '', ctx.now);
    return;
  }
  if (!ref.uid) {
    updateVolumePhase(api, volume, 'Available', '', ctx.now);
    return;
  }
  let claim = store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace ?? '', ref.name);
  if (claim && claim.metadata.uid !== ref.uid) claim = undefined;
  if (!claim) {
    releaseAndReclaim(ctx, volume);
    return;
  }
  if (!claim.spec.volumeName) {
    syncClaim(ctx, claim);
    return;
  }
  if (claim.spec.volumeName === volume.metadata.name) {
    updateVolumePhase(api, volume, 'Bound', '', ctx.now);
    return;
  }
  const provisioned = !!volume.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED];
  if (provisioned && volume.spec.persistentVolumeReclaimPolicy === 'Delete') {
    releaseAndReclaim(ctx, volume);
  } else if (volume.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
    unbindVolume(api, volume, ctx.now);
  }
}

/** The claim is gone: Released (a Failed volume stays Failed), then the reclaim policy. */
function releaseAndReclaim(ctx: VolumeContext, volume: PersistentVolume): void {
  const phase = volume.status?.phase;
  let v = volume;
  if (phase !== 'Released' && phase !== 'Failed') v = updateVolumePhase(ctx.api, volume, 'Released', '', ctx.now);
  const policy = v.spec.persistentVolumeReclaimPolicy ?? 'Retain';
  if (policy === 'Retain' || v.status?.phase === 'Failed' || v.metadata.deletionTimestamp) return;
  if (policy === 'Delete' && v.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED]) return; // its provisioner deletes it
  const hostPath = v.spec.hostPath?.path;
  if (policy === 'Delete' && hostPath && /^\/tmp\/.+/.test(hostPath)) {
    // The in-tree host_path deleter removes directories under /tmp, then the volume object.
    ctx.api.delete('PersistentVolume', '', v.metadata.name);
    return;
  }
  let reason = 'VolumeFailedRecycle';
  let message = 'No recycler plugin found for the volume!';
  if (policy === 'Delete') {
    reason = 'VolumeFailedDelete';
    message = hostPath
      ? `host_path deleter only supports /tmp/.+ but received provided ${hostPath}`
      : `error getting deleter volume plugin for volume "${v.metadata.name}": no deletable volume plugin matched`;
  }
  ctx.events.event(v, 'Warning', reason, message, SOURCE);
  updateVolumePhase(ctx.api, v, 'Failed', message, ctx.now);
}
