/**
 * The controller runtime: store → watch → handler → work queue → reconcile(key), as client-go
 * and controller-runtime name it, made deterministic.
 *
 * One FIFO queue holds (controller, key) items; an item already waiting is not queued twice, and an
 * item re-added while it is being reconciled is reconciled again afterwards. `settle()` drains the
 * queue: controllers react to each other's writes until nothing is left to do, all within the
 * current virtual instant. A reconcile may ask to be called again after some virtual time; that
 * becomes a timer on the clock, the earliest request winning.
 */
import type { ObjectStore, WatchEvent } from '../api/store.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { Clock, TimerId } from '../sim/clock.ts';

export interface ReconcileResult {
  /** Reconcile this key again after this many virtual milliseconds. */
  requeueAfter?: number;
}

export interface WatchSpec {
  kind: string;
  /** The keys of this controller that the event concerns. */
  keys(event: WatchEvent): Iterable<string>;
}

export interface Controller {
  readonly name: string;
  watches(): WatchSpec[];
  reconcile(key: string): ReconcileResult | void;
}

interface Item {
  controller: Controller;
  key: string;
  id: string;
}

export class SettleLimitError extends Error {}

export class ControllerManager {
  private controllers = new Map<string, Controller>();
  private queue: Item[] = [];
  private head = 0;
  private waiting = new Set<string>();
  private timers = new Map<string, { id: TimerId; due: number }>();
  private settling = false;
  /** Consecutive failed syncs per item, for the retry back-off. */
  private failures = new Map<string, number>();
  /** Items reconciled since the cluster started (for benchmarks and loop detection). */
  processed = 0;

  constructor(
    private store: ObjectStore,
    private clock: Clock,
  ) {}

  register(controller: Controller): void {
    if (this.controllers.has(controller.name)) throw new Error(`controller ${controller.name} registered twice`);
    this.controllers.set(controller.name, controller);
    for (const w of controller.watches()) {
      this.store.watch(w.kind, (event) => {
        for (const key of w.keys(event)) this.add(controller, key);
      });
    }
  }

  get(name: string): Controller | undefined {
    return this.controllers.get(name);
  }

  /** Every registered controller's name, in registration order. */
  names(): string[] {
    return [...this.controllers.keys()];
  }

  enqueue(controllerName: string, key: string): void {
    const c = this.controllers.get(controllerName);
    if (!c) throw new Error(`no controller ${controllerName}`);
    this.add(c, key);
  }

  /** Queues a key after `ms` virtual milliseconds (an earlier pending request wins). */
  enqueueAfter(controllerName: string, key: string, ms: number): void {
    const c = this.controllers.get(controllerName);
    if (!c) throw new Error(`no controller ${controllerName}`);
    this.addAfter(c, key, ms);
  }

  private add(controller: Controller, key: string): void {
    const id = `${controller.name}\u0000${key}`;
    if (this.waiting.has(id)) return;
    this.waiting.add(id);
    this.queue.push({ controller, key, id });
  }

  private addAfter(controller: Controller, key: string, ms: number): void {
    if (ms <= 0) {
      this.add(controller, key);
      return;
    }
    const id = `${controller.name}\u0000${key}`;
    const due = this.clock.now() + ms;
    const existing = this.timers.get(id);
    if (existing && existing.due <= due) return;
    if (existing) this.clock.cancel(existing.id);
    const timerId = this.clock.at(due, () => {
      this.timers.delete(id);
      this.add(controller, key);
    });
    this.timers.set(id, { id: timerId, due });
  }

  pending(): number {
    return this.queue.length - this.head;
  }

  /**
   * Reconciles until the queue is empty. A cluster that never settles is a bug in a controller;
   * after `limit` items the loop stops and names the busiest controllers.
   */
  settle(limit = 2_000_000): number {
    if (this.settling) return 0;
    this.settling = true;
    let n = 0;
    const counts = new Map<string, number>();
    try {
      while (this.head < this.queue.length) {
        const item = this.queue[this.head++];
        if (this.head > 4096 && this.head * 2 > this.queue.length) {
          this.queue = this.queue.slice(this.head);
          this.head = 0;
        }
        this.waiting.delete(item.id);
        let result: ReconcileResult | void;
        try {
          result = item.controller.reconcile(item.key);
          this.failures.delete(item.id);
        } catch (e) {
          // A refused write (a conflict with a newer version, an object gone) is a failed sync:
          // the key is retried with back-off, as a controller's work queue does.
          if (!(e instanceof ApiError)) throw e;
          const n = this.failures.get(item.id) ?? 0;
          this.failures.set(item.id, n + 1);
          result = { requeueAfter: Math.min(1_000_000, 5 * 2 ** n) };
        }
        n++;
        this.processed++;
        if (n > limit / 2) counts.set(item.controller.name, (counts.get(item.controller.name) ?? 0) + 1);
        if (n > limit) {
          const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
          throw new SettleLimitError(`the cluster did not settle after ${limit} reconciles; busiest: ${busiest.map(([c, k]) => `${c} (${k})`).join(', ')}`);
        }
        if (result && result.requeueAfter !== undefined) this.addAfter(item.controller, item.key, result.requeueAfter);
      }
    } finally {
      this.settling = false;
    }
    return n;
  }
}
