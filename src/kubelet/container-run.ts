/**
 * One container of a pod on a node, across its restarts: the instance running now (or just
 * ended), the one before it (`lastState`, `kubectl logs --previous`), the restart count and the
 * crash back-off (k8s flowcontrol.Backoff as the kubelet uses it: after an exit the container is
 * restarted at once the first time, then after 10 s, 20 s, 40 s... up to 5 minutes; an entry older
 * than 10 minutes is forgotten).
 */
import { createHash } from 'node:crypto';
import type { Container, ContainerStatus } from '../api/types/index.ts';
import type { Behaviour } from './behaviour.ts';
import { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, BACKOFF_RESET_MS } from './constants.ts';
import type { PullOutcome } from './image-puller.ts';
import type { ProbeRunner } from './probes.ts';

export type ContainerKind = 'init' | 'sidecar' | 'regular';

export interface Instance {
  id: string;
  startedAt: number;
  behaviour: Behaviour;
  logs: string[];
  /** When the process exits by itself, if it does. */
  exitAt?: number;
  exitCode: number;
  /** When it becomes ready (no readiness probe). */
  readyAt?: number;
  /** Set once the process has exited. */
  finishedAt?: number;
  reason?: string;
  /** Set once the kubelet has noticed the exit (PLEG). */
  noticed?: boolean;
  /** The next round of an `until` loop. */
  nextCheck?: number;
}

export type Waiting = { reason: string; message?: string };

export class ContainerRun {
  readonly name: string;
  readonly kind: ContainerKind;
  spec: Container;
  current?: Instance;
  last?: Instance;
  waiting: Waiting;
  restartCount = 0;
  /** The image is there for the next start (checked again before every start). */
  imageReady = false;
  pulling?: PullOutcome;
  /** When the pull in `pulling` started. */
  pullStartedAt?: number;
  /**
   * The pod worker's next sync while this container's image cannot be had (a failed pull, pull
   * back-off): syncs the simulation runs earlier for other reasons change nothing for it.
   */
  imageSyncAt?: number;
  /** The crash-loop back-off entry. */
  crash?: { backoffMs: number; lastUpdate: number };
  /**
   * The pod worker's next sync while this container is in crash back-off (BACKOFF_RESYNC_MS after
   * the last one): the back-off is checked again only then, so the restart happens at the first
   * such sync at or after its expiry.
   */
  crashSyncAt?: number;
  /**
   * What the kubelet reported before its last sync, shown until `until`: generateAPIPodStatus runs
   * at the start of a sync, from the PLEG cache and the reason cache the previous sync left, so a
   * restart shows at the next relist and CrashLoopBackOff at the next sync (see pod-status.ts).
   */
  shown?: { status: ContainerStatus; until: number };
  /** Stopping (pod deletion): the process is killed at this time. */
  stopAt?: number;
  /**
   * A new start is wanted but held up (crash back-off, image pull error): the status shows the
   * waiting reason, with the ended instance as lastState.
   */
  blocked = false;
  /** The probes of the running instance. */
  startup?: ProbeRunner;
  liveness?: ProbeRunner;
  readiness?: ProbeRunner;

  constructor(spec: Container, kind: ContainerKind, initialReason: string) {
    this.name = spec.name;
    this.kind = kind;
    this.spec = spec;
    this.waiting = { reason: initialReason };
  }

  get running(): boolean {
    return !!this.current && this.current.finishedAt === undefined;
  }

  /** Exited and noticed by the kubelet. */
  get terminated(): boolean {
    return !!this.current && this.current.finishedAt !== undefined && !!this.current.noticed;
  }

  get succeeded(): boolean {
    return this.terminated && this.current!.exitCode === 0;
  }

  /** Started: running, and its startup probe (if any) has succeeded. */
  get started(): boolean {
    return this.running && (!this.startup || this.startup.result);
  }

  /** Ready: started, and its readiness probe succeeds (without one: once the app is up). */
  isReady(now: number): boolean {
    if (!this.started) return false;
    if (this.readiness) return this.readiness.result;
    return this.current!.readyAt !== undefined && this.current!.readyAt <= now;
  }

  /** Starts a new instance; the previous one (if any) becomes `last`. */
  start(now: number, behaviour: Behaviour, exitCode: number, podUid: string, readyAfterMs: number | undefined): Instance {
    if (this.current) {
      this.last = this.current;
      this.restartCount++;
    }
    const id = createHash('sha256').update(`${podUid}/${this.name}/${this.restartCount}`).digest('hex');
    const inst: Instance = {
      id,
      startedAt: now,
      behaviour,
      logs: [...behaviour.logs],
      exitAt: behaviour.runMs === undefined ? undefined : now + behaviour.runMs,
      exitCode,
      readyAt: readyAfterMs === undefined ? undefined : now + readyAfterMs,
    };
    this.current = inst;
    this.stopAt = undefined;
    this.crashSyncAt = undefined;
    this.blocked = false;
    this.imageReady = false;
    return inst;
  }

  /** The process exits (by itself or killed) at `at` with `code`. */
  exit(at: number, code: number): void {
    const inst = this.current;
    if (!inst || inst.finishedAt !== undefined) return;
    inst.finishedAt = at;
    inst.exitCode = code;
    inst.reason = code === 0 ? 'Completed' : code === 137 && inst.behaviour.oomKilled ? 'OOMKilled' : 'Error';
  }

  /**
   * The crash back-off decision for a restart wanted at `now` after an exit at `finishedAt`
   * (kuberuntime doBackOff): undefined to restart now (and the back-off advances), or the time
   * until which the container must wait.
   */
  backoff(finishedAt: number, now: number): number | undefined {
    const e = this.crash;
    const expired = !e || finishedAt - e.lastUpdate > BACKOFF_RESET_MS;
    if (e && !expired && now - finishedAt < e.backoffMs) return finishedAt + e.backoffMs;
    this.crash = expired ? { backoffMs: BACKOFF_INITIAL_MS, lastUpdate: now } : { backoffMs: Math.min(e!.backoffMs * 2, BACKOFF_MAX_MS), lastUpdate: now };
    return undefined;
  }

  /** The back-off shown in the CrashLoopBackOff message (`back-off 20s restarting failed container=...`). */
  currentBackoffMs(): number {
    return this.crash?.backoffMs ?? BACKOFF_INITIAL_MS;
  }
}
