/**
 * The virtual clock. Time is milliseconds since the Unix epoch, as a number.
 *
 * Timers fire in order of due time, then of insertion, never on the wall clock. Headless playback
 * jumps from one due time to the next; the TUI drives the same clock in real time × speed. The clock
 * never goes back: advancing to an earlier instant is an error.
 */
export type TimerId = number;

interface Timer {
  id: TimerId;
  due: number;
  seq: number;
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
  private heap: Timer[] = [];
  private live = new Map<TimerId, Timer>();

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  at(due: number, fn: () => void): TimerId {
    const timer: Timer = { id: ++this.seq, due: Math.max(due, this.current), seq: this.seq, fn };
    this.live.set(timer.id, timer);
    this.push(timer);
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
    return this.heap.length > 0 ? this.heap[0].due : undefined;
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
    const top = this.heap[0];
    if (!top || top.due > limit) return false;
    this.pop();
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
    while (this.heap.length > 0 && !this.live.has(this.heap[0].id)) this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
