/**
 * Counting finished pods with finalizers (k8s job_controller.go trackJobStatusAndRemoveFinalizers,
 * flushUncountedAndRemoveFinalizers, enactJobFinished). Every Job pod carries the
 * `batch.kubernetes.io/job-tracking` finalizer until it has been counted:
 *
 *  1. a finished pod's uid goes into status.uncountedTerminatedPods (written first),
 *  2. its finalizer is removed,
 *  3. the uid moves out of the list into status.succeeded / status.failed,
 *  4. the interim SuccessCriteriaMet / FailureTarget condition becomes Complete / Failed once no
 *     pod is uncounted or terminating, with the events `Completed` "Job completed" or
 *     Warning `<reason>` "<message>".
 *
 * So a pod is counted exactly once even if the controller stops between two writes; and a Failed
 * condition appears only after the Job's last pod has stopped.
 */
import type { Condition, Pod } from '../../api/types/index.ts';
import { COMPLETE, ensureCondition, FAILED, FAILURE_TARGET, findCondition, newCondition, SUCCESS_CRITERIA_MET } from './conditions.ts';
import { MAX_UNCOUNTED_PODS, SOURCE, status, uncountedLists, writeStatus, type JobCtx, type JobDeps } from './context.ts';
import { formatIntervals, has, total, withIndexes } from './indexes.ts';
import { hasBackoffLimitPerIndex } from './per-index.ts';
import { matchPodFailurePolicy } from './pod-failure-policy.ts';
import { completionIndex, hasTrackingFinalizer, isIndexedJob, isPodFailed, JOB_TRACKING_FINALIZER, NO_INDEX } from './pods.ts';

/** canRemoveFinalizer: the Job is going or finishing, the pod succeeded, or it failed for good. */
function canRemoveFinalizer(ctx: JobCtx, pod: Pod, failed: boolean): boolean {
  if (ctx.job.metadata.deletionTimestamp || ctx.finished || pod.status?.phase === 'Succeeded') return true;
  if (!failed) return false;
  if (hasBackoffLimitPerIndex(ctx.job)) {
    const ix = completionIndex(pod);
    if (ix !== NO_INDEX && ctx.delayedDeletion.get(ix)?.metadata.uid === pod.metadata.uid) return false;
  }
  return true;
}

/** cleanUncountedPodsWithoutFinalizers: uids whose finalizer is gone move into the counters. */
function cleanUncounted(ctx: JobCtx, withFinalizer: Set<string>): boolean {
  const s = status(ctx);
  const lists = uncountedLists(s);
  const succeeded = lists.succeeded.filter((uid) => withFinalizer.has(uid));
  const failed = lists.failed.filter((uid) => withFinalizer.has(uid));
  const changed = succeeded.length !== lists.succeeded.length || failed.length !== lists.failed.length;
  s.succeeded = (s.succeeded ?? 0) + lists.succeeded.length - succeeded.length;
  s.failed = (s.failed ?? 0) + lists.failed.length - failed.length;
  s.uncountedTerminatedPods = { succeeded, failed };
  return changed;
}

function byIndex(a: Pod, b: Pod): number {
  return completionIndex(a) - completionIndex(b);
}

