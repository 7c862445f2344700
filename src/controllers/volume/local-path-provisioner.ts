/**
 * kind's default provisioner, rancher.io/local-path (local-path-provisioner on
 * sig-storage-lib-external-provisioner): makes a hostPath volume on the node the scheduler chose.
 *
 * For a claim annotated for it (and, with WaitForFirstConsumer, given a selected node):
 *   Normal  Provisioning           External provisioner is provisioning volume for claim "default/www-web-0"
 *   ... 3 s (the helper pod's mkdir) ...
 *   Normal  ProvisioningSucceeded  Successfully provisioned volume pvc-<claim uid>
 * The volume: capacity = the request, the claim's access modes, claimRef to the claim, hostPath
 * /var/local-path-provisioner/pvc-<uid>_<ns>_<claim> (DirectoryOrCreate), node affinity to the
 * node's hostname, the class's reclaim policy. Refusals (Warning ProvisioningFailed, retried after
 * 15 s doubling to 1000 s): block volumes, a selector, access modes other than RWO/RWOP, and no
 * node (an Immediate class: "configuration error, no node was specified").
 *
 * A Released volume it made with reclaim policy Delete is deleted 1.5 s later (the helper pod's
 * rm -rf).
 */
import { clone, splitKey } from '../../api/object-util.ts';
import { NAME_ALPHABET } from '../../api/names.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { Node, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import { SeededRandom } from '../../sim/random.ts';
import type { Controller, ReconcileResult, WatchSpec } from '../runtime.ts';
import { ANN_DYNAMICALLY_PROVISIONED, ANN_SELECTED_NODE, claimClass, claimProvisioner } from './constants.ts';

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
export const PROVISION_MS = 3_000;
export const DELETE_MS = 1_500;
const RETRY_BASE_MS = 15_000;
const RETRY_MAX_MS = 1_000_000;
const BASE_PATH = '/var/local-path-provisioner';

interface Attempt {
  uid: string;
  due: number;
  node: Node;
}

