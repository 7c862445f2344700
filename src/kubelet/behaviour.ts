/**
 * What a container does when it runs, since nothing really runs: from the pod's `kubesim.io/*`
 * annotations, else from the command it was given (`sleep N`, `exit N`, a random exit status,
 * `echo`, perl computing pi), else from the image catalog.
 *
 *   kubesim.io/run: "8s" | "forever"      how long it runs
 *   kubesim.io/exit-code: "1"             the exit status when it ends
 *   kubesim.io/fail-rate: "0.5"           the chance it ends with status 1 (drawn per run)
 *
 * The draw for a random outcome is made when the container starts, from the seeded failure
 * stream, so a replay gets the same outcomes.
 */
import { parseDuration } from '../api/duration.ts';
import { parseBytes } from '../api/quantity.ts';
import type { Container, Pod } from '../api/types/index.ts';
import type { ImageEntry } from './images.ts';
import { dateOutput, stampLogLine } from './log-time.ts';
import { piDigits } from './pi.ts';

export interface Behaviour {
  /** Milliseconds until it exits; undefined = runs until stopped. */
  runMs?: number;
  exitCode: number;
  /** The probability of exiting 1 instead (drawn at start). */
  failRate?: number;
  /** Lines printed at start. */
  logs: string[];
  /** Lines printed periodically while running: [every ms, line]. */
  periodic?: { everyMs: number; line: string };
  /** PID 1 ignores SIGTERM (a shell or sleep) and is killed after the grace period. */
  ignoresSigterm: boolean;
  /** Seconds to exit after SIGTERM when it does handle it. */
  stopSeconds: number;
  /** It ends by exceeding its memory limit (killed with status 137, reason OOMKilled). */
  oomKilled?: boolean;
  /** Files the process creates and removes: path → [from, to) offsets in ms from its start. */
  files?: Map<string, [number, number][]>;
  /** The app stops answering health checks this long after start (kubesim.io/unhealthy-after). */
  unhealthyAfterMs?: number;
  /** The app answers this long after start (kubesim.io/ready-after; else the catalog's readyAfterSeconds). */
  readyAfterMs?: number;
  /** Memory it uses (kubesim.io/memory, or stress's --vm-bytes): over the limit it is OOMKilled. */
  memoryBytes?: number;
  /**
   * `until CHECK; do BODY; done`: the check runs every `everyMs` (the loop's sleep); each failed
   * round prints `line`; the first passing check ends the loop and the process exits 0.
   */
  waitUntil?: { check: string[]; everyMs: number; line?: string };
}

const ANNOTATION_RUN = 'kubesim.io/run';
const ANNOTATION_EXIT = 'kubesim.io/exit-code';
const ANNOTATION_FAIL = 'kubesim.io/fail-rate';
const ANNOTATION_UNHEALTHY = 'kubesim.io/unhealthy-after';
const ANNOTATION_READY = 'kubesim.io/ready-after';
const ANNOTATION_MEMORY = 'kubesim.io/memory';

/** The shell script a container runs, if its command is `sh -c SCRIPT` or a plain command. */
export function commandLine(c: Container): string[] | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  return argv.length ? argv : undefined;
}

function scriptOf(argv: string[]): string | undefined {
  const shells = ['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash'];
  if (shells.includes(argv[0]) && (argv[1] === '-c' || argv[1] === '-ec') && argv.length >= 3) return argv.slice(2).join(' ');
  return undefined;
}

/** Interprets a small shell script: sequences of sleep/echo/exit/date, `while true` loops. */
function fromScript(script: string, pod: Pod, now: number): Partial<Behaviour> | undefined {
  const s = script.trim();
  const until = /^until\s+(.+?)\s*;\s*do\s+(.*?)\s*;?\s*done\s*;?/s.exec(s);
  if (until) {
    const body = fromScript(until[2], pod, now);
    return {
      runMs: undefined,
      logs: [],
      ignoresSigterm: true,
      waitUntil: { check: shellSplit(expandPodVars(until[1], pod)), everyMs: Math.max(body?.runMs ?? 1000, 1000), line: body?.logs?.[0] },
    };
  }
  const loop = /^while\s+(?:true|:)\s*;\s*do\s+(.*?)\s*;?\s*done\s*;?$/s.exec(s);
  if (loop) {
    const body = fromScript(loop[1], pod, now);
    const every = body?.runMs ?? 1000;
    const line = body?.logs?.[0];
    return { runMs: undefined, logs: [], periodic: line ? { everyMs: Math.max(every, 1000), line } : undefined, ignoresSigterm: true };
  }
  let runMs = 0;
  let exitCode = 0;
  let failRate: number | undefined;
  const logs: string[] = [];
  let forever = false;
  const files = new Map<string, [number, number][]>();
  for (const part of s.split(/\s*(?:;|&&|\n)\s*/).filter(Boolean)) {
    let m: RegExpExecArray | null;
    if ((m = /^touch\s+(\S+)$/.exec(part)) || (m = /^echo\s+.*>\s*(\S+)$/.exec(part))) {
      const spans = files.get(m[1]) ?? [];
      if (!spans.length || spans[spans.length - 1][1] !== Infinity) spans.push([runMs, Infinity]);
      files.set(m[1], spans);
    } else if ((m = /^rm\s+(?:-f\s+|-rf\s+)?(\S+)$/.exec(part))) {
      const spans = files.get(m[1]);
      const last = spans?.[spans.length - 1];
      if (last && last[1] === Infinity) last[1] = runMs;
    } else if ((m = /^sleep\s+(\S+)$/.exec(part))) {
      if (m[1] === 'infinity') forever = true;
      else runMs += parseDuration(m[1]) ?? 0;
    } else if ((m = /^exit\s+(\d+)$/.exec(part))) {
      exitCode = Number(m[1]);
      break;
    } else if ((m = /^exit\s+\$\(\(\s*\$?RANDOM\s*%\s*(\d+)\s*\)\)$/.exec(part))) {
      const k = Number(m[1]);
      failRate = k > 0 ? (k - 1) / k : 0;
      break;
    } else if ((m = /^echo\s+(.*)$/.exec(part))) {
      logs.push(unquote(m[1]).replace(/\$\(hostname\)|\$HOSTNAME/g, pod.metadata.name));
    } else if (part === 'date') {
      logs.push(dateOutput(now));
    } else if (part === 'tail -f /dev/null' || part === 'sleep infinity') {
      forever = true;
    }
  }
  return { runMs: forever ? undefined : runMs, exitCode, failRate, logs, ignoresSigterm: true, ...(files.size ? { files } : {}) };
}

