/**
 * backoffLimitPerIndex (k8s indexed_job_utils.go, backoff_utils.go): in an Indexed Job each index
 * may fail `backoffLimitPerIndex` times before it is marked failed. A replacement pod carries the
 * count in the annotation `batch.kubernetes.io/job-index-failure-count` (and ignored failures in
 * `...-ignored-failure-count`); the failed pod's finalizer stays until its replacement exists, so
 * the count can be read from it. Each index backs off on its own: 10 s × 2^(count), from the failed
 * pod's finish time.
 *
 * Worked example, backoffLimitPerIndex 1: pod pi-2-aaaaa fails (count 0 → its replacement
 * pi-2-bbbbb carries count 1, created 10 s after the failure); when that fails too, 1 ≥ 1 and
 * index 2 joins status.failedIndexes.
 */
import type { Job, Pod } from '../../api/types/index.ts';
import { remainingBackoff } from './backoff.ts';
import type { JobCtx } from './context.ts';
import { has, indexesOf, parseIntervals, withIndexes, type Intervals } from './indexes.ts';
import type { IndexFailureCounts } from './job-pod.ts';
import { matchPodFailurePolicy } from './pod-failure-policy.ts';
import { annotationCount, completionIndex, finishedTime, hasTrackingFinalizer, isPodFailed, JOB_INDEX_FAILURE_COUNT, JOB_INDEX_IGNORED_FAILURE_COUNT, NO_INDEX } from './pods.ts';

export function hasBackoffLimitPerIndex(job: Job): boolean {
  return job.spec.backoffLimitPerIndex !== undefined && job.spec.backoffLimitPerIndex !== null;
}

function failureCount(pod: Pod): number {
  return annotationCount(pod, JOB_INDEX_FAILURE_COUNT);
}

function absoluteFailureCount(pod: Pod): number {
  return annotationCount(pod, JOB_INDEX_FAILURE_COUNT) + annotationCount(pod, JOB_INDEX_IGNORED_FAILURE_COUNT);
}

/** isIndexFailed: the pod failed (counted) as the last allowed try of its index, or hit FailIndex. */
function isIndexFailed(job: Job, pod: Pod): boolean {
  if (!isPodFailed(pod, job)) return false;
  let counted = true;
  if (job.spec.podFailurePolicy) {
    const m = matchPodFailurePolicy(job.spec.podFailurePolicy, pod);
    if (m.action === 'FailIndex') return true;
    counted = m.countFailed;
  }
  return counted && failureCount(pod) >= (job.spec.backoffLimitPerIndex ?? 0);
}

/** calculateFailedIndexes: status.failedIndexes plus indexes newly failed by uncounted pods. */
export function calculateFailedIndexes(job: Job, pods: Pod[]): Intervals {
  const completions = job.spec.completions ?? 0;
  const prev = parseIntervals(job.status?.failedIndexes, completions);
  const fresh = new Set<number>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix !== NO_INDEX && ix < completions && hasTrackingFinalizer(p) && isIndexFailed(job, p)) fresh.add(ix);
  }
  return withIndexes(prev, fresh);
}

/**
 * getPodsWithDelayedDeletionPerIndex: per index that is neither done, failed nor running, the
 * latest failed pod still holding its finalizer (the one whose count the replacement inherits).
 */
export function delayedDeletionPerIndex(ctx: JobCtx): Map<number, Pod> {
  const job = ctx.job;
  const completions = job.spec.completions ?? 0;
  const active = indexesOf(ctx.activePods);
  const out = new Map<number, Pod>();
  for (const p of ctx.pods) {
    if (!hasTrackingFinalizer(p) || !isPodFailed(p, job)) continue;
    const ix = completionIndex(p);
    if (ix === NO_INDEX || ix >= completions) continue;
    if (has(ctx.succeededIndexes, ix) || has(ctx.failedIndexes ?? [], ix) || active.has(ix)) continue;
    const last = out.get(ix);
    if (!last || (absoluteFailureCount(last) <= absoluteFailureCount(p) && !(finishedTime(p) < finishedTime(last)))) out.set(ix, p);
  }
  return out;
}

/** getNewIndexFailureCounts: the counts the replacement of `replaced` carries. */
export function newIndexFailureCounts(job: Job, replaced: Pod | undefined): IndexFailureCounts {
  if (!replaced) return { failed: 0, ignored: 0 };
  let failed = failureCount(replaced);
  let ignored = annotationCount(replaced, JOB_INDEX_IGNORED_FAILURE_COUNT);
  if (job.spec.podFailurePolicy && !matchPodFailurePolicy(job.spec.podFailurePolicy, replaced).countFailed) ignored++;
  else failed++;
  return { failed, ignored };
}

/** getRemainingTimePerIndex: the index's own back-off, from its last failed pod. */
export function remainingForIndex(lastFailed: Pod | undefined, now: number): number {
  if (!lastFailed) return 0;
  return remainingBackoff(absoluteFailureCount(lastFailed) + 1, finishedTime(lastFailed), now);
}

/**
 * getPodCreationInfoForIndependentIndexes: the indexes whose back-off is over, or, when none is,
 * the shortest wait among them.
 */
export function creatableIndexes(indexes: number[], delayed: Map<number, Pod>, now: number): { indexes: number[]; wait: number } {
  const ready: number[] = [];
  let wait: number | undefined;
  for (const ix of indexes) {
    const r = remainingForIndex(delayed.get(ix), now);
    if (r === 0) ready.push(ix);
    else if (wait === undefined || r < wait) wait = r;
  }
  return ready.length ? { indexes: ready, wait: 0 } : { indexes: [], wait: wait ?? 0 };
}
