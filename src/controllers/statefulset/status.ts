/**
 * StatefulSet status (stateful_set_control.go computeReplicaStatus / completeRollingUpdate /
 * inconsistentStatus): counts over the member pods, and the end of a rolling update.
 *
 *   replicas          created pods (any phase, terminating included)
 *   readyReplicas     Running and Ready
 *   availableReplicas ready for minReadySeconds
 *   currentReplicas   not terminating, at the current revision
 *   updatedReplicas   not terminating, at the update revision
 *
 * When every replica is updated and ready (RollingUpdate only), the update revision becomes the
 * current one: `currentRevision := updateRevision`, `currentReplicas := updatedReplicas`.
 */
import type { Pod, StatefulSet, StatefulSetStatus } from '../../api/types/index.ts';
import { getPodRevision, replicasOf } from './identity.ts';
import { isCreated, isRunningAndAvailable, isRunningAndReady, isTerminating } from './pod-state.ts';

export interface SetStatus {
  observedGeneration: number;
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
}

/** updateStatus: recounts the replica fields over the given pods (missing ordinals are holes). */
export function countReplicas(status: SetStatus, pods: Iterable<Pod | undefined>, minReadySeconds: number, now: number): void {
  status.replicas = status.readyReplicas = status.availableReplicas = status.currentReplicas = status.updatedReplicas = 0;
  for (const pod of pods) {
    if (!pod || !isCreated(pod)) continue;
    status.replicas++;
    if (isRunningAndReady(pod)) {
      status.readyReplicas++;
      if (isRunningAndAvailable(pod, minReadySeconds, now)) status.availableReplicas++;
    }
    if (isTerminating(pod)) continue;
    const rev = getPodRevision(pod);
    if (rev === status.currentRevision) status.currentReplicas++;
    if (rev === status.updateRevision) status.updatedReplicas++;
  }
}

export function completeRollingUpdate(set: StatefulSet, status: SetStatus): void {
  const replicas = replicasOf(set);
  if ((set.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return;
  if (status.updatedReplicas === replicas && status.readyReplicas === replicas && status.replicas === replicas) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
}

/** The API's form: zero counts omitted as omitempty does (replicas and availableReplicas always kept). */
export function toApiStatus(s: SetStatus, conditions?: StatefulSetStatus['conditions']): StatefulSetStatus {
  const out: StatefulSetStatus = { observedGeneration: s.observedGeneration, replicas: s.replicas };
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.currentReplicas) out.currentReplicas = s.currentReplicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.currentRevision) out.currentRevision = s.currentRevision;
  if (s.updateRevision) out.updateRevision = s.updateRevision;
  out.collisionCount = s.collisionCount;
  out.availableReplicas = s.availableReplicas;
  if (conditions?.length) out.conditions = conditions;
  return out;
}

/** inconsistentStatus: whether the stored status differs from the computed one. */
export function inconsistentStatus(set: StatefulSet, s: SetStatus): boolean {
  const cur = set.status;
  return (
    s.observedGeneration > (cur?.observedGeneration ?? 0) ||
    s.replicas !== (cur?.replicas ?? 0) ||
    s.currentReplicas !== (cur?.currentReplicas ?? 0) ||
    s.readyReplicas !== (cur?.readyReplicas ?? 0) ||
    s.updatedReplicas !== (cur?.updatedReplicas ?? 0) ||
    s.currentRevision !== (cur?.currentRevision ?? '') ||
    s.availableReplicas !== (cur?.availableReplicas ?? 0) ||
    s.updateRevision !== (cur?.updateRevision ?? '') ||
    s.collisionCount !== (cur?.collisionCount ?? 0)
  );
}