export function trackJobStatus(deps: JobDeps, ctx: JobCtx, needsFlush: boolean): void {
  const job = ctx.job;
  const s = status(ctx);
  const indexed = isIndexedJob(job);
  const completions = job.spec.completions ?? 0;
  const pods = indexed ? [...ctx.pods].sort(byIndex) : ctx.pods;
  const withFinalizer = new Set(pods.filter(hasTrackingFinalizer).map((p) => p.metadata.uid!));
  if (cleanUncounted(ctx, withFinalizer)) needsFlush = true;
  const lists = uncountedLists(s);
  const toRemove: Pod[] = [];
  const newSucceededIndexes: number[] = [];
  let reachedMax = false;
  for (const pod of pods) {
    if (!hasTrackingFinalizer(pod)) continue;
    const uid = pod.metadata.uid!;
    const failed = isPodFailed(pod, job);
    if (!canRemoveFinalizer(ctx, pod, failed)) continue;
    toRemove.push(pod);
    const ix = completionIndex(pod);
    if (pod.status?.phase === 'Succeeded' && !ctx.uncounted.failed.has(uid)) {
      if (indexed) {
        if (ix !== NO_INDEX && ix < completions && !has(ctx.prevSucceededIndexes, ix)) {
          newSucceededIndexes.push(ix);
          needsFlush = true;
        }
      } else if (!ctx.uncounted.succeeded.has(uid)) {
        lists.succeeded.push(uid);
        needsFlush = true;
      }
    } else if (failed || (ctx.finished && ctx.finished.type !== SUCCESS_CRITERIA_MET)) {
      // A finishing Job counts every pod that did not succeed as failed.
      if (!ctx.uncounted.failed.has(uid) && (!indexed || (ix !== NO_INDEX && ix < completions))) {
        if (!job.spec.podFailurePolicy || matchPodFailurePolicy(job.spec.podFailurePolicy, pod).countFailed) {
          lists.failed.push(uid);
          needsFlush = true;
        }
      }
    }
    if (newSucceededIndexes.length + lists.succeeded.length + lists.failed.length >= MAX_UNCOUNTED_PODS) {
      reachedMax = true;
      break;
    }
  }
  if (indexed) {
    ctx.succeededIndexes = withIndexes(ctx.succeededIndexes, newSucceededIndexes);
    const text = formatIntervals(ctx.succeededIndexes);
    if (text !== (s.completedIndexes ?? '')) needsFlush = true;
    s.succeeded = total(ctx.succeededIndexes);
    s.completedIndexes = text;
    const failedText = ctx.failedIndexes ? formatIntervals(ctx.failedIndexes) : undefined;
    if (failedText !== s.failedIndexes) {
      s.failedIndexes = failedText;
      needsFlush = true;
    }
  }
  if (ctx.finished?.type === FAILURE_TARGET) {
    s.conditions = [...(s.conditions ?? []), ctx.finished];
    needsFlush = true;
    ctx.finished = newCondition(FAILED, 'True', ctx.finished.reason ?? '', ctx.finished.message ?? '', deps.clock.now());
  }
  if (ctx.finished?.type === SUCCESS_CRITERIA_MET) {
    if (!findCondition(s.conditions, SUCCESS_CRITERIA_MET)) {
      s.conditions = [...(s.conditions ?? []), ctx.finished];
      needsFlush = true;
    }
    ctx.finished = newCondition(COMPLETE, 'True', ctx.finished.reason ?? '', ctx.finished.message ?? '', deps.clock.now());
  }
  needsFlush = flushAndRemoveFinalizers(deps, ctx, toRemove, withFinalizer, needsFlush);
  const finished = !reachedMax && enactJobFinished(deps, ctx);
  if (finished) needsFlush = true;
  if (!needsFlush) return;
  writeStatus(deps, ctx);
  if (finished) recordJobFinished(deps, ctx, ctx.finished!);
}

/** Writes the uncounted uids, removes the finalizers, and moves the removed ones into the counters. */
function flushAndRemoveFinalizers(deps: JobDeps, ctx: JobCtx, toRemove: Pod[], withFinalizer: Set<string>, needsFlush: boolean): boolean {
  if (needsFlush) {
    writeStatus(deps, ctx);
    deps.backoff.update(ctx.newBackoff);
    needsFlush = false;
  }
  for (const pod of toRemove) {
    deps.api.removeFinalizer('Pod', pod.metadata.namespace!, pod.metadata.name, JOB_TRACKING_FINALIZER);
    withFinalizer.delete(pod.metadata.uid!);
  }
  return cleanUncounted(ctx, withFinalizer) || needsFlush;
}

/** enactJobFinished: the terminal condition, once nothing is uncounted or terminating. */
function enactJobFinished(deps: JobDeps, ctx: JobCtx): boolean {
  const c = ctx.finished;
  if (!c) return false;
  const s = status(ctx);
  const u = s.uncountedTerminatedPods ?? {};
  if ((u.succeeded?.length ?? 0) + (u.failed?.length ?? 0) > 0) return false;
  if (ctx.terminating > 0) return false;
  s.conditions = ensureCondition(s.conditions ?? [], c.type, c.status, c.reason ?? '', c.message ?? '', deps.clock.now()).conditions;
  if (c.type === COMPLETE) s.completionTime = c.lastTransitionTime;
  return true;
}

function recordJobFinished(deps: JobDeps, ctx: JobCtx, c: Condition): void {
  const job = ctx.job;
  if (c.type === COMPLETE) {
    const completions = job.spec.completions;
    if (completions !== undefined && (job.status?.succeeded ?? 0) > completions) {
      deps.events.event(job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached', SOURCE);
    }
    deps.events.event(job, 'Normal', 'Completed', 'Job completed', SOURCE);
  } else {
    deps.events.event(job, 'Warning', c.reason ?? '', c.message ?? '', SOURCE);
  }
}
