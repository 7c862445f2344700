/**
 * Revision history limits: which ControllerRevisions to delete. Pure; both take revisions sorted
 * oldest first (sortRevisions). The two controllers count differently, as upstream does.
 */
import type { ControllerRevision } from '../../api/types/index.ts';

/**
 * StatefulSet truncateHistory (stateful_set_control.go): revisions that are live — the current
 * and update revisions and any revision a pod still carries — are never counted nor deleted; of
 * the rest, the oldest go until `limit` remain.
 *
 *   revisions r1..r5, live {r3 (a pod), r5 (current = update)}, limit 2
 *   → history [r1, r2, r4] has 3 > 2 → delete [r1]; r2, r4 stay.
 */
export function statefulSetRevisionsToPrune(sorted: readonly ControllerRevision[], live: ReadonlySet<string>, limit: number): ControllerRevision[] {
  const history = sorted.filter((r) => !live.has(r.metadata.name));
  if (history.length <= limit) return [];
  return history.slice(0, history.length - limit);
}

/**
 * DaemonSet cleanupHistory (daemon/update.go): `old` is every revision but the current one;
 * `len(old) - limit` of them are deleted oldest first, skipping any whose hash a pod still
 * carries (so with live old revisions fewer than that may go).
 *
 *   old [r1 (a pod has its hash), r2, r3], limit 1 → toKill 2 → r1 skipped, delete [r2, r3].
 */
export function daemonSetRevisionsToPrune(
  sortedOld: readonly ControllerRevision[],
  liveHashes: ReadonlySet<string>,
  limit: number,
  hashOf: (r: ControllerRevision) => string | undefined,
): ControllerRevision[] {
  let toKill = sortedOld.length - limit;
  const out: ControllerRevision[] = [];
  for (const r of sortedOld) {
    if (toKill <= 0) break;
    const hash = hashOf(r);
    if (hash && liveHashes.has(hash)) continue;
    out.push(r);
    toKill--;
  }
  return out;
}
