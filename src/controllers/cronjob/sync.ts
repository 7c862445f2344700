/**
 * syncCronJob (k8s cronjob_controllerv2.go), step by step:
 *
 *  1. status.active against the child Jobs: a finished one leaves (Normal SawCompletedJob
 *     "Saw completed job: pi-29000000, status: Complete"), a vanished one leaves (Normal
 *     MissingJob "Active job went missing: ..."), an unfinished one not listed is reported
 *     (Warning UnexpectedJob); lastSuccessfulTime = the latest completionTime of a succeeded Job.
 *  2. A CronJob being deleted, with an unknown time zone (Warning UnknownTimeZone) or suspended
 *     creates nothing.
 *  3. The most recent unmet schedule time (utils.ts); more than 100 missed → Warning
 *     TooManyMissedTimes, yet that time still starts.
 *  4. Later than startingDeadlineSeconds → Warning MissSchedule "Missed scheduled time to start a
 *     job: Mon, 06 Jan 2025 09:02:00 +0000", nothing started.
 *  5. Already started (its Job is active, or lastScheduleTime is that time) → nothing.
 *  6. Forbid with an active Job → Normal JobAlreadyActive, that run is skipped; Replace → every
 *     active Job is deleted (background) with Normal SuccessfulDelete "Deleted job ...".
 *  7. The Job `<cronjob>-<minutes since epoch>` is created (Normal SuccessfulCreate "Created job
 *     ..."), added to status.active, and lastScheduleTime set.
 *  8. Called again at the next schedule time + 100 ms.
 */
import { rfc3339 } from '../../api/duration.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { CronJob, CronJobStatus, Job } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import { finishedCondition, isJobFinished } from '../job/conditions.ts';
import { parseSchedule, ScheduleError, type Schedule } from './schedule.ts';
import { formatSchedule, jobFromTemplate, jobName, mostRecentScheduleTime, nextScheduleDelay } from './utils.ts';
import { isKnownZone, rfc1123z } from './zone.ts';

export const SOURCE = { component: 'cronjob-controller' };

export interface CronDeps {
  store: ObjectStore;
  api: ApiServer;
  clock: Clock;
  events: EventRecorder;
}

export interface SyncResult {
  requeueAfter?: number;
  updateStatus: boolean;
}

type ActiveRef = NonNullable<CronJobStatus['active']>[number];

function refTo(job: Job): ActiveRef {
  return { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion };
}

function removeActive(cj: CronJob, uid: string | undefined): void {
  cj.status!.active = (cj.status!.active ?? []).filter((r) => r.uid !== uid);
}

/** deleteJob: background deletion of a Job, its reference dropped from status.active. */
export function deleteJob(deps: CronDeps, cj: CronJob, job: Job): boolean {
  try {
    deps.api.delete('Job', job.metadata.namespace!, job.metadata.name, { propagationPolicy: 'Background' });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.reason !== 'NotFound') {
      deps.events.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${e.message}`, SOURCE);
      return false;
    }
  }
  removeActive(cj, job.metadata.uid);
  deps.events.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, SOURCE);
  return true;
}

/** Step 1: status.active and lastSuccessfulTime from the child Jobs. */
function reconcileActive(deps: CronDeps, cj: CronJob, jobs: Job[]): boolean {
  const status = cj.status!;
  let update = false;
  const children = new Set(jobs.map((j) => j.metadata.uid));
  for (const j of jobs) {
    const listed = (status.active ?? []).some((r) => r.uid === j.metadata.uid);
    if (!listed && !isJobFinished(j)) {
      deps.events.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`, SOURCE);
    } else if (listed && isJobFinished(j)) {
      removeActive(cj, j.metadata.uid);
      deps.events.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, status: ${finishedCondition(j)!.type}`, SOURCE);
      update = true;
    } else if (finishedCondition(j)?.type === 'Complete') {
      const done = j.status?.completionTime;
      if (!status.lastSuccessfulTime && done) {
        status.lastSuccessfulTime = done;
        update = true;
      }
      if (done && status.lastSuccessfulTime && Date.parse(done) > Date.parse(status.lastSuccessfulTime)) {
        status.lastSuccessfulTime = done;
        update = true;
      }
    }
  }
  for (const ref of [...(status.active ?? [])]) {
    if (children.has(ref.uid)) continue;
    if (deps.store.get('Job', ref.namespace ?? cj.metadata.namespace!, ref.name)) continue;
    deps.events.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`, SOURCE);
    removeActive(cj, ref.uid);
    update = true;
  }
  return update;
}

