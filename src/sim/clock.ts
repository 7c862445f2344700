/**
 * The virtual clock. Time is milliseconds since the Unix epoch, as a number.
 *
 * Timers fire in order of due time, then of insertion, never on the wall clock. Headless playback
 * jumps from one due time to the next; the TUI drives the same clock in real time × speed. The clock
 * never goes back: advancing to an earlier instant is an error.
 */
import { DueQueue } from './due-queue.ts';

export type TimerId = number;

interface Timer {
  id: TimerId;
  due: number;
  fn: () => void;
}

export interface Clock {
  now(): number;
  /** Runs `fn` when virtual time reaches `due` (immediately-due timers still wait for the next advance). */
  at(due: number, fn: () => void): TimerId;
  /** Runs `fn` after `ms` virtual milliseconds. */
  after(ms: number, fn: () => void): TimerId;
  cancel(id: TimerId): void;
}

export class VirtualClock implements Clock {
  private current: number;
  private seq = 0;
  private queue = new DueQueue<Timer>();
  private live = new Map<TimerId, Timer>();

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  at(due: number, fn: () => void): TimerId {
    const timer: Timer = { id: ++this.seq, due: Math.max(due, this.current), fn };
    this.live.set(timer.id, timer);
    this.queue.push(timer);
    return timer.id;
  }

  after(ms: number, fn: () => void): TimerId {
    return this.at(this.current + Math.max(0, ms), fn);
  }

  cancel(id: TimerId): void {
    this.live.delete(id);
  }

  /** The due time of the earliest pending timer, or undefined when none is pending. */
  nextDue(): number | undefined {
    this.dropCancelled();
    return this.queue.peek()?.due;
  }

  pending(): number {
    return this.live.size;
  }

  /**
   * Fires the earliest pending timer if it is due at or before `limit`, moving the clock to its due
   * time. Returns false when no timer is due by `limit`.
   */
  fireNext(limit: number): boolean {
    this.dropCancelled();
    const top = this.queue.peek();
    if (!top || top.due > limit) return false;
    this.queue.pop();
    this.live.delete(top.id);
    this.current = Math.max(this.current, top.due);
    top.fn();
    return true;
  }

  /** Moves the clock to `t` without firing anything; callers fire due timers first. */
  setTime(t: number): void {
    if (t < this.current) throw new Error(`the clock cannot go back from ${this.current} to ${t}`);
    this.current = t;
  }

  private dropCancelled(): void {
    for (let top = this.queue.peek(); top && !this.live.has(top.id); top = this.queue.peek()) this.queue.pop();
  }
}
