/**
 * The simulated cluster: a virtual clock, seeded random streams, the object store behind the API
 * server, and every controller, the scheduler and the kubelets, wired together.
 *
 * Time only moves through advanceTo/advanceBy/advanceUntil. Every change made at an instant is
 * followed by settle(): controllers react to each other until nothing is left to do, so a step
 * of a scenario sees the cluster as Kubernetes leaves it "in a blink".
 */
import { ObjectStore } from '../api/store.ts';
import { ApiServer } from '../apiserver/apiserver.ts';
import { createAdmission } from '../admission/index.ts';
import { ControllerManager } from '../controllers/runtime.ts';
import { EventRecorder } from '../events/recorder.ts';
import { VirtualClock } from '../sim/clock.ts';
import { SeededRandom } from '../sim/random.ts';
import { ImageCatalog, type ImageEntry } from '../kubelet/images.ts';
import { BUILTIN_IMAGES } from '../kubelet/catalog-builtin.ts';
import { bootstrapCluster, type NodeConfig } from './bootstrap.ts';
import { registerComponents, type Components } from './components.ts';

/** 2025-01-06T09:00:00Z, a Monday: the default first instant, so runs repeat exactly. */
export const DEFAULT_START = Date.UTC(2025, 0, 6, 9, 0, 0);

/**
 * The cluster is set up this long before `start` and left to run, so that at `start` its system
 * pods have long been running (and their start-up events have expired), as on a real cluster a
 * learner connects to.
 */
export const WARMUP_MS = 2 * 60 * 60 * 1000;

export interface ClusterOptions {
  seed?: number | string;
  /** The first instant, in ms since the epoch. */
  start?: number;
  /** Replaces the default nodes (master, worker1, worker2) when given. */
  nodes?: NodeConfig[];
  /** Added to the built-in image catalog. */
  images?: ImageEntry[];
}

/** Random streams by purpose, so one kind of draw never shifts another. */
export interface RandomStreams {
  names: SeededRandom;
  uids: SeededRandom;
  ips: SeededRandom;
  failures: SeededRandom;
  scheduler: SeededRandom;
  network: SeededRandom;
}

export class Cluster {
  readonly seed: number | string;
  readonly clock: VirtualClock;
  readonly random: RandomStreams;
  readonly store: ObjectStore;
  readonly api: ApiServer;
  readonly controllers: ControllerManager;
  readonly events: EventRecorder;
  readonly images: ImageCatalog;
  readonly components: Components;

  constructor(opts: ClusterOptions = {}) {
    this.seed = opts.seed ?? 1;
    const stream = (purpose: string) => SeededRandom.forPurpose(this.seed, purpose);
    this.random = {
      names: stream('names'),
      uids: stream('uids'),
      ips: stream('ips'),
      failures: stream('failures'),
      scheduler: stream('scheduler'),
      network: stream('network'),
    };
    const start = opts.start ?? DEFAULT_START;
    this.clock = new VirtualClock(start - WARMUP_MS);
    this.store = new ObjectStore();
    this.api = new ApiServer({
      store: this.store,
      clock: this.clock,
      names: this.random.names,
      uids: this.random.uids,
      ips: this.random.ips,
      admission: createAdmission(),
    });
    this.controllers = new ControllerManager(this.store, this.clock);
    this.events = new EventRecorder(this.api, this.clock);
    this.images = new ImageCatalog(opts.images ?? [], BUILTIN_IMAGES);
    this.components = registerComponents(this);
    bootstrapCluster(this, opts.nodes);
    this.settle();
    this.advanceTo(start);
  }

  now(): number {
    return this.clock.now();
  }

  /** Lets controllers, the scheduler and kubelets react until nothing is left to do at this instant. */
  settle(): void {
    this.controllers.settle();
  }

  /** Runs `fn` (a change made at this instant), then settles. */
  act<T>(fn: () => T): T {
    try {
      return fn();
    } finally {
      this.settle();
    }
  }

  /** The next instant at which something is scheduled to happen, if anything is. */
  nextEventTime(): number | undefined {
    return this.clock.nextDue();
  }

  /**
   * Fires every timer due at the next instant (if it is at or before `limit`), then settles once:
   * what happens at the same moment is seen by the controllers together, as their work queues
   * coalesce a burst of events.
   */
  private fireInstant(limit: number): boolean {
    const next = this.clock.nextDue();
    if (next === undefined || next > limit) return false;
    while (this.clock.fireNext(next));
    this.settle();
    return true;
  }

  /** Advances virtual time to `t`, instant by instant, settling after each. */
  advanceTo(t: number): void {
    while (this.fireInstant(t));
    this.clock.setTime(t);
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.clock.now() + ms);
  }

  /**
   * Advances from instant to instant until `check` holds (checked now, then after each instant at
   * which something happened) or `timeoutMs` passes. Returns whether it held.
   */
  advanceUntil(check: () => boolean, timeoutMs: number): boolean {
    const deadline = this.clock.now() + timeoutMs;
    if (check()) return true;
    for (;;) {
      const next = this.clock.nextDue();
      if (next === undefined || next > deadline) {
        this.clock.setTime(deadline);
        return check();
      }
      // Fire everything due at that instant, settle, then look.
      this.fireInstant(next);
      if (check()) return true;
    }
  }

  /** Moves to the next instant at which something happens (the TUI's "step" key). */
  stepToNextEvent(limit?: number): boolean {
    return this.fireInstant(limit ?? Infinity);
  }
}
