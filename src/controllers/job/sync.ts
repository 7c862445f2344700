/**
 * syncJob (k8s job_controller.go): one level-triggered pass over a Job.
 *
 *  1. claim its pods (adopting orphans that match the selector, with the tracking finalizer);
 *  2. count what finished since the last pass (uncounted pods, podFailurePolicy Ignore excluded);
 *  3. decide whether the Job is finishing, first rule wins: SuccessCriteriaMet already set;
 *     FailureTarget already set; a FailJob rule; failed > backoffLimit or (OnFailure) restarts ≥
 *     backoffLimit; activeDeadlineSeconds passed (else a sync is queued for when it will);
 *     Indexed: too many failed indexes, or a successPolicy rule met;
 *  4. finishing: delete the active pods; otherwise manageJob, then Complete when enough pods
 *     succeeded and none runs, and the Suspended condition with its Suspended/Resumed events
 *     (resuming resets startTime, so activeDeadlineSeconds counts from the resume);
 *  5. track the finished pods and write the status (tracking.ts).
 */
import { rfc3339 } from '../../api/duration.ts';
import { clone, splitKey } from '../../api/object-util.ts';
import type { Job, Pod } from '../../api/types/index.ts';
import { isPodActive } from '../util/pod.ts';
import { claimJobPods } from './claim.ts';
import {
  ensureCondition, FAILED, FAILURE_TARGET, findCondition, isJobFinished, isJobSuspended, MSG_BACKOFF_LIMIT, MSG_COMPLETIONS_REACHED, MSG_DEADLINE, MSG_FAILED_INDEXES,
  MSG_MAX_FAILED_INDEXES, newCondition, REASON_BACKOFF_LIMIT, REASON_COMPLETIONS_REACHED, REASON_DEADLINE, REASON_FAILED_INDEXES, REASON_MAX_FAILED_INDEXES,
  REASON_POD_FAILURE_POLICY, REASON_SUCCESS_POLICY, SUCCESS_CRITERIA_MET, SUSPENDED,
} from './conditions.ts';
import { SOURCE, status, type JobCtx, type JobDeps } from './context.ts';
import { matchSuccessPolicy, parseIntervals, total, withIndexes, type Intervals } from './indexes.ts';
import { deleteActivePods, manageJob } from './manage.ts';
import { calculateFailedIndexes, delayedDeletionPerIndex, hasBackoffLimitPerIndex } from './per-index.ts';
import { matchPodFailurePolicy } from './pod-failure-policy.ts';
import { completionIndex, countReady, hasTrackingFinalizer, isIndexedJob, isPodFailed, isPodTerminatingNow, NO_INDEX } from './pods.ts';
import { trackJobStatus } from './tracking.ts';

/** spec.managedBy naming another controller: this one keeps its hands off. */
export const JOB_CONTROLLER_NAME = 'kubernetes.io/job-controller';

export function managedByOther(job: Job): boolean {
  return !!job.spec.managedBy && job.spec.managedBy !== JOB_CONTROLLER_NAME;
}

/** getNewFinishedPods: pods still holding the finalizer, not yet listed as uncounted. */
function newFinishedPods(ctx: JobCtx): { succeeded: Pod[]; failed: Pod[] } {
  const completions = ctx.job.spec.completions ?? 0;
  const valid = (p: Pod, uncounted: Set<string>) => {
    if (!hasTrackingFinalizer(p) || uncounted.has(p.metadata.uid!)) return false;
    if (!isIndexedJob(ctx.job)) return true;
    const ix = completionIndex(p);
    return ix !== NO_INDEX && ix < completions;
  };
  return {
    succeeded: ctx.pods.filter((p) => valid(p, ctx.uncounted.succeeded) && p.status?.phase === 'Succeeded'),
    failed: ctx.pods.filter((p) => valid(p, ctx.uncounted.failed) && isPodFailed(p, ctx.job)),
  };
}

