/**
 * The ReplicaSet controller (k8s pkg/controller/replicaset/replica_set.go): keeps as many active
 * pods as spec.replicas, adopting matching orphans and releasing pods whose labels stop matching.
 *
 * Creation goes in slow-start batches (1, 2, 4, ...) and stops at the first failing batch, with a
 * FailedCreate event and the ReplicaFailure condition; deletion picks pods by the ranking of
 * delete-ranking.ts. A Terminating pod is not active, so it is replaced at once.
 *
 * Churn: a pod that cannot live where it is put (spec.nodeName on a node whose NoExecute taint it
 * does not tolerate, or that has no room for it) fails or is evicted as soon as it exists, and is
 * replaced, again and again. A real cluster goes round that loop at API speed; here each turn would
 * take no virtual time at all, so a ReplicaSet whose pod did not outlive the instant it was created
 * in waits CHURN_TURN_MS before the replacement (see below).
 */
import { rfc3339 } from '../../api/duration.ts';
import { controllerRef, objectKey, splitKey } from '../../api/object-util.ts';
import { fromLabelSelector, matches } from '../../api/selector.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { Condition, KubeObject, Pod, ReplicaSet, ReplicaSetStatus } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import type { Controller, ReconcileResult, WatchSpec } from '../runtime.ts';
import { FailureBackoff } from '../util/backoff.ts';
import { claimObjects } from '../util/controller-ref.ts';
import { availableAt, isPodActive, isPodAvailable, isPodReady } from '../util/pod.ts';
import { podFromTemplate } from '../util/pod-template.ts';
import { podsToDelete } from './delete-ranking.ts';

const BURST_REPLICAS = 500;
const SOURCE = { component: 'replicaset-controller' };

/**
 * The pace of a create-and-lose loop. kube-controller-manager's clients may send 20 requests a
 * second (--kube-api-qps, default 20) and each turn costs the ReplicaSet controller two (create the
 * pod, write the ReplicaSet's status), so a real cluster goes round about ten times a second:
 * 600 pods a minute, each with its "Created pod" event.
 */
