/**
 * Storage object in-use protection (k8s pkg/controller/volume/pvcprotection and pvprotection):
 *
 * - Every claim carries the finalizer `kubernetes.io/pvc-protection`. A claim being deleted keeps
 *   it (and so shows Terminating) while a pod scheduled to a node still mounts it; once no such
 *   pod is left, the finalizer goes and so does the claim.
 * - Every volume carries `kubernetes.io/pv-protection`, removed from a volume being deleted once
 *   it is no longer Bound.
 */
import { clone, objectKey, splitKey } from '../../api/object-util.ts';
import type { ObjectStore, WatchEvent } from '../../api/store.ts';
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { Controller, WatchSpec } from '../runtime.ts';
import { podClaimNames, PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from './constants.ts';

/** Adds the finalizer to a live object that lacks it, or removes it from a deleted one no longer in use. */
function protect(api: ApiServer, obj: KubeObject, finalizer: string, inUse: () => boolean): void {
  const has = (obj.metadata.finalizers ?? []).includes(finalizer);
  try {
    if (!obj.metadata.deletionTimestamp) {
      if (has) return;
      const copy = clone(obj);
      copy.metadata.finalizers = [...(copy.metadata.finalizers ?? []), finalizer];
      api.update(copy);
    } else if (has && !inUse()) {
      api.removeFinalizer(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name, finalizer);
    }
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
}

export class PvcProtectionController implements Controller {
  readonly name = 'pvc-protection-controller';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
  ) {}

  watches(): WatchSpec[] {
    return [
      { kind: 'PersistentVolumeClaim', keys: (e) => (e.type === 'DELETED' ? [] : [objectKey(e.object)]) },
      { kind: 'Pod', keys: (e) => this.podKeys(e) },
    ];
  }

  /** A pod that stops using its claims (deleted, or unscheduled) may free a claim being deleted. */
  private podKeys(e: WatchEvent): string[] {
    const pod = (e.old ?? e.object) as Pod;
    if (e.type === 'ADDED' || !pod.spec.nodeName) return [];
    if (e.type === 'MODIFIED' && (e.object as Pod).spec.nodeName) return [];
    return podClaimNames(pod).map((c) => `${pod.metadata.namespace}/${c}`);
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const claim = this.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    if (!claim) return;
    protect(this.api, claim, PVC_PROTECTION_FINALIZER, () =>
      this.store.unsortedList<Pod>('Pod', { namespace }).some((p) => !!p.spec.nodeName && podClaimNames(p).includes(name)),
    );
  }
}

export class PvProtectionController implements Controller {
  readonly name = 'pv-protection-controller';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
  ) {}

  watches(): WatchSpec[] {
    return [{ kind: 'PersistentVolume', keys: (e) => (e.type === 'DELETED' ? [] : [e.object.metadata.name]) }];
  }

  reconcile(key: string): void {
    const volume = this.store.get<PersistentVolume>('PersistentVolume', '', key);
    if (volume) protect(this.api, volume, PV_PROTECTION_FINALIZER, () => volume.status?.phase === 'Bound');
  }
}
