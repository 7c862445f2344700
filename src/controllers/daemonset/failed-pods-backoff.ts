/**
 * The back-off on deleting failed daemon pods (daemon_controller.go failedPodsBackoff, a
 * flowcontrol.Backoff of 1 s doubling to 15 min), keyed per DaemonSet generation and node, so a
 * pod the kubelet keeps rejecting is not recreated in a hot loop.
 *
 *   failures at t=0, 0.5 s, 1.2 s, 3.5 s: delete (back-off 1 s), wait (0.5 < 1), delete (2 s),
 *   delete (2.3 ≥ 2; back-off 4 s). An entry idle for 2 × 15 min starts over at 1 s.
 */
const INITIAL_MS = 1_000;
const MAX_MS = 15 * 60_000;

export class FailedPodsBackoff {
  private entries = new Map<string, { backoff: number; lastUpdate: number }>();

  /** IsInBackOffSinceUpdate: the last step is more recent than its back-off. */
  inBackoff(key: string, now: number): boolean {
    const e = this.entries.get(key);
    return !!e && now - e.lastUpdate < e.backoff;
  }

  /** The current back-off, and how long until it has passed. */
  remaining(key: string, now: number): number {
    const e = this.entries.get(key);
    return e ? Math.max(0, e.lastUpdate + e.backoff - now) : 0;
  }

  /** Next: starts at 1 s (or again after a long idle), else doubles up to 15 min. */
  next(key: string, now: number): void {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * MAX_MS) this.entries.set(key, { backoff: INITIAL_MS, lastUpdate: now });
    else this.entries.set(key, { backoff: Math.min(e.backoff * 2, MAX_MS), lastUpdate: now });
  }
}
