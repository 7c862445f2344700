/**
 * The TTL-after-finished controller (k8s pkg/controller/ttlafterfinished): a finished Job with
 * `spec.ttlSecondsAfterFinished` is deleted that many seconds after it finished, i.e. after the
 * lastTransitionTime of its Complete or Failed condition. The deletion cascades in the foreground
 * (the Job shows Terminating until its pods are gone) and is made only if the uid still matches.
 *
 * Worked example: pi completes at 09:01:05 with ttlSecondsAfterFinished 30; the controller asks to
 * be called again in 30 s and at 09:01:35 deletes the Job and, with it, its pods.
 */
import { objectKey, splitKey } from '../api/object-util.ts';
import type { ObjectStore } from '../api/store.ts';
import type { Job } from '../api/types/index.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { Clock } from '../sim/clock.ts';
import { finishedCondition } from './job/conditions.ts';
import type { Controller, ReconcileResult, WatchSpec } from './runtime.ts';

/** When the Job's TTL runs out (ms since the epoch), or undefined if it never will. */
export function ttlExpiry(job: Job): number | undefined {
  const ttl = job.spec.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null) return undefined;
  const finished = finishedCondition(job);
  if (!finished?.lastTransitionTime) return undefined;
  return Date.parse(finished.lastTransitionTime) + ttl * 1000;
}

export class TtlAfterFinishedController implements Controller {
  readonly name = 'ttl-after-finished-controller';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
  ) {}

  watches(): WatchSpec[] {
    return [
      {
        kind: 'Job',
        keys: (e) => {
          if (e.type === 'DELETED') return [];
          const job = e.object as Job;
          return !job.metadata.deletionTimestamp && ttlExpiry(job) !== undefined ? [objectKey(job)] : [];
        },
      },
    ];
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const job = this.store.get<Job>('Job', namespace, name);
    if (!job || job.metadata.deletionTimestamp) return;
    const expiry = ttlExpiry(job);
    if (expiry === undefined) return;
    const left = expiry - this.clock.now();
    if (left > 0) return { requeueAfter: left };
    try {
      this.api.delete('Job', namespace, name, { propagationPolicy: 'Foreground', uid: job.metadata.uid });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}
