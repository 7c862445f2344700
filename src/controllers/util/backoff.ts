/**
 * Per-key exponential back-off for failed syncs (workqueue's ItemExponentialFailureRateLimiter:
 * 5 ms doubling to 1000 s), forgotten on the first success.
 */
export class FailureBackoff {
  private failures = new Map<string, number>();

  constructor(
    private baseMs = 5,
    private maxMs = 1_000_000,
  ) {}

  /** Records a failure and returns how long to wait before retrying. */
  next(key: string): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    return Math.min(this.maxMs, this.baseMs * 2 ** n);
  }

  forget(key: string): void {
    this.failures.delete(key);
  }
}