/** pastBackoffLimitOnFailure: restarts of pending and running pods reach backoffLimit. */
function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const c of [...(p.status.initContainerStatuses ?? []), ...(p.status.containerStatuses ?? [])]) restarts += c.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** How long until activeDeadlineSeconds runs out (≤ 0: it has), or undefined when it does not apply. */
function deadlineLeft(job: Job, now: number): number | undefined {
  const ads = job.spec.activeDeadlineSeconds;
  const start = job.status?.startTime;
  if (ads === undefined || ads === null || !start || isJobSuspended(job)) return undefined;
  // Being resumed in this very sync: the deadline counts from now, as startTime is about to be reset.
  if (findCondition(job.status?.conditions, SUSPENDED)?.status === 'True') return ads * 1000;
  return ads * 1000 - (now - Date.parse(start));
}

/** The succeeded indexes: from status.completedIndexes, plus succeeded pods not yet counted. */
function succeededIndexes(job: Job, pods: Pod[]): [Intervals, Intervals] {
  const completions = job.spec.completions ?? 0;
  const prev = parseIntervals(job.status?.completedIndexes, completions);
  const fresh = new Set<number>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (p.status?.phase === 'Succeeded' && ix !== NO_INDEX && ix < completions && hasTrackingFinalizer(p)) fresh.add(ix);
  }
  return [prev, withIndexes(prev, fresh)];
}

export function syncJob(deps: JobDeps, key: string): void {
  const { namespace, name } = splitKey(key);
  const shared = deps.store.get<Job>('Job', namespace, name);
  if (!shared) {
    deps.backoff.remove(key);
    return;
  }
  if (managedByOther(shared)) return;
  if (isJobFinished(shared)) {
    deps.backoff.remove(key);
    return;
  }
  const mode = shared.spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
    deps.events.event(shared, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown', SOURCE);
    return;
  }
  const now = deps.clock.now();
  const job = clone(shared);
  const s = (job.status ??= {});
  s.uncountedTerminatedPods ??= {};
  const pods = claimJobPods(deps, job);
  const activePods = pods.filter(isPodActive);
  const ctx: JobCtx = {
    key,
    job,
    pods,
    activePods,
    succeeded: 0,
    failed: 0,
    prevSucceededIndexes: [],
    succeededIndexes: [],
    newBackoff: { key, failuresAfterLastSuccess: 0 },
    uncounted: { succeeded: new Set(s.uncountedTerminatedPods.succeeded ?? []), failed: new Set(s.uncountedTerminatedPods.failed ?? []) },
    delayedDeletion: new Map(),
    terminating: pods.filter(isPodTerminatingNow).length,
    ready: countReady(activePods),
  };
  let active = activePods.length;
  const fresh = newFinishedPods(ctx);
  const policy = job.spec.podFailurePolicy;
  const counted = fresh.failed.filter((p) => !policy || matchPodFailurePolicy(policy, p).countFailed).length;
  ctx.succeeded = (s.succeeded ?? 0) + fresh.succeeded.length + ctx.uncounted.succeeded.size;
  ctx.failed = (s.failed ?? 0) + counted + ctx.uncounted.failed.size;
  if (!s.startTime && !isJobSuspended(job)) s.startTime = rfc3339(now);
  ctx.newBackoff = deps.backoff.next(key, fresh.succeeded, fresh.failed);
  decideFinish(deps, ctx, now);
  if (isIndexedJob(job)) indexedFinish(ctx, now);

  let suspendChanged = false;
  if (ctx.finished) {
    const r = deleteActivePods(deps, job, activePods);
    if (r.removed !== active) ctx.finished = undefined;
    active -= r.removed;
    ctx.terminating += r.removed;
    ctx.ready -= r.removedReady;
  } else {
    let managed = false;
    if (!job.metadata.deletionTimestamp) {
      active = manageJob(deps, ctx);
      managed = true;
    }
    const completions = job.spec.completions;
    const complete = completions === undefined || completions === null ? ctx.succeeded > 0 && active === 0 : ctx.succeeded >= completions && active === 0;
    if (complete) ctx.finished = newCondition(SUCCESS_CRITERIA_MET, 'True', REASON_COMPLETIONS_REACHED, MSG_COMPLETIONS_REACHED, now);
    else if (managed) suspendChanged = updateSuspended(deps, ctx, now);
  }
  const st = status(ctx);
  const needsUpdate = suspendChanged || active !== (st.active ?? 0) || ctx.ready !== st.ready || ctx.terminating !== st.terminating;
  st.active = active;
  st.ready = ctx.ready;
  st.terminating = ctx.terminating;
  trackJobStatus(deps, ctx, needsUpdate);
}

