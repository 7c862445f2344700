/**
 * Which pods a ReplicaSet deletes first when it scales down (controller_utils.go
 * ActivePodsWithRanks, replica_set.go getPodsToDelete). The first rule that differs decides; the
 * pod that sorts first is deleted first:
 *
 *  1. unassigned (no node) before assigned
 *  2. phase Pending before Unknown before Running
 *  3. not ready before ready
 *  4. lower `controller.kubernetes.io/pod-deletion-cost` before higher
 *  5. higher rank first: more active related pods on the same node ("doubled up")
 *  6. both ready: ready more recently first, on a log2 scale of time-since-ready
 *     (LogarithmicScaleDown); equal buckets broken by uid
 *  7. more container restarts first
 *  8. created more recently first, on the same log2 scale; equal buckets broken by uid
 *
 * Worked example: pods a (ready 100 s ago) and b (ready 130 s ago) are both in bucket
 * floor(log2(1e11 ns)) = floor(log2(1.3e11 ns)) = 36, so the smaller uid goes first; pod c ready
 * 10 s ago (bucket 33) goes before both.
 */
import type { Pod } from '../../api/types/index.ts';
import { isPodActive, isPodReady, maxRestarts, podCondition } from '../util/pod.ts';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

export interface RankedPod {
  pod: Pod;
  rank: number;
}

function deletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[DELETION_COST];
  const n = v === undefined ? 0 : Number(v);
  return Number.isInteger(n) ? n : 0;
}

/** floor(log2(now - t in ns)), or -1 when t is not in the past. */
function logBucket(t: number, now: number): number {
  const dNs = (now - t) * 1e6;
  return dNs > 0 ? Math.floor(Math.log2(dNs)) : -1;
}

function readyTime(pod: Pod): number | undefined {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True' || !c.lastTransitionTime) return undefined;
  return Date.parse(c.lastTransitionTime);
}

/** Negative when a should be deleted before b. */
export function compareForDeletion(a: RankedPod, b: RankedPod, now: number): number {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec.nodeName ?? '';
  const nb = pb.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const oa = PHASE_ORDINAL[pa.status?.phase ?? ''] ?? 0;
  const ob = PHASE_ORDINAL[pb.status?.phase ?? ''] ?? 0;
  if (oa !== ob) return oa - ob;
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca - cb;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (ra && rb) {
    const ta = readyTime(pa);
    const tb = readyTime(pb);
    if (ta !== tb) {
      if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
      const diff = logBucket(ta, now) - logBucket(tb, now);
      if (diff !== 0) return diff;
      return uidOrder(pa, pb);
    }
  }
  const xa = maxRestarts(pa);
  const xb = maxRestarts(pb);
  if (xa !== xb) return xb - xa;
  const ta = Date.parse(pa.metadata.creationTimestamp ?? '');
  const tb = Date.parse(pb.metadata.creationTimestamp ?? '');
  if (ta !== tb) {
    const diff = logBucket(ta, now) - logBucket(tb, now);
    if (diff !== 0) return diff;
    return uidOrder(pa, pb);
  }
  return 0;
}

function uidOrder(a: Pod, b: Pod): number {
  const ua = a.metadata.uid ?? '';
  const ub = b.metadata.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * The `diff` pods to delete from `pods`: ranked by how many active related pods (pods of this
 * ReplicaSet and of its sibling ReplicaSets under the same Deployment) share their node.
 */
export function podsToDelete(pods: Pod[], related: Pod[], diff: number, now: number): Pod[] {
  if (diff >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => compareForDeletion(a, b, now));
  return ranked.slice(0, diff).map((r) => r.pod);
}
