/**
 * Probes (k8s pkg/kubelet/prober): startup, liveness and readiness, each run every periodSeconds
 * from the container's start (the first at once), skipped while initialDelaySeconds have not
 * passed. Readiness starts as failure and turns ready after successThreshold successes; liveness
 * starts as success and restarts the container after failureThreshold consecutive failures; a
 * startup probe holds the other two back until it succeeds, and restarts the container when it
 * fails failureThreshold times. Every failed probe records an `Unhealthy` event.
 *
 * What a probe sees comes from the container's behaviour: its app listens (on the image's ports)
 * once ready, turns unhealthy at kubesim.io/unhealthy-after, and the files its script touches and
 * removes exist in between. Ticks are only simulated when something can change: a healthy,
 * steady probe sleeps until the next change of its app's health.
 */
import type { Container, Pod, Probe } from '../api/types/index.ts';
import type { Instance } from './container-run.ts';
import type { ImageEntry } from './images.ts';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';
export const PROBE_LABEL: Record<ProbeKind, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

export interface ProbeTarget {
  pod: Pod;
  container: Container;
  inst: Instance;
  entry: ImageEntry | undefined;
  podIP: string;
  /**
   * The ports the container's process listens on, as the network sees them (listeningPorts, from
   * the image catalog: the port its `portEnv` variable sets, such as echo-nginx's NGINX_PORT, else
   * the image's ports); without it, the image's ports or else the container's declared ports.
   */
  ports?: readonly number[];
}

export interface Outcome {
  ok: boolean;
  /** The probe's output when it failed (the Unhealthy event's message after "<Kind> probe failed: "). */
  message: string;
}

