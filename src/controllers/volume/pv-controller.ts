/**
 * The PersistentVolume controller (k8s pkg/controller/volume/persistentvolume/pv_controller.go):
 * binds claims to volumes, starts provisioning, and releases and reclaims volumes whose claims are
 * gone. Keys: `claim:<ns>/<name>` (claim-sync.ts) and `volume:<name>` (volume-sync.ts).
 *
 * A claim is synced when it is added, when its spec, deletion or binding annotations change, and
 * every 15 s while it is Pending (the controller's resync, which repeats the waiting events). A
 * volume is synced on any change, and its claim with it.
 */
import { deepEqual, splitKey } from '../../api/object-util.ts';
import type { ObjectStore, WatchEvent } from '../../api/store.ts';
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import type { Controller, ReconcileResult, WatchSpec } from '../runtime.ts';
import { syncClaim, type VolumeContext } from './claim-sync.ts';
import { ANN_BIND_COMPLETED, ANN_SELECTED_NODE, CLAIM_RESYNC_MS } from './constants.ts';
import { syncVolume } from './volume-sync.ts';

const claimKey = (o: { metadata: { namespace?: string; name: string } }) => `claim:${o.metadata.namespace}/${o.metadata.name}`;

/** Changes to a claim that can change its binding (not its status, finalizers or our own annotations). */
function claimChanged(e: WatchEvent): boolean {
  if (e.type !== 'MODIFIED' || !e.old) return true;
  const a = e.old as PersistentVolumeClaim;
  const b = e.object as PersistentVolumeClaim;
  const ann = (c: PersistentVolumeClaim, k: string) => c.metadata.annotations?.[k];
  return (
    !deepEqual(a.spec, b.spec) ||
    a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp ||
    ann(a, ANN_SELECTED_NODE) !== ann(b, ANN_SELECTED_NODE) ||
    ann(a, ANN_BIND_COMPLETED) !== ann(b, ANN_BIND_COMPLETED)
  );
}

export class PersistentVolumeController implements Controller {
  readonly name = 'persistentvolume-controller';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
    private events: EventRecorder,
  ) {}

  watches(): WatchSpec[] {
    return [
      { kind: 'PersistentVolumeClaim', keys: (e) => this.claimEventKeys(e) },
      {
        kind: 'PersistentVolume',
        keys: (e) => {
          const pv = e.object as PersistentVolume;
          const keys = e.type === 'DELETED' ? [] : [`volume:${pv.metadata.name}`];
          const ref = pv.spec.claimRef;
          if (ref) keys.push(`claim:${ref.namespace}/${ref.name}`);
          return keys;
        },
      },
    ];
  }

  private claimEventKeys(e: WatchEvent): string[] {
    const claim = e.object as PersistentVolumeClaim;
    if (e.type !== 'DELETED') return claimChanged(e) ? [claimKey(claim)] : [];
    // The claim is gone: its volume (bound, or provisioned for it and not yet bound) is released.
    return this.store
      .list<PersistentVolume>('PersistentVolume')
      .filter((pv) => pv.spec.claimRef?.uid === claim.metadata.uid || (claim.spec.volumeName && pv.metadata.name === claim.spec.volumeName))
      .map((pv) => `volume:${pv.metadata.name}`);
  }

  reconcile(key: string): ReconcileResult | void {
    const ctx: VolumeContext = { store: this.store, api: this.api, events: this.events, now: this.clock.now() };
    try {
      if (key.startsWith('volume:')) {
        const volume = this.store.get<PersistentVolume>('PersistentVolume', '', key.slice('volume:'.length));
        if (volume) syncVolume(ctx, volume);
        return;
      }
      const { namespace, name } = splitKey(key.slice('claim:'.length));
      const claim = this.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
      if (!claim) return;
      syncClaim(ctx, claim);
      const after = this.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
      if (after && after.status?.phase !== 'Bound' && after.status?.phase !== 'Lost') return { requeueAfter: CLAIM_RESYNC_MS };
    } catch (e) {
      // A write lost a race (conflict, object gone): the next event or resync tries again.
      if (!(e instanceof ApiError)) throw e;
      return { requeueAfter: CLAIM_RESYNC_MS };
    }
  }
}
