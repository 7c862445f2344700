/**
 * Job conditions (k8s pkg/controller/job/job_controller.go and job/util/utils.go): their types,
 * reasons and messages, `ensureJobConditionStatus`, and whether a Job is finished. The CronJob and
 * TTL-after-finished controllers read a Job's outcome through these helpers too.
 *
 * Since v1.31 a Job first gets an interim condition (SuccessCriteriaMet or FailureTarget) and only
 * once every pod has terminated the terminal one (Complete or Failed) with the same reason:
 *
 *   SuccessCriteriaMet  CompletionsReached  "Reached expected number of succeeded pods"
 *   Complete            CompletionsReached  "Reached expected number of succeeded pods"
 *   FailureTarget       BackoffLimitExceeded "Job has reached the specified backoff limit"
 *   Failed              BackoffLimitExceeded "Job has reached the specified backoff limit"
 */
import { rfc3339 } from '../../api/duration.ts';
import type { Condition, Job } from '../../api/types/index.ts';

export const COMPLETE = 'Complete';
export const FAILED = 'Failed';
export const SUSPENDED = 'Suspended';
export const FAILURE_TARGET = 'FailureTarget';
export const SUCCESS_CRITERIA_MET = 'SuccessCriteriaMet';

export const REASON_BACKOFF_LIMIT = 'BackoffLimitExceeded';
export const MSG_BACKOFF_LIMIT = 'Job has reached the specified backoff limit';
export const REASON_DEADLINE = 'DeadlineExceeded';
export const MSG_DEADLINE = 'Job was active longer than specified deadline';
export const REASON_POD_FAILURE_POLICY = 'PodFailurePolicy';
export const REASON_MAX_FAILED_INDEXES = 'MaxFailedIndexesExceeded';
export const MSG_MAX_FAILED_INDEXES = 'Job has exceeded the specified maximal number of failed indexes';
export const REASON_FAILED_INDEXES = 'FailedIndexes';
export const MSG_FAILED_INDEXES = 'Job has failed indexes';
export const REASON_COMPLETIONS_REACHED = 'CompletionsReached';
export const MSG_COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';
export const REASON_SUCCESS_POLICY = 'SuccessPolicy';

/** A job condition as the controller writes it: probe and transition time both now. */
export function newCondition(type: string, status: Condition['status'], reason: string, message: string, now: number): Condition {
  const ts = rfc3339(now);
  const c: Condition = { type, status, lastProbeTime: ts, lastTransitionTime: ts };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

export function findCondition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

/**
 * ensureJobConditionStatus: replaces the condition of that type when its status, reason or
 * message differ, or appends it (unless the new status is False: going from nothing to False
 * means nothing). Returns the list and whether it changed.
 */
export function ensureCondition(
  conditions: Condition[],
  type: string,
  status: Condition['status'],
  reason: string,
  message: string,
  now: number,
): { conditions: Condition[]; changed: boolean } {
  const i = conditions.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = conditions[i];
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message) return { conditions, changed: false };
    const next = [...conditions];
    next[i] = newCondition(type, status, reason, message, now);
    return { conditions: next, changed: true };
  }
  if (status === 'False') return { conditions, changed: false };
  return { conditions: [...conditions, newCondition(type, status, reason, message, now)], changed: true };
}

/** The terminal condition (Complete or Failed, status True), if the Job has finished. */
export function finishedCondition(job: Job): Condition | undefined {
  return job.status?.conditions?.find((c) => (c.type === COMPLETE || c.type === FAILED) && c.status === 'True');
}

export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}

export function isJobSucceeded(job: Job): boolean {
  return finishedCondition(job)?.type === COMPLETE;
}

export function isJobFailed(job: Job): boolean {
  return finishedCondition(job)?.type === FAILED;
}

export function isJobSuspended(job: Job): boolean {
  return job.spec.suspend === true;
}
