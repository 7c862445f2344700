/**
 * Measuring tools for the benchmarks: wall time, heap after a collection, and time spent in each
 * controller's reconcile (wrapped from outside, so the simulation itself never reads real time).
 */
import type { Cluster } from '../../src/cluster/cluster.ts';

export function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
}

export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

/** Time per controller, in ms, since the last reset. */
export class ControllerTimes {
  private totals = new Map<string, number>();

  constructor(cluster: Cluster) {
    for (const name of cluster.controllers.names()) {
      const c = cluster.controllers.get(name)!;
      const reconcile = c.reconcile.bind(c);
      c.reconcile = (key: string) => {
        const t = performance.now();
        try {
          return reconcile(key);
        } finally {
          this.totals.set(name, (this.totals.get(name) ?? 0) + performance.now() - t);
        }
      };
    }
  }

  get(name: string): number {
    return this.totals.get(name) ?? 0;
  }

  reset(): void {
    this.totals.clear();
  }

  /** The controllers that took the most time, as `name 123 ms`. */
  top(n: number): string {
    return [...this.totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => `${name} ${Math.round(ms)} ms`)
      .join(', ');
  }
}

/** A table in columns, like kubectl's. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join('')).join('\n');
}
