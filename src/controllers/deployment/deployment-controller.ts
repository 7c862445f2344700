/**
 * The Deployment controller (k8s deployment/deployment_controller.go syncDeployment): claims the
 * ReplicaSets its selector matches, then dispatches: a deployment being deleted only gets its
 * status; a paused one or a replica-count change is a `sync` (scale, no new ReplicaSet); otherwise
 * the strategy rolls out (rolling.ts, recreate.ts).
 */
import { controllerRef, objectKey, splitKey } from '../../api/object-util.ts';
import { fromLabelSelector, matches } from '../../api/selector.ts';
import type { ObjectStore, WatchEvent } from '../../api/store.ts';
import type { Deployment, Pod, ReplicaSet } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import type { Controller, ReconcileResult, WatchSpec } from '../runtime.ts';
import { claimObjects } from '../util/controller-ref.ts';
import { getCondition, newCondition, PAUSED_REASON, RESUMED_REASON, setCondition, TIMED_OUT_REASON } from './conditions.ts';
import { syncDeploymentStatus } from './progress.ts';
import { rolloutRecreate } from './recreate.ts';
import { rolloutRolling } from './rolling.ts';
import { DeploymentSync, SOURCE } from './sync.ts';
import { active, DESIRED_REPLICAS, replicasOf } from './util.ts';
import { clone } from '../../api/object-util.ts';

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
    private events: EventRecorder,
  ) {}

  watches(): WatchSpec[] {
    return [
      { kind: 'Deployment', keys: (e) => [objectKey(e.object)] },
      { kind: 'ReplicaSet', keys: (e) => this.rsKeys(e) },
      {
        // Recreate waits for old pods to go.
        kind: 'Pod',
        keys: (e) => {
          if (e.type !== 'DELETED') return [];
          const ref = controllerRef(e.object);
          const rs = ref?.kind === 'ReplicaSet' ? this.store.get<ReplicaSet>('ReplicaSet', e.object.metadata.namespace!, ref.name) : undefined;
          const dref = rs && controllerRef(rs);
          return dref?.kind === 'Deployment' ? [`${rs!.metadata.namespace}/${dref.name}`] : [];
        },
      },
    ];
  }

  private rsKeys(e: WatchEvent): string[] {
    const keys = new Set<string>();
    for (const obj of [e.object, e.old]) {
      if (!obj) continue;
      const ref = controllerRef(obj);
      if (ref?.kind === 'Deployment') keys.add(`${obj.metadata.namespace}/${ref.name}`);
      else if (!ref) {
        for (const d of this.store.unsortedList<Deployment>('Deployment', { namespace: obj.metadata.namespace })) {
          if (matches(fromLabelSelector(d.spec.selector), obj.metadata.labels)) keys.add(objectKey(d));
        }
      }
    }
    return [...keys];
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const stored = this.store.get<Deployment>('Deployment', namespace, name);
    if (!stored) return;
    const ctx = new DeploymentSync(this.store, this.api, this.events, () => this.clock.now(), stored);
    const sel = stored.spec.selector;
    if (sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
      this.events.event(stored, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', SOURCE);
      if ((stored.status?.observedGeneration ?? 0) < (stored.metadata.generation ?? 0)) {
        ctx.updateStatus({ ...(stored.status ?? {}), observedGeneration: stored.metadata.generation });
      }
      return;
    }
    const rsList = this.claimReplicaSets(stored);
    if (stored.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = ctx.getAllReplicaSetsAndSyncRevision(rsList, false);
      syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS);
      return;
    }
    this.checkPausedConditions(ctx);
    if (ctx.d.spec.paused) return this.sync(ctx, rsList);
    const scaling = this.isScalingEvent(ctx, rsList);
    // isScalingEvent may have written the new ReplicaSet's annotations: work on what is stored now.
    const fresh = this.claimReplicaSets(ctx.d);
    if (scaling) return this.sync(ctx, fresh);
    const after = ctx.d.spec.strategy?.type === 'Recreate' ? rolloutRecreate(ctx, fresh) : rolloutRolling(ctx, fresh);
    return after !== undefined ? { requeueAfter: after } : undefined;
  }

  private claimReplicaSets(d: Deployment): ReplicaSet[] {
    const selector = fromLabelSelector(d.spec.selector);
    return claimObjects(this.api, {
      owner: d,
      selector,
      owned: this.store.dependentsOf<ReplicaSet>(d.metadata.uid!, 'ReplicaSet'),
      candidates: this.store.unsortedList<ReplicaSet>('ReplicaSet', { namespace: d.metadata.namespace, selector }),
    });
  }

  private sync(ctx: DeploymentSync, rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = ctx.getAllReplicaSetsAndSyncRevision(rsList, false);
    ctx.scale(newRS, oldRSs);
    const fresh = (sets: ReplicaSet[]) => sets.map((rs) => this.store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace!, rs.metadata.name) ?? rs);
    if (ctx.d.spec.paused) ctx.cleanup(fresh(oldRSs));
    const nrs = newRS ? fresh([newRS])[0] : undefined;
    syncDeploymentStatus(ctx, [...fresh(oldRSs), nrs], nrs);
  }

  /** Any active ReplicaSet whose desired-replicas annotation differs from spec.replicas. */
  private isScalingEvent(ctx: DeploymentSync, rsList: ReplicaSet[]): boolean {
    const { newRS, oldRSs } = ctx.getAllReplicaSetsAndSyncRevision(rsList, false);
    for (const rs of active([...oldRSs, newRS])) {
      const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
      if (desired === undefined) continue;
      if (Number(desired) !== replicasOf(ctx.d)) return true;
    }
    return false;
  }

  /** Progressing=Unknown DeploymentPaused / DeploymentResumed when pausing and resuming. */
  private checkPausedConditions(ctx: DeploymentSync): void {
    if (!ctx.hasProgressDeadline()) return;
    const cond = getCondition(ctx.d.status, 'Progressing');
    if (cond?.reason === TIMED_OUT_REASON) return;
    const pausedExists = cond?.reason === PAUSED_REASON;
    const status = clone(ctx.d.status ?? {});
    if (ctx.d.spec.paused && !pausedExists) {
      setCondition(status, newCondition('Progressing', 'Unknown', PAUSED_REASON, 'Deployment is paused', this.clock.now()));
    } else if (!ctx.d.spec.paused && pausedExists) {
      setCondition(status, newCondition('Progressing', 'Unknown', RESUMED_REASON, 'Deployment is resumed', this.clock.now()));
    } else return;
    ctx.updateStatus(status);
  }
}

export type { Pod };
