/**
 * Rollout status and progress (k8s deployment/progress.go, sync.go syncRolloutStatus): the
 * Progressing condition (ReplicaSetUpdated while progress is made, NewReplicaSetAvailable when
 * complete, ProgressDeadlineExceeded after progressDeadlineSeconds without progress) and when to
 * look again: lastUpdateTime + deadline − now (+1 s).
 */
import { clone } from '../../api/object-util.ts';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/types/index.ts';
import { getCondition, NEW_RS_AVAILABLE_REASON, newCondition, removeCondition, RS_UPDATED_REASON, setCondition, TIMED_OUT_REASON } from './conditions.ts';
import type { DeploymentSync } from './sync.ts';
import { deploymentComplete } from './util.ts';

function progressing(d: Deployment, s: DeploymentStatus): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
  );
}

function timedOut(d: Deployment, s: DeploymentStatus, now: number): boolean {
  const c = getCondition(s, 'Progressing');
  if (!c) return false;
  if (c.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (c.reason === TIMED_OUT_REASON) return true;
  const from = Date.parse(c.lastUpdateTime ?? c.lastTransitionTime ?? '');
  return from + (d.spec.progressDeadlineSeconds ?? 600) * 1000 < now;
}

/** Returns ms until the deployment should be looked at again for its deadline, if ever. */
export function syncRolloutStatus(ctx: DeploymentSync, all: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): number | undefined {
  const d = ctx.d;
  const now = ctx.now();
  const status = ctx.calculateStatus(all, newRS);
  if (!ctx.hasProgressDeadline()) removeCondition(status, 'Progressing');
  const cur = getCondition(d.status, 'Progressing');
  const complete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && cur?.reason === NEW_RS_AVAILABLE_REASON;
  if (ctx.hasProgressDeadline() && !complete) {
    const rsName = newRS?.metadata.name;
    if (deploymentComplete(d, status)) {
      const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setCondition(status, newCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, msg, now));
    } else if (progressing(d, status)) {
      const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const c = newCondition('Progressing', 'True', RS_UPDATED_REASON, msg, now);
      if (cur) {
        if (cur.status === 'True') c.lastTransitionTime = cur.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, c);
    } else if (timedOut(d, status, now)) {
      const msg = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(status, newCondition('Progressing', 'False', TIMED_OUT_REASON, msg, now));
    }
  }
  const failure = [newRS, ...all].find((rs) => rs?.status?.conditions?.some((c) => c.type === 'ReplicaFailure' && c.status === 'True'));
  const failCond = failure?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  if (failCond) setCondition(status, { ...failCond, lastUpdateTime: failCond.lastTransitionTime });
  else removeCondition(status, 'ReplicaFailure');
  if (JSON.stringify(normalizeStatus(d.status)) === JSON.stringify(normalizeStatus(status))) return requeueStuck(ctx, status, now);
  ctx.updateStatus(status);
  return undefined;
}

function normalizeStatus(s: DeploymentStatus | undefined): unknown {
  const c = clone(s ?? {});
  if (c.conditions && c.conditions.length === 0) delete c.conditions;
  return c;
}

function requeueStuck(ctx: DeploymentSync, status: DeploymentStatus, now: number): number | undefined {
  const d = ctx.d;
  const cur = getCondition(d.status, 'Progressing');
  if (!ctx.hasProgressDeadline() || !cur) return undefined;
  if (deploymentComplete(d, status) || cur.reason === TIMED_OUT_REASON) return undefined;
  const after = Date.parse(cur.lastUpdateTime ?? cur.lastTransitionTime ?? '') + (d.spec.progressDeadlineSeconds ?? 600) * 1000 - now;
  return after < 1000 ? 1000 : after + 1000;
}

/** syncDeploymentStatus: the status without progress estimation (scaling, paused). */
export function syncDeploymentStatus(ctx: DeploymentSync, all: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
  const status = ctx.calculateStatus(all, newRS);
  if (JSON.stringify(normalizeStatus(ctx.d.status)) === JSON.stringify(normalizeStatus(status))) return;
  ctx.updateStatus(status);
}
