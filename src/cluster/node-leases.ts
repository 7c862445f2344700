/**
 * Node leases (kube-node-lease): a running kubelet renews its lease continuously; a stopped one
 * leaves it at the time it stopped. The node lifecycle controller reads them to tell a dead
 * kubelet from a live one.
 */
import type { Clock } from '../sim/clock.ts';

export class NodeLeases {
  private stoppedAt = new Map<string, number>();
  private known = new Set<string>();

  constructor(private clock: Clock) {}

  renewing(node: string): void {
    this.known.add(node);
    this.stoppedAt.delete(node);
  }

  stopped(node: string): void {
    this.known.add(node);
    this.stoppedAt.set(node, this.clock.now());
  }

  forget(node: string): void {
    this.known.delete(node);
    this.stoppedAt.delete(node);
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
}
