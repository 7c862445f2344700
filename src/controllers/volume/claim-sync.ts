/**
 * syncClaim of the PersistentVolume controller (pv_controller.go syncUnboundClaim /
 * syncBoundClaim).
 *
 * An unbound claim that names no volume gets the best matching volume, else:
 *   - WaitForFirstConsumer class, no node chosen yet → Normal WaitForFirstConsumer
 *     "waiting for first consumer to be created before binding" (or WaitForPodScheduled
 *     "waiting for pod web-0 to be scheduled" while a pod using it is unscheduled);
 *   - a class → provisioning: the claim is annotated with the class's provisioner and Normal
 *     ExternalProvisioning "Waiting for a volume to be created either by the external provisioner
 *     'rancher.io/local-path' or manually by the system administrator. ..." (the provisioner,
 *     local-path-provisioner.ts, then makes the volume);
 *   - no class → Normal FailedBinding "no persistent volumes available for this claim and no
 *     storage class is set".
 * A claim that names a volume binds to it if it fits (else Warning VolumeMismatch). A bound claim
 * whose volume went away is Lost (Warning ClaimLost).
 */
import { rfc3339 } from '../../api/duration.ts';
import { clone } from '../../api/object-util.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import { bind, updateClaimStatus } from './binder.ts';
import {
  ANN_BETA_STORAGE_PROVISIONER, ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, claimClass,
  isVolumeBoundToClaim, podClaimNames, PV_CONTROLLER_SOURCE as SOURCE,
} from './constants.ts';
import { findBestMatch, volumeMismatch } from './matching.ts';

export interface VolumeContext {
  store: ObjectStore;
  api: ApiServer;
  events: EventRecorder;
  now: number;
}

export function syncClaim(ctx: VolumeContext, claim: PersistentVolumeClaim): void {
  if (claim.metadata.annotations?.[ANN_BIND_COMPLETED]) syncBoundClaim(ctx, claim);
  else syncUnboundClaim(ctx, claim);
}

function storageClassOf(ctx: VolumeContext, claim: PersistentVolumeClaim): StorageClass | undefined {
  const name = claimClass(claim);
  return name ? ctx.store.get<StorageClass>('StorageClass', '', name) : undefined;
}