export class LocalPathProvisioner implements Controller {
  readonly name = 'local-path-provisioner';
  /** The event source, as the provisioner's leader identity: `rancher.io/local-path_<pod>_<uuid>`. */
  readonly identity: string;
  private inFlight = new Map<string, Attempt>();
  private failures = new Map<string, { uid: string; count: number; next: number }>();
  private deleting = new Map<string, number>();

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
    private events: EventRecorder,
    seed: number | string,
  ) {
    const random = SeededRandom.forPurpose(seed, 'local-path-provisioner');
    const podName = `local-path-provisioner-${random.string(10, '456789bcdf')}-${random.string(5, NAME_ALPHABET)}`;
    this.identity = `${LOCAL_PATH_PROVISIONER}_${podName}_${random.uuid()}`;
  }

  watches(): WatchSpec[] {
    return [
      { kind: 'PersistentVolumeClaim', keys: (e) => (e.type === 'DELETED' || claimProvisioner(e.object as PersistentVolumeClaim) === LOCAL_PATH_PROVISIONER ? [`claim:${e.object.metadata.namespace}/${e.object.metadata.name}`] : []) },
      { kind: 'PersistentVolume', keys: (e) => (e.object.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] === LOCAL_PATH_PROVISIONER ? [`volume:${e.object.metadata.name}`] : []) },
    ];
  }

  reconcile(key: string): ReconcileResult | void {
    try {
      if (key.startsWith('volume:')) return this.syncVolume(key.slice('volume:'.length));
      return this.syncClaim(key.slice('claim:'.length));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { requeueAfter: RETRY_BASE_MS };
    }
  }

  private event(claim: PersistentVolumeClaim, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.events.event(claim, type, reason, message, { component: this.identity });
  }

  private forget(key: string): void {
    this.inFlight.delete(key);
    this.failures.delete(key);
  }

  private syncClaim(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const claim = this.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    const uid = claim?.metadata.uid ?? '';
    if (!claim || claim.metadata.deletionTimestamp || claim.spec.volumeName || claimProvisioner(claim) !== LOCAL_PATH_PROVISIONER) return this.forget(key);
    if (this.store.get('PersistentVolume', '', `pvc-${uid}`)) return this.forget(key);
    const sc = this.store.get<StorageClass>('StorageClass', '', claimClass(claim));
    if (!sc || sc.provisioner !== LOCAL_PATH_PROVISIONER) return;
    const selected = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !selected) return;
    const now = this.clock.now();
    const attempt = this.inFlight.get(key);
    if (attempt && attempt.uid === uid) {
      if (attempt.due > now) return { requeueAfter: attempt.due - now };
      this.inFlight.delete(key);
      this.failures.delete(key);
      const pv = this.api.create(this.volumeFor(claim, sc, attempt.node));
      this.event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`);
      return;
    }
    const failure = this.failures.get(key);
    if (failure && failure.uid === uid && failure.next > now) return { requeueAfter: failure.next - now };
    if (claim.spec.volumeMode === 'Block') return this.fail(key, claim, `${LOCAL_PATH_PROVISIONER} does not support block volume provisioning`);
    let node: Node | undefined;
    if (selected) {
      node = this.store.get<Node>('Node', '', selected);
      if (!node) return this.reschedule(key, claim, `nodes "${selected}" not found`);
    }
    this.event(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${namespace}/${name}"`);
    const refusal = this.refusal(claim, node);
    if (refusal || !node) return this.fail(key, claim, `failed to provision volume with StorageClass "${sc.metadata.name}": ${refusal}`);
    this.inFlight.set(key, { uid, due: now + PROVISION_MS, node });
    return { requeueAfter: PROVISION_MS };
  }

  /** What local-path's Provision refuses, in its order. */
  private refusal(claim: PersistentVolumeClaim, node: Node | undefined): string | undefined {
    if (claim.spec.selector) return 'claim.Spec.Selector is not supported';
    if ((claim.spec.accessModes ?? []).some((m) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod')) {
      return 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes';
    }
    if (!node) return 'configuration error, no node was specified';
    return undefined;
  }

  private fail(key: string, claim: PersistentVolumeClaim, message: string): ReconcileResult {
    this.event(claim, 'Warning', 'ProvisioningFailed', message);
    const prev = this.failures.get(key);
    const count = prev && prev.uid === claim.metadata.uid ? prev.count + 1 : 1;
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (count - 1));
    this.failures.set(key, { uid: claim.metadata.uid!, count, next: this.clock.now() + delay });
    return { requeueAfter: delay };
  }

  /** ProvisioningReschedule: the chosen node is gone, so the choice is taken back for the scheduler. */
  private reschedule(key: string, claim: PersistentVolumeClaim, message: string): ReconcileResult {
    const result = this.fail(key, claim, message);
    const copy = clone(claim);
    delete copy.metadata.annotations![ANN_SELECTED_NODE];
    this.api.update(copy);
    return result;
  }

  private volumeFor(claim: PersistentVolumeClaim, sc: StorageClass, node: Node): PersistentVolume {
    const { name, namespace, uid, resourceVersion } = claim.metadata;
    const hostname = node.metadata.labels?.['kubernetes.io/hostname'] ?? node.metadata.name;
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: `pvc-${uid}`, annotations: { [ANN_DYNAMICALLY_PROVISIONED]: LOCAL_PATH_PROVISIONER } },
      spec: {
        accessModes: [...(claim.spec.accessModes ?? [])],
        capacity: { storage: String(claim.spec.resources?.requests?.storage ?? '') },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name, namespace, resourceVersion, uid },
        hostPath: { path: `${BASE_PATH}/pvc-${uid}_${namespace}_${name}`, type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [hostname] }] }] } },
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata.name,
        volumeMode: 'Filesystem',
      },
    };
  }

  /** A Released volume of ours with reclaim policy Delete goes after DELETE_MS. */
  private syncVolume(name: string): ReconcileResult | void {
    const pv = this.store.get<PersistentVolume>('PersistentVolume', '', name);
    const doomed = pv && !pv.metadata.deletionTimestamp && pv.status?.phase === 'Released' && pv.spec.persistentVolumeReclaimPolicy === 'Delete';
    if (!doomed) {
      this.deleting.delete(name);
      return;
    }
    const now = this.clock.now();
    const due = this.deleting.get(name) ?? now + DELETE_MS;
    this.deleting.set(name, due);
    if (due > now) return { requeueAfter: due - now };
    this.deleting.delete(name);
    this.api.delete('PersistentVolume', '', name);
  }
}
