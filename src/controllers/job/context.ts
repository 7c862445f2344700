/**
 * What one Job sync carries (k8s job_controller.go syncJobCtx) and what it needs from the cluster,
 * plus the status write, shaped as the API serves a Job's status: `ready` and `terminating` are
 * always present (pointers in the Go type), zero counters are omitted, and
 * `uncountedTerminatedPods` is `{}` when nothing is pending.
 */
import { clone } from '../../api/object-util.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { Condition, Job, JobStatus, Pod } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import type { BackoffRecord, BackoffStore } from './backoff.ts';
import type { Intervals } from './indexes.ts';

export const SOURCE = { component: 'job-controller' };
/** syncJobBatchPeriod: pod events and status-only updates reach the Job's sync a second later. */
export const SYNC_BATCH_MS = 1000;
/** MaxPodCreateDeletePerSync and MaxUncountedPods. */
export const MAX_POD_CREATE_DELETE = 500;
export const MAX_UNCOUNTED_PODS = 500;

export interface JobDeps {
  store: ObjectStore;
  api: ApiServer;
  clock: Clock;
  events: EventRecorder;
  backoff: BackoffStore;
  /** Syncs the Job with this key again after `ms` (an earlier request wins). */
  enqueueAfter(key: string, ms: number): void;
}

export interface JobCtx {
  key: string;
  /** The working copy; its status is what the sync writes. */
  job: Job;
  pods: Pod[];
  activePods: Pod[];
  /** The condition the Job is heading to (interim or terminal), if it is finishing. */
  finished?: Condition;
  succeeded: number;
  failed: number;
  prevSucceededIndexes: Intervals;
  succeededIndexes: Intervals;
  /** Only with backoffLimitPerIndex. */
  failedIndexes?: Intervals;
  newBackoff: BackoffRecord;
  /** The uncounted pod uids as the sync found them. */
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  /** backoffLimitPerIndex: per index, the failed pod whose removal waits for its replacement. */
  delayedDeletion: Map<number, Pod>;
  terminating: number;
  ready: number;
}

export function status(ctx: JobCtx): JobStatus {
  ctx.job.status ??= {};
  return ctx.job.status;
}

export function uncountedLists(s: JobStatus): { succeeded: string[]; failed: string[] } {
  const u = s.uncountedTerminatedPods ?? {};
  const lists = { succeeded: [...(u.succeeded ?? [])], failed: [...(u.failed ?? [])] };
  s.uncountedTerminatedPods = lists;
  return lists;
}

/** The status as the API would serve it. */
export function normalizeStatus(s: JobStatus): JobStatus {
  const out: JobStatus = {};
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.startTime) out.startTime = s.startTime;
  if (s.completionTime) out.completionTime = s.completionTime;
  if (s.active) out.active = s.active;
  if (s.succeeded) out.succeeded = s.succeeded;
  if (s.failed) out.failed = s.failed;
  if (s.terminating !== undefined) out.terminating = s.terminating;
  if (s.completedIndexes) out.completedIndexes = s.completedIndexes;
  if (s.failedIndexes !== undefined) out.failedIndexes = s.failedIndexes;
  const u = s.uncountedTerminatedPods ?? {};
  out.uncountedTerminatedPods = {};
  if (u.succeeded?.length) out.uncountedTerminatedPods.succeeded = [...u.succeeded];
  if (u.failed?.length) out.uncountedTerminatedPods.failed = [...u.failed];
  if (s.ready !== undefined) out.ready = s.ready;
  return out;
}

/** Writes the working status; the working copy then follows the stored Job. */
export function writeStatus(deps: JobDeps, ctx: JobCtx): boolean {
  const stored = deps.store.get<Job>('Job', ctx.job.metadata.namespace!, ctx.job.metadata.name);
  if (!stored || stored.metadata.uid !== ctx.job.metadata.uid) return false;
  try {
    const written = deps.api.updateStatus<Job>({ ...stored, status: normalizeStatus(status(ctx)) });
    const keep = status(ctx);
    ctx.job = clone(written);
    // Keep the working lists (the normalised copy drops empty ones).
    ctx.job.status = { ...clone(written.status ?? {}), uncountedTerminatedPods: keep.uncountedTerminatedPods };
    return true;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return false;
  }
}