/** Step 3: the interim condition the Job is heading to, if any. */
function decideFinish(deps: JobDeps, ctx: JobCtx, now: number): void {
  const job = ctx.job;
  const conditions = job.status?.conditions;
  const met = findCondition(conditions, SUCCESS_CRITERIA_MET);
  if (met?.status === 'True') ctx.finished = met;
  if (!ctx.finished) {
    const target = findCondition(conditions, FAILURE_TARGET);
    if (target?.status === 'True') ctx.finished = newCondition(FAILED, 'True', target.reason ?? '', target.message ?? '', now);
    else if (job.spec.podFailurePolicy) {
      for (const p of ctx.pods) {
        if (!isPodFailed(p, job)) continue;
        const msg = matchPodFailurePolicy(job.spec.podFailurePolicy, p).failJobMessage;
        if (msg) {
          ctx.finished = newCondition(FAILURE_TARGET, 'True', REASON_POD_FAILURE_POLICY, msg, now);
          break;
        }
      }
    }
  }
  if (ctx.finished) return;
  const left = deadlineLeft(job, now);
  if (ctx.failed > (job.spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, ctx.pods)) {
    ctx.finished = newCondition(FAILURE_TARGET, 'True', REASON_BACKOFF_LIMIT, MSG_BACKOFF_LIMIT, now);
  } else if (left !== undefined && left <= 0) {
    ctx.finished = newCondition(FAILURE_TARGET, 'True', REASON_DEADLINE, MSG_DEADLINE, now);
  } else if (left !== undefined) {
    deps.enqueueAfter(ctx.key, left);
  }
}

/** Indexed Jobs: succeeded and failed indexes, and the finish they may cause. */
function indexedFinish(ctx: JobCtx, now: number): void {
  const job = ctx.job;
  const completions = job.spec.completions ?? 0;
  [ctx.prevSucceededIndexes, ctx.succeededIndexes] = succeededIndexes(job, ctx.pods);
  ctx.succeeded = total(ctx.succeededIndexes);
  if (hasBackoffLimitPerIndex(job)) {
    ctx.failedIndexes = calculateFailedIndexes(job, ctx.pods);
    const failed = total(ctx.failedIndexes);
    if (!ctx.finished) {
      if (job.spec.maxFailedIndexes !== undefined && failed > job.spec.maxFailedIndexes) {
        ctx.finished = newCondition(FAILURE_TARGET, 'True', REASON_MAX_FAILED_INDEXES, MSG_MAX_FAILED_INDEXES, now);
      } else if (failed > 0 && failed + ctx.succeeded >= completions) {
        ctx.finished = newCondition(FAILURE_TARGET, 'True', REASON_FAILED_INDEXES, MSG_FAILED_INDEXES, now);
      }
    }
    ctx.delayedDeletion = delayedDeletionPerIndex(ctx);
  }
  if (!ctx.finished) {
    const msg = matchSuccessPolicy(job.spec.successPolicy, completions, ctx.succeededIndexes);
    if (msg) ctx.finished = newCondition(SUCCESS_CRITERIA_MET, 'True', REASON_SUCCESS_POLICY, msg, now);
  }
}

/** The Suspended condition and its events; resuming restarts the clock of activeDeadlineSeconds. */
function updateSuspended(deps: JobDeps, ctx: JobCtx, now: number): boolean {
  const s = status(ctx);
  const suspended = isJobSuspended(ctx.job);
  const r = suspended
    ? ensureCondition(s.conditions ?? [], SUSPENDED, 'True', 'JobSuspended', 'Job suspended', now)
    : ensureCondition(s.conditions ?? [], SUSPENDED, 'False', 'JobResumed', 'Job resumed', now);
  if (!r.changed) return false;
  s.conditions = r.conditions;
  if (suspended) {
    deps.events.event(ctx.job, 'Normal', 'Suspended', 'Job suspended', SOURCE);
  } else {
    deps.events.event(ctx.job, 'Normal', 'Resumed', 'Job resumed', SOURCE);
    s.startTime = rfc3339(now);
  }
  return true;
}
