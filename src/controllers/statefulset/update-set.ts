/**
 * One pass of the StatefulSet controller over its pods (stateful_set_control.go updateStatefulSet):
 *
 * 1. Members in range [start, start+replicas) go by ordinal into `replicas` (a missing ordinal gets
 *    a new pod at the right revision); members beyond it are `condemned`, highest first.
 * 2. Each replica in ordinal order (processReplica): a Failed or Succeeded pod is deleted (and made
 *    again once it is gone); a missing pod is created, claims first. OrderedReady stops at the
 *    first pod it creates, and at any pod that is terminating or not Running+Ready+available, so
 *    web-1 is only made once web-0 is ready. Parallel goes through all of them in slow-start batches.
 * 3. Condemned pods (scale down), highest ordinal first: OrderedReady deletes one at a time, only
 *    when every lower pod is healthy (the first unhealthy pod itself may go), and waits for it to
 *    be gone; Parallel deletes them all.
 * 4. Then updates (rolling-update.ts), unless the strategy is OnDelete. Scaling comes first.
 */
import type { Pod, StatefulSet } from '../../api/types/index.ts';
import { getOrdinal, inOrdinalRange, newVersionedPod, replicasOf, startOrdinal, identityMatches, storageMatches } from './identity.ts';
import { SyncError, type StatefulPodControl } from './pod-control.ts';
import { isCreated, isFailed, isHealthy, isPending, isRunningAndAvailable, isRunningAndReady, isSucceeded, isTerminating } from './pod-state.ts';
import { applyRevision, type SetRevisions } from './revisions.ts';
import { rollingUpdate } from './rolling-update.ts';
import { countReplicas, type SetStatus } from './status.ts';

export interface UpdateContext {
  control: StatefulPodControl;
  now: number;
}

export interface UpdateResult {
  status: SetStatus;
  error?: SyncError;
}

/** runForAll: in order, stopping at the first pod that blocks (OrderedReady); or slow-start batches. */
function runForAll(count: number, fn: (i: number) => boolean, monotonic: boolean): boolean {
  if (monotonic) {
    for (let i = 0; i < count; i++) if (fn(i)) return true;
    return false;
  }
  const errors: string[] = [];
  for (let pos = 0, batch = Math.min(1, count); batch > 0; pos += batch, batch = Math.min(2 * batch, count - pos, 500)) {
    for (let i = pos; i < pos + batch; i++) {
      try {
        fn(i);
      } catch (e) {
        if (!(e instanceof SyncError)) throw e;
        errors.push(...e.messages);
      }
    }
    if (errors.length) throw new SyncError(errors);
  }
  return false;
}

export function updateStatefulSet(ctx: UpdateContext, set: StatefulSet, revs: SetRevisions, pods: Pod[]): UpdateResult {
  const currentSet = applyRevision(set, revs.current);
  const updateSet = applyRevision(set, revs.update);
  const minReady = set.spec.minReadySeconds ?? 0;
  const status: SetStatus = {
    observedGeneration: set.metadata.generation ?? 0,
    currentRevision: revs.current.metadata.name,
    updateRevision: revs.update.metadata.name,
    collisionCount: revs.collisionCount,
    replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0,
  };
  countReplicas(status, pods, minReady, ctx.now);

  const start = startOrdinal(set);
  const replicas: Pod[] = new Array(replicasOf(set));
  const condemned: Pod[] = [];
  for (const pod of pods) {
    if (inOrdinalRange(pod, set)) replicas[getOrdinal(pod) - start] = pod;
    else if (getOrdinal(pod) >= 0) condemned.push(pod);
  }
  for (let i = 0; i < replicas.length; i++) {
    replicas[i] ??= newVersionedPod(currentSet, updateSet, revs.current.metadata.name, revs.update.metadata.name, start + i);
  }
  condemned.sort((a, b) => getOrdinal(b) - getOrdinal(a));
  const firstUnhealthy = replicas.find((p) => !isHealthy(p)) ?? [...condemned].reverse().find((p) => !isHealthy(p));

  if (set.metadata.deletionTimestamp) return { status };
  const monotonic = set.spec.podManagementPolicy !== 'Parallel';
  const done = (error?: SyncError): UpdateResult => {
    countReplicas(status, [...replicas, ...condemned], minReady, ctx.now);
    return error ? { status, error } : { status };
  };
  const { control } = ctx;

  const processReplica = (i: number): boolean => {
    const pod = replicas[i];
    if (isFailed(pod) || isSucceeded(pod)) {
      // The replacement is made on a later pass, once this pod is gone from the store.
      if (!pod.metadata.deletionTimestamp) control.deleteStatefulPod(set, pod);
      return true;
    }
    if (!isCreated(pod)) {
      if (control.podClaimIsStale(set, pod)) return true;
      control.createStatefulPod(set, pod);
      if (monotonic) return true;
    }
    if (isPending(pod)) control.createMissingClaims(set, pod);
    if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, ctx.now))) return true;
    if (!isCreated(pod)) return false;
    if (identityMatches(set, pod) && storageMatches(set, pod) && control.claimsMatchRetentionPolicy(updateSet, pod)) return false;
    control.updateStatefulPod(updateSet, pod);
    return false;
  };

  const fixClaims = (i: number): boolean => {
    if (!control.claimsMatchRetentionPolicy(updateSet, condemned[i])) control.updateClaimsForRetention(updateSet, condemned[i]);
    return false;
  };

  const processCondemned = (i: number): boolean => {
    const pod = condemned[i];
    if (isTerminating(pod)) return monotonic;
    if (monotonic && pod !== firstUnhealthy && (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, ctx.now))) return true;
    control.deleteStatefulPod(set, pod);
    return true;
  };

  try {
    if (runForAll(replicas.length, processReplica, monotonic)) return done();
    if (runForAll(condemned.length, fixClaims, monotonic)) return done();
    if (runForAll(condemned.length, processCondemned, monotonic)) return done();
    const result = done();
    if (set.spec.updateStrategy?.type !== 'OnDelete') rollingUpdate(control, set, replicas, revs.update.metadata.name, status);
    return result;
  } catch (e) {
    if (!(e instanceof SyncError)) throw e;
    return done(e);
  }
}
