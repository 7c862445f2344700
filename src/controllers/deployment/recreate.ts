/**
 * The Recreate strategy (k8s deployment/recreate.go): scale every old ReplicaSet to 0, wait while
 * any old pod is still running (Terminating ones count), and only then create the new ReplicaSet at
 * full size. The sync returns instead of waiting; the deletion of the last old pod brings it back.
 */
import type { Pod, ReplicaSet } from '../../api/types/index.ts';
import { syncRolloutStatus } from './progress.ts';
import { fresh } from './rolling.ts';
import type { DeploymentSync } from './sync.ts';
import { active, deploymentComplete, replicasOf, sumStatus } from './util.ts';

export function rolloutRecreate(ctx: DeploymentSync, rsList: ReplicaSet[]): number | undefined {
  let { newRS, oldRSs } = ctx.getAllReplicaSetsAndSyncRevision(rsList, false);
  let scaledDown = false;
  for (const rs of active(oldRSs)) if (ctx.scaleReplicaSet(rs, 0).scaled) scaledDown = true;
  if (scaledDown) return syncRolloutStatus(ctx, fresh(ctx, [...oldRSs, ...(newRS ? [newRS] : [])]), newRS);
  if (oldPodsRunning(ctx, newRS, fresh(ctx, oldRSs))) return syncRolloutStatus(ctx, [...oldRSs, newRS], newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = ctx.getAllReplicaSetsAndSyncRevision(rsList, true));
    if (!newRS) return syncRolloutStatus(ctx, oldRSs, undefined);
  }
  if (replicasOf(newRS) !== replicasOf(ctx.d)) newRS = ctx.scaleReplicaSet(newRS, replicasOf(ctx.d)).rs;
  if (deploymentComplete(ctx.d, ctx.d.status)) ctx.cleanup(oldRSs);
  return syncRolloutStatus(ctx, fresh(ctx, [...oldRSs, newRS]), newRS);
}

function oldPodsRunning(ctx: DeploymentSync, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
  if (sumStatus(oldRSs, 'replicas') > 0) return true;
  for (const rs of oldRSs) {
    if (rs === newRS) continue;
    for (const pod of ctx.store.dependentsOf<Pod>(rs.metadata.uid!, 'Pod')) {
      const phase = pod.status?.phase;
      if (phase !== 'Succeeded' && phase !== 'Failed') return true;
    }
  }
  return false;
}
