/**
 * The TUI's clock: virtual time runs at real time × speed (×1, ×2, ×5, ×10, ×60, ×600), can be
 * paused, and can jump to the next instant at which something is scheduled. Time moves through
 * an Advancer: the cluster itself, or a scenario driver that stops at the end of a `wait`, looks
 * at every instant of an `until`, and holds time at a `pause`.
 *
 * Real time comes in as elapsed milliseconds (the shell's timer measures them; tests pass
 * numbers), so this file never reads a clock. Fractions of a virtual millisecond carry over to
 * the next tick, and a tick never counts more than a second of real time, so a stalled terminal
 * does not make the simulation leap.
 */
import type { Advancer, TimeSource } from '../scenario/scenario-driver.ts';

export const SPEEDS = [1, 2, 5, 10, 60, 600] as const;
const MAX_TICK_MS = 1000;

/** The cluster as its own advancer, when no scenario plays. */
export function clusterAdvancer(time: TimeSource): Advancer {
  return { advanceTo: (t) => time.advanceTo(t), limit: () => undefined, blocked: () => undefined };
}

export class TimeControl {
  running = true;
  private speedIndex = 0;
  private carry = 0;

  constructor(
    private readonly time: TimeSource,
    private readonly advancer: Advancer,
  ) {}

  get speed(): number {
    return SPEEDS[this.speedIndex];
  }

  /** Pauses or resumes; returns the message for the flash line. */
  toggle(): string {
    this.running = !this.running;
    this.carry = 0;
    return this.running ? `Time running at ×${this.speed}` : 'Time paused';
  }

  faster(): string {
    this.speedIndex = Math.min(SPEEDS.length - 1, this.speedIndex + 1);
    return `Speed ×${this.speed}`;
  }

  slower(): string {
    this.speedIndex = Math.max(0, this.speedIndex - 1);
    return `Speed ×${this.speed}`;
  }

  setSpeed(speed: number): void {
    const i = SPEEDS.indexOf(speed as (typeof SPEEDS)[number]);
    if (i < 0) throw new Error(`speed must be one of ${SPEEDS.join(', ')}`);
    this.speedIndex = i;
  }

  /** Real time went by: move virtual time by realMs × speed. Whether time moved. */
  tick(realMs: number): boolean {
    if (!this.running || this.advancer.blocked()) return false;
    const exact = Math.min(realMs, MAX_TICK_MS) * this.speed + this.carry;
    const whole = Math.floor(exact);
    this.carry = exact - whole;
    if (whole <= 0) return false;
    this.advancer.advanceTo(this.time.now() + whole);
    return true;
  }

  /** Jumps to the next instant something is scheduled (no further than a scenario allows). */
  step(): string {
    const blocked = this.advancer.blocked();
    if (blocked) return blocked;
    const next = this.time.nextEventTime();
    const limit = this.advancer.limit();
    const target = next === undefined ? limit : limit === undefined ? next : Math.min(next, limit);
    if (target === undefined) return 'Nothing is scheduled';
    this.advancer.advanceTo(Math.max(target, this.time.now()));
    return 'Stepped to the next event';
  }
}
