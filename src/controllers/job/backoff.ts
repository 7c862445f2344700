/**
 * The pod re-creation back-off of a Job (k8s pkg/controller/job/backoff_utils.go). The controller
 * remembers, per Job, how many pods failed since the last success and when the last one finished;
 * a replacement waits `10 s × 2^(n-1)`, capped at 10 minutes, counted from that finish time.
 *
 * Worked example: failures 1, 2, 3, 4 … wait 10 s, 20 s, 40 s, 80 s …; the 7th waits
 * 10 × 2^6 = 640 s, capped to 600 s, and so does every later one. If the last failure finished at
 * 12:00:00 and it is now 12:00:02 after a 2nd failure, 18 s remain. A success resets the count.
 */
import type { Pod } from '../../api/types/index.ts';
import { finishedTime } from './pods.ts';

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  key: string;
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/**
 * getRemainingTimeForFailuresCount: how long a replacement must still wait after `failures`
 * consecutive failures, the last of which finished at `lastFailure`.
 */
export function remainingBackoff(failures: number, lastFailure: number | undefined, now: number, base = POD_FAILURE_BACKOFF_MS, max = MAX_POD_FAILURE_BACKOFF_MS): number {
  if (failures === 0 || lastFailure === undefined) return 0;
  let backoff = base;
  for (let i = 1; i < failures; i++) {
    backoff *= 2;
    if (backoff >= max) {
      backoff = max;
      break;
    }
  }
  const elapsed = now - lastFailure;
  return backoff < elapsed ? 0 : backoff - elapsed;
}

/** The in-memory store of records, forgotten when a Job finishes or goes away. */
export class BackoffStore {
  private records = new Map<string, BackoffRecord>();

  /**
   * newBackoffRecord: the record after counting the pods that newly succeeded or failed. Failures
   * that finished after the newest success count; a success with no later failure resets.
   */
  next(key: string, succeeded: Pod[], failed: Pod[]): BackoffRecord {
    const old = this.records.get(key);
    const rec: BackoffRecord = { key, failuresAfterLastSuccess: old?.failuresAfterLastSuccess ?? 0, lastFailureTime: old?.lastFailureTime };
    const failTimes = failed.map(finishedTime).sort((a, b) => a - b);
    if (succeeded.length === 0) {
      if (failTimes.length === 0) return rec;
      rec.failuresAfterLastSuccess += failTimes.length;
      rec.lastFailureTime = failTimes[failTimes.length - 1];
      return rec;
    }
    rec.failuresAfterLastSuccess = 0;
    rec.lastFailureTime = undefined;
    const lastSuccess = Math.max(...succeeded.map(finishedTime));
    for (let i = failTimes.length - 1; i >= 0; i--) {
      if (!(failTimes[i] > lastSuccess)) break;
      if (rec.lastFailureTime === undefined) rec.lastFailureTime = failTimes[i];
      rec.failuresAfterLastSuccess++;
    }
    return rec;
  }

  update(rec: BackoffRecord): void {
    this.records.set(rec.key, { ...rec });
  }

  remove(key: string): void {
    this.records.delete(key);
  }
}