function resolvePort(port: number | string, c: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** Ports the app listens on: as given, else the image's, else the ports its container declares. */
function listening(t: ProbeTarget): readonly number[] {
  return t.ports ?? t.entry?.ports ?? (t.container.ports ?? []).map((p) => p.containerPort);
}

function up(t: ProbeTarget, at: number): boolean {
  return at >= t.inst.startedAt + (t.inst.behaviour.readyAfterMs ?? 0);
}

function healthy(t: ProbeTarget, at: number): boolean {
  const u = t.inst.behaviour.unhealthyAfterMs;
  return u === undefined || at < t.inst.startedAt + u;
}

export function fileExists(inst: Instance, path: string, at: number): boolean {
  const spans = inst.behaviour.files?.get(path);
  const offset = at - inst.startedAt;
  return !!spans?.some(([from, to]) => offset >= from && offset < to);
}

/** What the probe sees at time `at`. */
export function probeAt(probe: Probe, t: ProbeTarget, at: number): Outcome {
  if (probe.httpGet || probe.tcpSocket || probe.grpc) {
    const raw = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc!.port;
    const port = resolvePort(raw, t.container);
    const host = probe.httpGet?.host || probe.tcpSocket?.host || t.podIP;
    const path = probe.httpGet?.path ?? '/';
    const dial = `dial tcp ${host}:${port ?? raw}`;
    if (port === undefined) return { ok: false, message: `strconv.Atoi: parsing "${raw}": invalid syntax` };
    const refused = probe.httpGet ? `Get "http://${host}:${port}${path}": ${dial}: connect: connection refused` : `${dial}: connect: connection refused`;
    if (!listening(t).includes(port) || !up(t, at)) return { ok: false, message: refused };
    if (!healthy(t, at)) return { ok: false, message: probe.httpGet ? 'HTTP probe failed with statuscode: 500' : `${dial}: i/o timeout` };
    if (probe.httpGet && /nginx$/.test(t.entry?.image ?? '') && !['/', '/index.html'].includes(path)) {
      return { ok: false, message: 'HTTP probe failed with statuscode: 404' };
    }
    return { ok: true, message: '' };
  }
  const argv = probe.exec?.command ?? [];
  const script = (argv[0] === 'sh' || argv[0] === '/bin/sh') && argv[1] === '-c' ? argv.slice(2).join(' ').trim().split(/\s+/) : argv;
  const [cmd, ...args] = script;
  const file = args.filter((a) => !a.startsWith('-')).pop();
  if ((cmd === 'cat' || cmd === 'test' || cmd === 'ls' || cmd === 'stat') && file) {
    if (fileExists(t.inst, file, at)) return { ok: true, message: '' };
    const busybox = (t.entry?.commands ?? []).includes('nslookup');
    const message =
      cmd === 'cat' ? (busybox ? `cat: can't open '${file}': No such file or directory` : `cat: ${file}: No such file or directory`) : cmd === 'test' ? '' : `${cmd}: ${file}: No such file or directory`;
    return { ok: false, message };
  }
  if (cmd && t.entry?.commands && !t.entry.commands.includes(cmd.split('/').pop()!) && !['true'].includes(cmd)) {
    return { ok: false, message: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown` };
  }
  if (cmd === 'false') return { ok: false, message: '' };
  return up(t, at) && healthy(t, at) ? { ok: true, message: '' } : { ok: false, message: '' };
}

/** The times after `after` at which what the probe sees may change. */
function changes(t: ProbeTarget, after: number): number[] {
  const b = t.inst.behaviour;
  const s = t.inst.startedAt;
  const times = [s + (b.readyAfterMs ?? 0)];
  if (b.unhealthyAfterMs !== undefined) times.push(s + b.unhealthyAfterMs);
  for (const spans of b.files?.values() ?? []) for (const [from, to] of spans) times.push(s + from, s + to);
  return times.filter((x) => x > after && Number.isFinite(x));
}

export interface ProbeEffect {
  /** Unhealthy event messages, in order. */
  failures: string[];
  /** The probe's result changed (readiness: ready or not; startup: done). */
  changed: boolean;
  /** Liveness or startup gave up: the container must be killed and restarted. */
  kill: boolean;
}

export class ProbeRunner {
  /** The probe's current result. */
  result: boolean;
  private successes = 0;
  private failures = 0;
  private nextTick: number;
  private readonly period: number;
  done = false;

  constructor(
    readonly kind: ProbeKind,
    readonly probe: Probe,
    private readonly startedAt: number,
  ) {
    this.result = kind === 'liveness';
    this.period = Math.max(1, probe.periodSeconds ?? 10) * 1000;
    this.nextTick = startedAt;
  }

  /** Runs every tick due by `now`. */
  advance(now: number, target: ProbeTarget): ProbeEffect {
    const effect: ProbeEffect = { failures: [], changed: false, kill: false };
    const delay = (this.probe.initialDelaySeconds ?? 0) * 1000;
    const successThreshold = this.probe.successThreshold ?? 1;
    const failureThreshold = this.probe.failureThreshold ?? 3;
    while (!this.done && this.nextTick <= now) {
      const at = this.nextTick;
      this.nextTick += this.period;
      if (Math.floor((at - this.startedAt) / 1000) < delay / 1000) continue;
      const o = probeAt(this.probe, target, at);
      if (o.ok) {
        this.failures = 0;
        this.successes++;
        if (!this.result && this.successes >= successThreshold) {
          this.result = true;
          effect.changed = true;
          if (this.kind === 'startup') this.done = true;
        }
      } else {
        this.successes = 0;
        this.failures++;
        effect.failures.push(`${PROBE_LABEL[this.kind]} probe failed: ${o.message}`);
        if (this.failures >= failureThreshold) {
          if (this.kind === 'readiness') {
            if (this.result) effect.changed = true;
            this.result = false;
          } else {
            effect.kill = true;
            this.done = true;
          }
        }
      }
    }
    if (!this.done) this.skipQuietTicks(now, target);
    return effect;
  }

  /**
   * A steady probe (result settled and what it sees unchanged) need not tick until its app's
   * health next changes: jump to the first tick at or after that time.
   */
  private skipQuietTicks(now: number, target: ProbeTarget): void {
    const o = probeAt(this.probe, target, Math.max(now, this.nextTick));
    const steady = o.ok && this.result && (this.kind !== 'startup');
    if (!steady) return;
    const next = Math.min(...changes(target, now), Infinity);
    if (next === Infinity) {
      this.nextTick = Infinity;
      return;
    }
    const k = Math.ceil((next - this.startedAt) / this.period);
    this.nextTick = Math.max(this.nextTick, this.startedAt + k * this.period);
  }

  /** Ticks before `t` are skipped (the startup probe held this one back until then). */
  skipUntil(t: number): void {
    if (this.nextTick >= t) return;
    this.nextTick = this.startedAt + Math.ceil((t - this.startedAt) / this.period) * this.period;
  }

  /** When this probe next needs to run (undefined: never). */
  wakeAt(): number | undefined {
    return this.done || this.nextTick === Infinity ? undefined : this.nextTick;
  }
}