function syncUnboundClaim(ctx: VolumeContext, claim: PersistentVolumeClaim): void {
  const { store, api, events } = ctx;
  const volumeName = claim.spec.volumeName;
  if (!volumeName) {
    const sc = storageClassOf(ctx, claim);
    const delayBinding = sc?.volumeBindingMode === 'WaitForFirstConsumer';
    const volumes = store.list<PersistentVolume>('PersistentVolume');
    const volume = findBestMatch(claim, volumes, delayBinding) ?? staticVolumeForSelectedNode(ctx, claim, volumes, delayBinding);
    if (volume) return bind(api, volume, claim, ctx.now);
    if (delayBinding && !claim.metadata.annotations?.[ANN_SELECTED_NODE]) {
      emitEventForUnboundDelayBindingClaim(ctx, claim);
    } else if (claimClass(claim)) {
      provisionClaim(ctx, claim, sc);
      return;
    } else {
      events.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', SOURCE);
    }
    updateClaimStatus(api, claim, 'Pending');
    return;
  }
  const volume = store.get<PersistentVolume>('PersistentVolume', '', volumeName);
  if (!volume) {
    updateClaimStatus(api, claim, 'Pending');
    return;
  }
  if (!volume.spec.claimRef) {
    const why = volumeMismatch(volume, claim);
    if (why) {
      events.event(claim, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${volumeName}": ${why}`, SOURCE);
      updateClaimStatus(api, claim, 'Pending');
      return;
    }
    return bind(api, volume, claim, ctx.now);
  }
  if (isVolumeBoundToClaim(volume, claim)) return bind(api, volume, claim, ctx.now);
  if (!claim.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
    events.event(claim, 'Warning', 'FailedBinding', `volume "${volumeName}" already bound to a different claim.`, SOURCE);
  }
  updateClaimStatus(api, claim, 'Pending');
}

/**
 * The scheduler binds an existing volume to a WaitForFirstConsumer claim when one fits the node it
 * chose (VolumeBinding's static binding), and asks for provisioning only when none does. While the
 * scheduler only writes the selected node, that choice is made here, for the node it selected.
 */
function staticVolumeForSelectedNode(ctx: VolumeContext, claim: PersistentVolumeClaim, volumes: PersistentVolume[], delayBinding: boolean): PersistentVolume | undefined {
  const selected = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  const node = delayBinding && selected ? ctx.store.get<Node>('Node', '', selected) : undefined;
  return node ? findBestMatch(claim, volumes, true, node) : undefined;
}

/**
 * WaitForFirstConsumer, or WaitForPodScheduled naming the unscheduled pods that use the claim.
 * A pod made in this very instant does not count yet: the real controller syncs a new claim before
 * its informer has seen the pod a StatefulSet makes right after it, so a StatefulSet's claim first
 * shows WaitForFirstConsumer (and WaitForPodScheduled on a resync while its pod stays Pending).
 */
function emitEventForUnboundDelayBindingClaim(ctx: VolumeContext, claim: PersistentVolumeClaim): void {
  const justNow = rfc3339(ctx.now);
  const pods = ctx.store
    .list<Pod>('Pod', { namespace: claim.metadata.namespace })
    .filter((p) => !p.spec.nodeName && p.metadata.creationTimestamp !== justNow && podClaimNames(p).includes(claim.metadata.name))
    .map((p) => p.metadata.name);
  if (pods.length === 0) {
    ctx.events.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', SOURCE);
  } else {
    const msg = pods.length > 1 ? `waiting for pods ${pods.join(',')} to be scheduled` : `waiting for pod ${pods[0]} to be scheduled`;
    ctx.events.event(claim, 'Normal', 'WaitForPodScheduled', msg, SOURCE);
  }
}

/**
 * provisionClaim for a class: a missing class or an in-tree provisioner name that no plugin
 * serves fails (Warning ProvisioningFailed); any other provisioner is external, so the claim is
 * annotated for it and the controller waits.
 */
function provisionClaim(ctx: VolumeContext, claim: PersistentVolumeClaim, sc: StorageClass | undefined): void {
  const { api, events } = ctx;
  if (!sc) {
    events.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${claimClass(claim)}" not found`, SOURCE);
    updateClaimStatus(api, claim, 'Pending');
    return;
  }
  const provisioner = sc.provisioner;
  if (provisioner.startsWith('kubernetes.io/')) {
    events.event(claim, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${provisioner}`, SOURCE);
    updateClaimStatus(api, claim, 'Pending');
    return;
  }
  let current = claim;
  const ann = claim.metadata.annotations ?? {};
  if (ann[ANN_STORAGE_PROVISIONER] !== provisioner || ann[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
    const copy = clone(claim);
    copy.metadata.annotations = { ...ann, [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner };
    current = api.update(copy);
  }
  const msg =
    `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. ` +
    'If volume creation is delayed, please verify that the provisioner is running and correctly registered.';
  events.event(current, 'Normal', 'ExternalProvisioning', msg, SOURCE);
}

function syncBoundClaim(ctx: VolumeContext, claim: PersistentVolumeClaim): void {
  const { store, api, events } = ctx;
  const lost = (message: string, reason = 'ClaimLost') => {
    if (claim.status?.phase !== 'Lost') events.event(claim, 'Warning', reason, message, SOURCE);
    updateClaimStatus(api, claim, 'Lost');
  };
  if (!claim.spec.volumeName) return lost('Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
  const volume = store.get<PersistentVolume>('PersistentVolume', '', claim.spec.volumeName);
  if (!volume) return lost('Bound claim has lost its PersistentVolume. Data on the volume is lost!');
  if (!volume.spec.claimRef || volume.spec.claimRef.uid === claim.metadata.uid) return bind(api, volume, claim, ctx.now);
  lost('Two claims are bound to the same volume, this one is bound incorrectly', 'ClaimMisbound');
}