export const CHURN_TURN_MS = 100;

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';
  private backoff = new FailureBackoff();
  /** Pods each ReplicaSet created at the current instant (by uid), to see whether they outlived it. */
  private born = new Map<string, { at: number; uids: Set<string> }>();

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
    private events: EventRecorder,
  ) {}

  watches(): WatchSpec[] {
    return [
      { kind: 'ReplicaSet', keys: (e) => [objectKey(e.object)] },
      {
        kind: 'Pod',
        keys: (e) => {
          const keys = new Set<string>();
          for (const obj of [e.object, e.old]) {
            if (!obj) continue;
            const ref = controllerRef(obj);
            if (ref?.kind === 'ReplicaSet') keys.add(`${obj.metadata.namespace}/${ref.name}`);
            else if (!ref) for (const rs of this.selecting(obj as Pod)) keys.add(objectKey(rs));
          }
          return keys;
        },
      },
    ];
  }

  /** ReplicaSets in the pod's namespace whose selector matches it (candidates to adopt an orphan). */
  private selecting(pod: Pod): ReplicaSet[] {
    return this.store
      .unsortedList<ReplicaSet>('ReplicaSet', { namespace: pod.metadata.namespace })
      .filter((rs) => matches(fromLabelSelector(rs.spec.selector), pod.metadata.labels));
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const rs = this.store.get<ReplicaSet>('ReplicaSet', namespace, name);
    if (!rs) {
      this.backoff.forget(key);
      this.born.delete(key);
      return;
    }
    // What was created at an earlier instant is no longer of interest (and not kept).
    if (this.born.get(key)?.at !== this.clock.now()) this.born.delete(key);
    const pods = this.claimPods(rs);
    const active = pods.filter(isPodActive);
    let outcome: Manage = {};
    if (!rs.metadata.deletionTimestamp) outcome = this.manageReplicas(key, rs, active);
    this.updateStatus(rs, !!outcome.failed);
    if (outcome.failed) return { requeueAfter: this.backoff.next(key) };
    this.backoff.forget(key);
    if (outcome.churnWait) return { requeueAfter: outcome.churnWait };
    return this.requeueForAvailability(rs);
  }

  private claimPods(rs: ReplicaSet): Pod[] {
    const selector = fromLabelSelector(rs.spec.selector);
    return claimObjects(this.api, {
      owner: rs,
      selector,
      owned: this.store.dependentsOf<Pod>(rs.metadata.uid!, 'Pod'),
      candidates: this.store.unsortedList<Pod>('Pod', { namespace: rs.metadata.namespace, selector }),
      canAdopt: isPodActive,
    });
  }

  /** Creates or deletes pods towards spec.replicas. */
  private manageReplicas(key: string, rs: ReplicaSet, active: Pod[]): Manage {
    const want = rs.spec.replicas ?? 1;
    const diff = active.length - want;
    if (diff < 0) {
      if (this.lostAtBirth(key, active)) return { churnWait: CHURN_TURN_MS };
      return { failed: this.createPods(key, rs, Math.min(-diff, BURST_REPLICAS)) };
    }
    if (diff > 0) {
      const related = this.relatedPods(rs);
      for (const pod of podsToDelete(active, related, Math.min(diff, BURST_REPLICAS), this.clock.now())) {
        this.born.get(key)?.uids.delete(pod.metadata.uid!);
        try {
          this.api.delete('Pod', pod.metadata.namespace!, pod.metadata.name);
          this.events.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          if (e.reason !== 'NotFound') this.events.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`, SOURCE);
        }
      }
    }
    return {};
  }

  /**
   * Whether a pod this ReplicaSet created at this very instant is already gone or finished (not
   * by its own hand): the replacement would be lost the same way, so it waits for the next turn.
   * Pods created at an earlier instant are replaced at once, however they went.
   */
  private lostAtBirth(key: string, active: Pod[]): boolean {
    const record = this.born.get(key);
    if (!record) return false;
    const alive = new Set(active.map((p) => p.metadata.uid));
    for (const uid of record.uids) if (!alive.has(uid)) return true;
    return false;
  }

  /** slowStartBatch: batches of 1, 2, 4... stopping at the first batch with an error. */
  private createPods(key: string, rs: ReplicaSet, count: number): boolean {
    let record = this.born.get(key);
    if (!record) {
      record = { at: this.clock.now(), uids: new Set() };
      this.born.set(key, record);
    }
    let remaining = count;
    let batch = 1;
    while (remaining > 0) {
      const size = Math.min(batch, remaining);
      let errors = 0;
      for (let i = 0; i < size; i++) {
        const pod = podFromTemplate(rs.spec.template!, rs);
        try {
          const created = this.api.create(pod);
          record.uids.add(created.metadata.uid!);
          this.events.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, SOURCE);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          errors++;
          this.events.event(rs, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, SOURCE);
        }
      }
      if (errors > 0) return true;
      remaining -= size;
      batch *= 2;
    }
    return false;
  }

  /** Pods of every ReplicaSet sharing this one's controller (sibling ReplicaSets of a Deployment). */
  private relatedPods(rs: ReplicaSet): Pod[] {
    const owner = controllerRef(rs);
    const sets: KubeObject[] = owner ? this.store.dependentsOf(owner.uid, 'ReplicaSet') : [rs];
    return sets.flatMap((s) => this.store.dependentsOf<Pod>(s.metadata.uid!, 'Pod'));
  }

  private updateStatus(rs: ReplicaSet, createFailed: boolean): void {
    const current = this.store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace!, rs.metadata.name);
    if (!current) return;
    const selector = fromLabelSelector(current.spec.selector);
    const pods = this.store
      .dependentsOf<Pod>(current.metadata.uid!, 'Pod')
      .filter((p) => controllerRef(p)?.uid === current.metadata.uid && matches(selector, p.metadata.labels) && isPodActive(p));
    const templateLabels = current.spec.template?.metadata?.labels ?? {};
    const now = this.clock.now();
    const minReady = current.spec.minReadySeconds ?? 0;
    const status: ReplicaSetStatus = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: pods.filter(isPodReady).length,
      availableReplicas: pods.filter((p) => isPodAvailable(p, minReady, now)).length,
      observedGeneration: current.metadata.generation,
    };
    const conditions = this.failureConditions(current, createFailed, pods.length);
    if (conditions.length) status.conditions = conditions;
    this.api.updateStatus({ ...current, status: compactStatus(status) });
  }

  private failureConditions(rs: ReplicaSet, createFailed: boolean, active: number): Condition[] {
    const existing = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
    if (createFailed && active < (rs.spec.replicas ?? 1)) {
      return [existing ?? { type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(this.clock.now()), reason: 'FailedCreate', message: 'pods could not be created' }];
    }
    return [];
  }

  private requeueForAvailability(rs: ReplicaSet): ReconcileResult | void {
    const minReady = rs.spec.minReadySeconds ?? 0;
    if (!minReady) return;
    const now = this.clock.now();
    let next = Infinity;
    for (const p of this.store.dependentsOf<Pod>(rs.metadata.uid!, 'Pod')) {
      const at = availableAt(p, minReady);
      if (at !== undefined && at > now) next = Math.min(next, at);
    }
    if (next < Infinity) return { requeueAfter: next - now };
  }
}

/** What manageReplicas did: a creation failed (back off), or a replacement waits for the next churn turn. */
interface Manage {
  failed?: boolean;
  churnWait?: number;
}

/** Zero counts are omitted, as the API's omitempty does (except replicas). */
function compactStatus(s: ReplicaSetStatus): ReplicaSetStatus {
  const out: ReplicaSetStatus = { replicas: s.replicas };
  if (s.fullyLabeledReplicas) out.fullyLabeledReplicas = s.fullyLabeledReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.observedGeneration !== undefined) out.observedGeneration = s.observedGeneration;
  if (s.conditions) out.conditions = s.conditions;
  return out;
}