/** `$(cat .../serviceaccount/namespace)`, `$(hostname)`, `$HOSTNAME` as the pod's shell expands them. */
function expandPodVars(text: string, pod: Pod): string {
  return text
    .replace(/\$\(cat \/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/namespace\)/g, pod.metadata.namespace ?? 'default')
    .replace(/\$\(hostname\)|\$HOSTNAME|\$\{HOSTNAME\}/g, pod.spec.hostname ?? pod.metadata.name);
}

function shellSplit(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function unquote(s: string): string {
  const t = s.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
}

function fromCommand(argv: string[], pod: Pod, now: number): Partial<Behaviour> | undefined {
  const script = scriptOf(argv);
  if (script !== undefined) return fromScript(script, pod, now);
  const [cmd, ...rest] = argv;
  const base = cmd.split('/').pop();
  if (base === 'sleep') return fromScript(`sleep ${rest[0] ?? '0'}`, pod, now);
  if (base === 'echo') return { runMs: 0, exitCode: 0, logs: [rest.join(' ')], ignoresSigterm: false };
  if (base === 'true') return { runMs: 0, exitCode: 0, logs: [] };
  if (base === 'false') return { runMs: 0, exitCode: 1, logs: [] };
  if (base?.startsWith('perl')) {
    const text = rest.join(' ');
    const m = /bpi\((\d+)\)/.exec(text);
    if (m) {
      const n = Number(m[1]);
      // bignum pi is quadratic-ish in the digits; 2000 digits take a few seconds.
      return { runMs: Math.max(1000, Math.round(((n / 2000) ** 2) * 5000)), exitCode: 0, logs: [piDigits(n)], ignoresSigterm: false };
    }
  }
  return undefined;
}

/** The behaviour of one run of container `c` of `pod`, given its catalog entry. */
export function behaviourFor(pod: Pod, c: Container, entry: ImageEntry | undefined, now: number): Behaviour {
  const fromEntry: Behaviour = {
    runMs: entry?.run === undefined || entry.run === 'forever' ? undefined : entry.run.seconds * 1000,
    exitCode: entry?.run && entry.run !== 'forever' ? entry.run.exitCode ?? 0 : 0,
    failRate: entry?.run && entry.run !== 'forever' ? entry.run.failRate : undefined,
    logs: (entry?.logs ?? []).map((line) => stampLogLine(line, now)),
    ignoresSigterm: entry?.ignoresSigterm ?? false,
    stopSeconds: entry?.stopSeconds ?? 0,
  };
  let b: Behaviour = fromEntry;
  const argv = commandLine(c);
  if (argv) {
    const cmd = fromCommand(argv, pod, now);
    if (cmd) b = { ...fromEntry, ...cmd, logs: cmd.logs ?? [], ignoresSigterm: cmd.ignoresSigterm ?? fromEntry.ignoresSigterm };
  }
  const ann = pod.metadata.annotations ?? {};
  if (ann[ANNOTATION_RUN] !== undefined) {
    const v = ann[ANNOTATION_RUN];
    b = { ...b, runMs: v === 'forever' ? undefined : parseDuration(v) ?? b.runMs };
  }
  if (ann[ANNOTATION_EXIT] !== undefined && Number.isInteger(Number(ann[ANNOTATION_EXIT]))) b = { ...b, exitCode: Number(ann[ANNOTATION_EXIT]) };
  if (ann[ANNOTATION_FAIL] !== undefined && Number.isFinite(Number(ann[ANNOTATION_FAIL]))) b = { ...b, failRate: Number(ann[ANNOTATION_FAIL]) };
  if (ann[ANNOTATION_UNHEALTHY] !== undefined) b = { ...b, unhealthyAfterMs: parseDuration(ann[ANNOTATION_UNHEALTHY]) };
  const ready = ann[ANNOTATION_READY] !== undefined ? parseDuration(ann[ANNOTATION_READY]) : entry?.readyAfterSeconds !== undefined ? entry.readyAfterSeconds * 1000 : undefined;
  if (ready !== undefined) b = { ...b, readyAfterMs: ready };
  const memory = ann[ANNOTATION_MEMORY] ?? stressBytes(argv ?? []);
  if (memory !== undefined) b = { ...b, memoryBytes: parseBytes(memory) };
  return b;
}

/** stress --vm-bytes 250M: what the docs' memory examples allocate (M = MiB, as stress counts). */
function stressBytes(argv: string[]): string | undefined {
  const i = argv.indexOf('--vm-bytes');
  const v = i >= 0 ? argv[i + 1] : undefined;
  if (!v) return undefined;
  const m = /^(\d+)([KMG]?)$/i.exec(v);
  if (!m) return undefined;
  const unit = { '': '', K: 'Ki', M: 'Mi', G: 'Gi' }[m[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
  return `${m[1]}${unit}`;
}