export function syncCronJob(deps: CronDeps, cj: CronJob, jobs: Job[]): SyncResult {
  const now = deps.clock.now();
  let updateStatus = reconcileActive(deps, cj, jobs);
  if (cj.metadata.deletionTimestamp) return { updateStatus };
  const tz = cj.spec.timeZone;
  if (tz !== undefined && tz !== null && !isKnownZone(tz)) {
    deps.events.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(tz)}: unknown time zone ${tz}`, SOURCE);
    return { updateStatus };
  }
  if (cj.spec.suspend) return { updateStatus };
  if (cj.spec.schedule.includes('TZ')) {
    deps.events.event(cj, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(cj.spec.schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`, SOURCE);
  }
  let sched: Schedule;
  try {
    sched = parseSchedule(formatSchedule(cj));
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    deps.events.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${e.message}`, SOURCE);
    return { updateStatus };
  }
  const later = () => ({ requeueAfter: nextScheduleDelay(cj, now, sched), updateStatus });
  const recent = mostRecentScheduleTime(cj, now, sched, true);
  if (recent.error) {
    deps.events.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${recent.error}`, SOURCE);
    return { updateStatus };
  }
  const scheduled = recent.mostRecent;
  if (scheduled === undefined || scheduled > now) return later();
  if (recent.missed === 'many') {
    deps.events.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew', SOURCE);
  }
  const deadline = cj.spec.startingDeadlineSeconds;
  if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now) {
    deps.events.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`, SOURCE);
    return later();
  }
  const name = jobName(cj, scheduled);
  const last = cj.status!.lastScheduleTime;
  if ((cj.status!.active ?? []).some((r) => r.name === name && (r.namespace ?? cj.metadata.namespace) === cj.metadata.namespace) || (last && Date.parse(last) === scheduled)) {
    return later();
  }
  const policy = cj.spec.concurrencyPolicy ?? 'Allow';
  if (policy === 'Forbid' && (cj.status!.active ?? []).length > 0) {
    deps.events.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', SOURCE);
    return later();
  }
  if (policy === 'Replace') {
    for (const ref of [...(cj.status!.active ?? [])]) {
      const job = deps.store.get<Job>('Job', ref.namespace ?? cj.metadata.namespace!, ref.name);
      if (!job) {
        deps.events.event(cj, 'Warning', 'FailedGet', `Get job: jobs.batch "${ref.name}" not found`, SOURCE);
        return { updateStatus };
      }
      if (!deleteJob(deps, cj, job)) return { updateStatus };
      updateStatus = true;
    }
  }
  let created: Job;
  try {
    created = deps.api.create(jobFromTemplate(cj, scheduled));
    deps.events.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`, SOURCE);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (/because it is being terminated/.test(e.message)) return { updateStatus };
    if (e.reason !== 'AlreadyExists') {
      deps.events.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${e.message}`, SOURCE);
      return { updateStatus };
    }
    // Created before, but the status did not record it: record it now if it is ours.
    const existing = deps.store.get<Job>('Job', cj.metadata.namespace!, name);
    if (!existing || existing.metadata.ownerReferences?.find((r) => r.controller)?.uid !== cj.metadata.uid) return { updateStatus };
    if ((cj.status!.active ?? []).some((r) => r.uid === existing.metadata.uid)) return { updateStatus };
    created = existing;
  }
  cj.status!.active = [...(cj.status!.active ?? []), refTo(created)];
  cj.status!.lastScheduleTime = rfc3339(scheduled);
  return { requeueAfter: nextScheduleDelay(cj, now, sched), updateStatus: true };
}
