/**
 * The first consumer of a WaitForFirstConsumer claim: what the scheduler's VolumeBinding plugin
 * does in PreBind (k8s scheduler/framework/plugins/volumebinding/binder.go bindAPIUpdate), done
 * here for a pod already bound to a node, as long as the scheduler does not do it itself.
 *
 * For each unbound claim of the pod whose class waits for a consumer and that has no node chosen:
 *   - a matching Available volume that fits the node (its node affinity) is bound to the claim
 *     (claimRef set, annotated bound-by-controller) and the PV controller completes the binding;
 *   - otherwise, if the class can provision, the claim is annotated
 *     `volume.kubernetes.io/selected-node: <node>` and the provisioner takes over.
 * Once the scheduler sets the annotation before binding, every claim it sees is already decided
 * and this does nothing.
 */
import { clone, objectKey, splitKey } from '../../api/object-util.ts';
import type { ObjectStore, WatchEvent } from '../../api/store.ts';
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { Controller, WatchSpec } from '../runtime.ts';
import { volumeBoundTo } from './binder.ts';
import { ANN_SELECTED_NODE, claimClass, podClaimNames } from './constants.ts';
import { findBestMatch } from './matching.ts';

export class FirstConsumerBinder implements Controller {
  readonly name = 'volume-first-consumer';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
  ) {}

  watches(): WatchSpec[] {
    return [{ kind: 'Pod', keys: (e) => (this.newlyBound(e) ? [objectKey(e.object)] : []) }];
  }

  private newlyBound(e: WatchEvent): boolean {
    const pod = e.object as Pod;
    if (e.type === 'DELETED' || !pod.spec.nodeName || podClaimNames(pod).length === 0) return false;
    return e.type === 'ADDED' || !(e.old as Pod | undefined)?.spec.nodeName;
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.store.get<Pod>('Pod', namespace, name);
    const node = pod?.spec.nodeName ? this.store.get<Node>('Node', '', pod.spec.nodeName) : undefined;
    if (!pod || !node) return;
    for (const claimName of podClaimNames(pod)) {
      const claim = this.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, claimName);
      if (!claim || claim.spec.volumeName || claim.metadata.deletionTimestamp || claim.metadata.annotations?.[ANN_SELECTED_NODE]) continue;
      const sc = this.store.get<StorageClass>('StorageClass', '', claimClass(claim));
      if (sc?.volumeBindingMode !== 'WaitForFirstConsumer') continue;
      try {
        this.decide(claim, sc, node);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
  }

  private decide(claim: PersistentVolumeClaim, sc: StorageClass, node: Node): void {
    const volume = findBestMatch(claim, this.store.list<PersistentVolume>('PersistentVolume'), true, node);
    if (volume) {
      const bound = volumeBoundTo(volume, claim);
      if (bound) this.api.update(bound);
      return;
    }
    if (sc.provisioner === 'kubernetes.io/no-provisioner') return;
    const copy = clone(claim);
    copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: node.metadata.name };
    this.api.update(copy);
  }
}
