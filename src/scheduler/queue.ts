/**
 * The scheduling queue's memory of pods that did not fit (k8s backend/queue): how many attempts
 * each has had and when the last was, for the per-pod back-off (1 s doubling to 10 s), and which
 * pods are waiting as unschedulable, to be retried when the cluster changes or after 5 minutes
 * (podMaxInUnschedulablePodsDuration).
 */
export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;
export const MAX_UNSCHEDULABLE_MS = 5 * 60_000;

interface Attempt {
  attempts: number;
  lastAttempt: number;
}

export class SchedulingQueue {
  private unschedulable = new Map<string, Attempt>();

  recordFailure(key: string, now: number): void {
    const a = this.unschedulable.get(key);
    this.unschedulable.set(key, { attempts: (a?.attempts ?? 0) + 1, lastAttempt: now });
  }

  forget(key: string): void {
    this.unschedulable.delete(key);
  }

  /** Milliseconds until the pod's back-off ends (0 when it may be tried now). */
  backoffRemaining(key: string, now: number): number {
    const a = this.unschedulable.get(key);
    if (!a) return 0;
    const backoff = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** (a.attempts - 1));
    return Math.max(0, a.lastAttempt + backoff - now);
  }

  /** Keys of every pod waiting as unschedulable (to retry after a cluster change). */
  unschedulableKeys(): string[] {
    return [...this.unschedulable.keys()];
  }

  size(): number {
    return this.unschedulable.size;
  }
}
