/**
 * Node leases (kube-node-lease): a running kubelet renews its lease continuously; a stopped one
 * leaves it at the time it stopped. The node lifecycle controller reads them to tell a dead
 * kubelet from a live one.
 */
import type { Clock } from '../sim/clock.ts';

/** The kubelet renews its lease every 10 s (a quarter of the 40 s lease duration). */
export const LEASE_RENEW_INTERVAL_MS = 10_000;

export class NodeLeases {
  private stoppedAt = new Map<string, number>();
  private startedAt = new Map<string, number>();
  private known = new Set<string>();

  constructor(private clock: Clock) {}

  renewing(node: string): void {
    this.known.add(node);
    this.stoppedAt.delete(node);
    this.startedAt.set(node, this.clock.now());
  }

  stopped(node: string): void {
    this.known.add(node);
    this.stoppedAt.set(node, this.clock.now());
  }

  forget(node: string): void {
    this.known.delete(node);
    this.stoppedAt.delete(node);
    this.startedAt.delete(node);
  }

  /** Whether the node's kubelet is renewing its lease. */
  alive(node: string): boolean {
    return this.known.has(node) && !this.stoppedAt.has(node);
  }

  /** When the node's kubelet last renewed its lease: now while it runs; undefined for no kubelet. */
  lastRenewal(node: string): number | undefined {
    if (!this.known.has(node)) return undefined;
    return this.stoppedAt.get(node) ?? this.clock.now();
  }

  /**
   * The lease's spec.renewTime as `kubectl describe node` shows it: the last 10 s tick since the
   * kubelet (re)started, or the last one before it stopped. Started at 09:00:00, at 09:02:35 it
   * reads 09:02:30.
   */
  renewTime(node: string): number | undefined {
    const start = this.startedAt.get(node);
    if (!this.known.has(node) || start === undefined) return undefined;
    const until = this.stoppedAt.get(node) ?? this.clock.now();
    return start + Math.floor(Math.max(0, until - start) / LEASE_RENEW_INTERVAL_MS) * LEASE_RENEW_INTERVAL_MS;
  }
}
