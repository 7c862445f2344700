/**
 * manageJob (k8s job_controller.go): keeps as many pods running as the Job wants.
 *
 *   suspended              delete every active pod (finalizer removed first: not counted)
 *   completions unset      want `parallelism` until the first success, then leave what runs
 *   completions set        want min(parallelism, completions − succeeded)
 *
 * Surplus pods are deleted first (not-ready, unscheduled, pending ones before running ones; in an
 * Indexed Job also pods with a duplicate or out-of-range index) and that is all a sync does.
 * Otherwise missing pods are created, after the failure back-off, in slow-start batches of
 * 1, 2, 4 … stopping at the first batch with an error. Worked example, pi with completions 5 and
 * parallelism 2: want 2 (0 done), then 2 (2 done), then 1 (4 done), then 0.
 */
import { clone } from '../../api/object-util.ts';
import type { Job, Pod } from '../../api/types/index.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { isPodReady } from '../util/pod.ts';
import { remainingBackoff } from './backoff.ts';
import { isJobSuspended } from './conditions.ts';
import { MAX_POD_CREATE_DELETE, SOURCE, SYNC_BATCH_MS, type JobCtx, type JobDeps } from './context.ts';
import { duplicateIndexPods, firstPendingIndexes, indexesOf, merge, withIndexes } from './indexes.ts';
import { jobPod } from './job-pod.ts';
import { creatableIndexes, hasBackoffLimitPerIndex, newIndexFailureCounts } from './per-index.ts';
import { compareActivePods, hasTrackingFinalizer, isIndexedJob, isPodTerminatingNow, JOB_TRACKING_FINALIZER, onlyReplaceFailedPods } from './pods.ts';

export interface Removal {
  removed: number;
  removedReady: number;
}

/** activePodsForRemoval: duplicates first (Indexed), then in ActivePods order. */
export function activePodsForRemoval(job: Job, pods: Pod[], atLeast: number): Pod[] {
  let rm: Pod[] = [];
  let left: Pod[] = pods;
  if (isIndexedJob(job)) [rm, left] = duplicateIndexPods(pods, job.spec.completions ?? 0);
  if (rm.length < atLeast) rm = [...rm, ...[...left].sort(compareActivePods).slice(0, atLeast - rm.length)];
  return rm;
}

/** PodControl.DeletePod with its events. Returns whether the pod is gone or going. */
function deletePod(deps: JobDeps, job: Job, pod: Pod): boolean {
  try {
    deps.api.delete('Pod', pod.metadata.namespace!, pod.metadata.name);
    deps.events.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
    return true;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.reason === 'NotFound') return true;
    deps.events.event(job, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`, SOURCE);
    return false;
  }
}

/** deleteActivePods: a finishing Job's pods go, keeping their finalizers until they are counted. */
export function deleteActivePods(deps: JobDeps, job: Job, pods: Pod[]): Removal {
  let removed = 0;
  let removedReady = 0;
  for (const p of pods) {
    if (deletePod(deps, job, p)) removed++;
    if (isPodReady(p)) removedReady++;
  }
  return { removed, removedReady };
}

/** deleteJobPods: the finalizer is removed first, so these pods never count as failures. */
export function deleteJobPods(deps: JobDeps, job: Job, pods: Pod[]): Removal {
  let removed = 0;
  let removedReady = 0;
  for (const p of pods) {
    if (hasTrackingFinalizer(p)) deps.api.removeFinalizer('Pod', p.metadata.namespace!, p.metadata.name, JOB_TRACKING_FINALIZER);
    if (deps.store.get('Pod', p.metadata.namespace!, p.metadata.name) && !deletePod(deps, job, p)) continue;
    removed++;
    if (isPodReady(p)) removedReady++;
  }
  return { removed, removedReady };
}

function wantActive(job: Job, ctx: JobCtx, active: number): number {
  const parallelism = job.spec.parallelism ?? 1;
  if (job.spec.completions === undefined || job.spec.completions === null) return ctx.succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(parallelism, job.spec.completions - ctx.succeeded));
}

/** Returns the number of active pods after this sync's deletions and creations. */
export function manageJob(deps: JobDeps, ctx: JobCtx): number {
  const job = ctx.job;
  let active = ctx.activePods.length;
  if (isJobSuspended(job)) {
    const r = deleteJobPods(deps, job, activePodsForRemoval(job, ctx.activePods, active));
    ctx.terminating += r.removed;
    ctx.ready -= r.removedReady;
    return active - r.removed;
  }
  const want = wantActive(job, ctx, active);
  const toDelete = activePodsForRemoval(job, ctx.activePods, Math.max(0, active - want)).slice(0, MAX_POD_CREATE_DELETE);
  if (toDelete.length > 0) {
    // Deletion and creation never happen in the same sync; deletion wins.
    const r = deleteJobPods(deps, job, toDelete);
    ctx.terminating += r.removed;
    ctx.ready -= r.removedReady;
    return active - r.removed;
  }
  const terminating = onlyReplaceFailedPods(job) ? ctx.terminating : 0;
  let diff = want - terminating - active;
  if (diff <= 0) return active;
  const now = deps.clock.now();
  const perIndex = hasBackoffLimitPerIndex(job);
  if (!perIndex) {
    const wait = remainingBackoff(ctx.newBackoff.failuresAfterLastSuccess, ctx.newBackoff.lastFailureTime, now);
    if (wait > 0) {
      deps.enqueueAfter(ctx.key, Math.max(wait, SYNC_BATCH_MS));
      return active;
    }
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE);
  let indexes: number[] | undefined;
  if (isIndexedJob(job)) {
    let taken = withIndexes(ctx.succeededIndexes, indexesOf(ctx.activePods));
    if (onlyReplaceFailedPods(job)) taken = withIndexes(taken, indexesOf(ctx.pods.filter(isPodTerminatingNow)));
    if (ctx.failedIndexes) taken = merge(taken, ctx.failedIndexes);
    indexes = firstPendingIndexes(taken, diff, job.spec.completions ?? 0);
    if (perIndex) {
      const c = creatableIndexes(indexes, ctx.delayedDeletion, now);
      if (c.indexes.length === 0 && c.wait > 0) {
        deps.enqueueAfter(ctx.key, Math.max(c.wait, SYNC_BATCH_MS));
        return active;
      }
      indexes = c.indexes;
    }
    diff = indexes.length;
  }
  return active + createPods(deps, ctx, diff, indexes);
}

/** Slow-start creation; returns how many pods were created. */
function createPods(deps: JobDeps, ctx: JobCtx, count: number, indexes: number[] | undefined): number {
  const job = ctx.job;
  const queue = indexes ? [...indexes] : [];
  let created = 0;
  let remaining = count;
  for (let batch = Math.min(1, remaining); remaining > 0; batch = Math.min(2 * batch, remaining)) {
    let errors = 0;
    for (let i = 0; i < batch; i++) {
      const index = indexes ? queue.shift() : undefined;
      const counts = index !== undefined && hasBackoffLimitPerIndex(job) ? newIndexFailureCounts(job, ctx.delayedDeletion.get(index)) : undefined;
      try {
        const pod = deps.api.create(jobPod(clone(job), index, counts));
        deps.events.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
        created++;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors++;
        if (!/because it is being terminated/.test(e.message)) deps.events.event(job, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, SOURCE);
      }
    }
    if (errors > 0) break;
    remaining -= batch;
  }
  return created;
}
