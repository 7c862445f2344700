/**
 * Persistent storage as on a kind cluster: the PersistentVolume controller (binding, provisioning
 * requests, release and reclaim), the rancher.io/local-path provisioner behind the default
 * `standard` class, and the pvc-/pv-protection finalizers. Registered in this order. The
 * scheduler's VolumeBinding plugin chooses the node of a WaitForFirstConsumer claim.
 */
import type { ObjectStore } from '../../api/store.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import type { Controller } from '../runtime.ts';
import { LocalPathProvisioner } from './local-path-provisioner.ts';
import { PvProtectionController, PvcProtectionController } from './protection.ts';
import { PersistentVolumeController } from './pv-controller.ts';

export interface VolumeControllerDeps {
  store: ObjectStore;
  api: ApiServer;
  clock: Clock;
  events: EventRecorder;
  /** The cluster's seed, for the provisioner's generated identity. */
  seed: number | string;
}

export function createVolumeControllers(d: VolumeControllerDeps): Controller[] {
  return [
    new PersistentVolumeController(d.store, d.api, d.clock, d.events),
    new LocalPathProvisioner(d.store, d.api, d.clock, d.events, d.seed),
    new PvcProtectionController(d.store, d.api),
    new PvProtectionController(d.store, d.api),
  ];
}

export { LOCAL_PATH_PROVISIONER, PROVISION_MS, DELETE_MS } from './local-path-provisioner.ts';
/** For the scheduler's VolumeBinding: the best existing volume for a claim on a node, and the claimRef write. */
export { findBestMatch } from './matching.ts';
export { volumeBoundTo } from './binder.ts';
export * from './constants.ts';
