/**
 * CronJob arithmetic and Job building (k8s pkg/controller/cronjob/utils.go), pure functions of
 * the CronJob, the schedule and the current instant.
 *
 * mostRecentScheduleTime looks for the latest schedule time in (earliest, now], where earliest is
 * lastScheduleTime, else the creation time, moved up to now − startingDeadlineSeconds when that is
 * later. It estimates how many times were missed from the first two gaps, so it never walks more
 * than a few schedule times. Worked example, `*\/2 * * * *` created 09:00:30, now 09:07:00: the
 * times after earliest are 09:02, 09:04, so the gap is 120 s and (420 − 120) / 120 + 1 = 3 were
 * missed (09:02, 09:04, 09:06); the most recent, 09:06, is the one to start. More than 100 missed
 * is "many" (the TooManyMissedTimes warning), but the most recent one still starts.
 */
import { clone } from '../../api/object-util.ts';
import type { CronJob, Job } from '../../api/types/index.ts';
import { nextAfter, type Schedule } from './schedule.ts';
import { Zone } from './zone.ts';

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
export const INSTANTIATE_ANNOTATION = 'cronjob.kubernetes.io/instantiate';
/** nextScheduleDelta: the controller wakes 100 ms after a schedule time, against clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  earliest: number;
  mostRecent?: number;
  missed: Missed;
  /** The schedule never fires twice a second apart (e.g. `59 23 31 2 *`). */
  error?: string;
}

export function mostRecentScheduleTime(cj: CronJob, now: number, sched: Schedule, withDeadline: boolean): MostRecent {
  let earliest = Date.parse(cj.metadata.creationTimestamp ?? '');
  if (cj.status?.lastScheduleTime) earliest = Date.parse(cj.status.lastScheduleTime);
  const deadline = cj.spec.startingDeadlineSeconds;
  if (withDeadline && deadline !== undefined && deadline !== null) {
    const limit = now - deadline * 1000;
    if (limit > earliest) earliest = limit;
  }
  const t1 = nextAfter(sched, earliest);
  const t2 = t1 === undefined ? undefined : nextAfter(sched, t1);
  // A schedule that never fires (`59 23 31 2 *`) gives Go's zero time, which is in the past.
  const tooClose = { earliest, missed: 'none' as const, error: 'time difference between two schedules is less than 1 second' };
  if (t1 === undefined) return tooClose;
  if (now < t1) return { earliest, missed: 'none' };
  if (t2 === undefined) return tooClose;
  if (now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const gap = Math.round((t2 - t1) / 1000);
  if (gap < 1) return tooClose;
  const elapsed = Math.trunc((now - t1) / 1000);
  const missedCount = Math.trunc(elapsed / gap) + 1;
  let mostRecent: number | undefined;
  const from = t1 + (missedCount - 2) * gap * 1000;
  for (let t = nextAfter(sched, from); t !== undefined && t <= now; t = nextAfter(sched, t)) mostRecent = t;
  const missed: Missed = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** nextScheduleTimeDuration: how long until the next schedule time after the most recent one, + 100 ms. */
export function nextScheduleDelay(cj: CronJob, now: number, sched: Schedule): number {
  const r = mostRecentScheduleTime(cj, now, sched, false);
  let base: number;
  if (r.error) base = now;
  else if (r.mostRecent !== undefined) base = r.mostRecent;
  else base = r.missed === 'none' ? r.earliest : now;
  const next = nextAfter(sched, base);
  // A schedule that never fires again (Feb 31st): look again in a long while.
  if (next === undefined) return 365 * 24 * 3600_000;
  return next + NEXT_SCHEDULE_DELTA_MS - now;
}

/** The Job's name: the CronJob's, a dash, and the scheduled time in minutes since the epoch. */
export function jobName(cj: CronJob, scheduled: number): string {
  return `${cj.metadata.name}-${Math.floor(Math.floor(scheduled / 1000) / 60)}`;
}

/** formatSchedule: the schedule with `TZ=<spec.timeZone>` in front (unless it names a zone itself). */
export function formatSchedule(cj: CronJob): string {
  const s = cj.spec.schedule;
  if (s.includes('TZ')) return s;
  return cj.spec.timeZone ? `TZ=${cj.spec.timeZone} ${s}` : s;
}

/**
 * getJobFromTemplate2: the Job for one scheduled run: the template's labels and annotations, the
 * scheduled time (RFC 3339 in the CronJob's zone) as an annotation, a controller reference.
 */
export function jobFromTemplate(cj: CronJob, scheduled: number): Job {
  const meta = cj.spec.jobTemplate.metadata ?? {};
  const annotations: Record<string, string> = { ...(meta.annotations ?? {}) };
  annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = new Zone(cj.spec.timeZone ?? '').rfc3339(scheduled);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cj, scheduled),
      namespace: cj.metadata.namespace,
      ...(meta.labels && Object.keys(meta.labels).length ? { labels: { ...meta.labels } } : {}),
      annotations,
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: clone(cj.spec.jobTemplate.spec),
  };
}

/**
 * `kubectl create job NAME --from=cronjob/CJ` (kubectl create_job.go createJobFromCronJob): the
 * template's spec, labels and annotations plus `cronjob.kubernetes.io/instantiate: manual`, and a
 * controller reference to the CronJob without blockOwnerDeletion, as current kubectl writes it. The
 * CronJob therefore counts the Job among its own: it warns UnexpectedJob while the Job runs, and
 * its history limits apply to it once finished; deleting the CronJob deletes it.
 */
export function createJobFromCronJob(cj: CronJob, name: string): Job {
  const meta = cj.spec.jobTemplate.metadata ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: cj.metadata.namespace,
      annotations: { [INSTANTIATE_ANNOTATION]: 'manual', ...(meta.annotations ?? {}) },
      ...(meta.labels && Object.keys(meta.labels).length ? { labels: { ...meta.labels } } : {}),
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid!, controller: true }],
    },
    spec: clone(cj.spec.jobTemplate.spec),
  };
}

/** byJobStartTime: jobs with a startTime first, earliest first; then by name. */
export function byJobStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (!sa && sb) return 1;
  if (sa && !sb) return -1;
  if (sa && sb && sa !== sb) return Date.parse(sa) - Date.parse(sb);
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
