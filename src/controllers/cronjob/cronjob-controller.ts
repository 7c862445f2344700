/**
 * The CronJob controller (k8s pkg/controller/cronjob/cronjob_controllerv2.go): watches CronJobs
 * and the Jobs they control, and syncs a CronJob key by cleaning up finished Jobs beyond the
 * history limits, then running sync.ts, then writing the status once. It is called again at the
 * next schedule time + 100 ms. A schedule or time zone change requeues for the new schedule's next
 * time rather than at once.
 */
import { clone, controllerRef, objectKey, splitKey } from '../../api/object-util.ts';
import type { ObjectStore, WatchEvent } from '../../api/store.ts';
import type { CronJob, Job } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import type { Controller, ControllerManager, ReconcileResult, WatchSpec } from '../runtime.ts';
import { finishedCondition } from '../job/conditions.ts';
import { parseSchedule, ScheduleError } from './schedule.ts';
import { syncCronJob, deleteJob, SOURCE, type CronDeps } from './sync.ts';
import { byJobStartTime, formatSchedule, nextScheduleDelay } from './utils.ts';

export class CronJobController implements Controller {
  readonly name = 'cronjob-controller';
  private deps: CronDeps;

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
    private events: EventRecorder,
    private manager: ControllerManager,
  ) {
    this.deps = { store, api, clock, events };
  }

  watches(): WatchSpec[] {
    return [
      { kind: 'CronJob', keys: (e) => this.cronJobEvent(e) },
      {
        kind: 'Job',
        keys: (e) => {
          const keys = new Set<string>();
          for (const job of [e.object, e.old]) {
            const ref = job && controllerRef(job);
            if (!ref || ref.kind !== 'CronJob') continue;
            const cj = this.store.get<CronJob>('CronJob', job!.metadata.namespace!, ref.name);
            if (cj && cj.metadata.uid === ref.uid) keys.add(objectKey(cj));
          }
          return keys;
        },
      },
    ];
  }

  /** updateCronJob: a new schedule or zone waits for its next time; any other change syncs now. */
  private cronJobEvent(e: WatchEvent): string[] {
    const cj = e.object as CronJob;
    const old = e.old as CronJob | undefined;
    if (e.type !== 'MODIFIED' || !old || (old.spec.schedule === cj.spec.schedule && old.spec.timeZone === cj.spec.timeZone)) return [objectKey(cj)];
    let sched;
    try {
      sched = parseSchedule(formatSchedule(cj));
    } catch (err) {
      if (!(err instanceof ScheduleError)) throw err;
      this.events.event(cj, 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cj.spec.schedule}`, SOURCE);
      return [];
    }
    this.manager.enqueueAfter(this.name, objectKey(cj), nextScheduleDelay(cj, this.clock.now(), sched));
    return [];
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const cj = this.store.get<CronJob>('CronJob', namespace, name);
    if (!cj) return;
    // getJobsToBeReconciled: every Job in the namespace whose controller is named like this CronJob.
    const jobs = this.store.list<Job>('Job', { namespace }).filter((j) => controllerRef(j)?.name === name);
    const copy = clone(cj);
    copy.status ??= {};
    const cleaned = this.cleanupFinishedJobs(copy, jobs);
    const result = syncCronJob(this.deps, copy, jobs);
    if (cleaned || result.updateStatus) this.writeStatus(copy);
    if (result.requeueAfter !== undefined) return { requeueAfter: Math.max(0, result.requeueAfter) };
  }

  private writeStatus(cj: CronJob): void {
    const stored = this.store.get<CronJob>('CronJob', cj.metadata.namespace!, cj.metadata.name);
    if (!stored || stored.metadata.uid !== cj.metadata.uid) return;
    const status = { ...(cj.status ?? {}) };
    if (!status.active?.length) delete status.active;
    try {
      this.api.updateStatus<CronJob>({ ...stored, status });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  /** cleanupFinishedJobs: the oldest finished Jobs beyond successful/failedJobsHistoryLimit go. */
  private cleanupFinishedJobs(cj: CronJob, jobs: Job[]): boolean {
    const { successfulJobsHistoryLimit: okLimit, failedJobsHistoryLimit: failLimit } = cj.spec;
    if (okLimit === undefined && failLimit === undefined) return false;
    const succeeded = jobs.filter((j) => finishedCondition(j)?.type === 'Complete');
    const failed = jobs.filter((j) => finishedCondition(j)?.type === 'Failed');
    let updated = false;
    if (okLimit !== undefined && this.removeOldest(cj, succeeded, okLimit)) updated = true;
    if (failLimit !== undefined && this.removeOldest(cj, failed, failLimit)) updated = true;
    return updated;
  }

  private removeOldest(cj: CronJob, jobs: Job[], keep: number): boolean {
    const n = jobs.length - keep;
    if (n <= 0) return false;
    let updated = false;
    for (const job of [...jobs].sort(byJobStartTime).slice(0, n)) if (deleteJob(this.deps, cj, job)) updated = true;
    return updated;
  }
}
