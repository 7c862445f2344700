/**
 * The RollingUpdate strategy (k8s deployment/rolling.go), one sync at a time: first scale the new
 * ReplicaSet up as far as maxSurge allows and return; otherwise scale old ReplicaSets down as far
 * as maxUnavailable allows (unhealthy old replicas first); when nothing moved and the rollout is
 * complete, prune the history.
 *
 * Worked example, replicas 3 (surge 1, unavailable 0), image changed: sync 1 creates the new RS
 * with 1 (total 4) and returns. Old stays at 3 while the new pod is not available
 * (maxScaledDown = 4 − 3 − 1 = 0). When it is: old 3 → 2, then new 1 → 2, old 2 → 1, new 2 → 3,
 * old 1 → 0. Never more than 4 pods, never fewer than 3 available.
 */
import type { ReplicaSet } from '../../api/types/index.ts';
import { syncRolloutStatus } from './progress.ts';
import type { DeploymentSync } from './sync.ts';
import { active, byCreation, deploymentComplete, maxUnavailable, newRSNewReplicas, replicasOf, sumSpec, sumStatus } from './util.ts';

export function rolloutRolling(ctx: DeploymentSync, rsList: ReplicaSet[]): number | undefined {
  const { newRS, oldRSs } = ctx.getAllReplicaSetsAndSyncRevision(rsList, true);
  if (!newRS) return syncRolloutStatus(ctx, oldRSs, undefined);
  const all = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(ctx, all, newRS)) return syncRolloutStatus(ctx, fresh(ctx, all), fresh(ctx, [newRS])[0]);
  if (reconcileOldReplicaSets(ctx, all, active(oldRSs), newRS)) return syncRolloutStatus(ctx, fresh(ctx, all), fresh(ctx, [newRS])[0]);
  if (deploymentComplete(ctx.d, ctx.d.status)) ctx.cleanup(oldRSs);
  return syncRolloutStatus(ctx, fresh(ctx, all), newRS);
}

/** The stored versions of these ReplicaSets (after the scaling just done). */
export function fresh(ctx: DeploymentSync, sets: ReplicaSet[]): ReplicaSet[] {
  return sets.map((rs) => ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace!, rs.metadata.name) ?? rs);
}

function reconcileNewReplicaSet(ctx: DeploymentSync, all: ReplicaSet[], newRS: ReplicaSet): boolean {
  const want = replicasOf(ctx.d);
  if (replicasOf(newRS) === want) return false;
  if (replicasOf(newRS) > want) return ctx.scaleReplicaSet(newRS, want).scaled;
  return ctx.scaleReplicaSet(newRS, newRSNewReplicas(ctx.d, all, newRS)).scaled;
}

function reconcileOldReplicaSets(ctx: DeploymentSync, all: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
  if (sumSpec(oldRSs) === 0) return false;
  const minAvailable = replicasOf(ctx.d) - maxUnavailable(ctx.d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = sumSpec(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const { sets, count: cleaned } = cleanupUnhealthyReplicas(ctx, oldRSs, maxScaledDown);
  const scaled = scaleDownOldReplicaSets(ctx, [...sets, newRS], sets);
  return cleaned + scaled > 0;
}

/** Scales down old ReplicaSets' unavailable replicas first, oldest ReplicaSet first. */
function cleanupUnhealthyReplicas(ctx: DeploymentSync, oldRSs: ReplicaSet[], maxCleanup: number): { sets: ReplicaSet[]; count: number } {
  const sets = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < sets.length && total < maxCleanup; i++) {
    const rs = sets[i];
    const spec = replicasOf(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const n = Math.min(maxCleanup - total, spec - available);
    sets[i] = ctx.scaleReplicaSet(rs, spec - n).rs;
    total += n;
  }
  return { sets, count: total };
}

/** Scales down old ReplicaSets while more than minAvailable pods are available, oldest first. */
function scaleDownOldReplicaSets(ctx: DeploymentSync, all: ReplicaSet[], oldRSs: ReplicaSet[]): number {
  const minAvailable = replicasOf(ctx.d) - maxUnavailable(ctx.d);
  const available = sumStatus(all, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (replicasOf(rs) === 0) continue;
    const n = Math.min(replicasOf(rs), target - total);
    ctx.scaleReplicaSet(rs, replicasOf(rs) - n);
    total += n;
  }
  return total;
}
