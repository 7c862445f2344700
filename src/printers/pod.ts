/**
 * `kubectl get pods` (printers.go printPod): READY, STATUS, RESTARTS and the wide columns.
 *
 * STATUS is built in this order (reference §10.5):
 *   1. status.reason if set, else the phase; `SchedulingGated` if PodScheduled has that reason;
 *   2. init containers in order: one not finished gives `Init:<reason>`, `Init:Signal:N`,
 *      `Init:ExitCode:N` or `Init:i/n` (sidecars that started count as done);
 *   3. once initialized, containers are scanned from last to first, so the first container's
 *      waiting or terminated reason wins (`ExitCode:N`/`Signal:N` when it has none);
 *      `Completed` while a container still runs reads `Running` (pod Ready) or `NotReady`;
 *   4. being deleted: `Unknown` if status.reason is NodeLost, else `Terminating` unless the
 *      phase is Succeeded or Failed.
 * Worked example: containers [app: waiting CrashLoopBackOff, sidecar: running] → the scan ends on
 * app, so STATUS is CrashLoopBackOff and READY is 1/2.
 */
import { humanDuration } from '../api/duration.ts';
import type { KubeObject, Pod } from '../api/types/index.ts';
import { AGE, column, ms, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

export interface PodSummary {
  /** `ready/total` */
  ready: string;
  status: string;
  restarts: number;
  /** When the last restart happened (ms), 0 if unknown. */
  lastRestart: number;
}

const cache = new WeakMap<object, PodSummary>();

/** READY, STATUS and RESTARTS of a pod. Pure; cached per (frozen, immutable) stored object. */
export function podSummary(pod: Pod): PodSummary {
  const hit = cache.get(pod);
  if (hit) return hit;
  const summary = computeSummary(pod);
  if (Object.isFrozen(pod)) cache.set(pod, summary);
  return summary;
}

function computeSummary(pod: Pod): PodSummary {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  const initSpecs = spec.initContainers ?? [];
  const restartable = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const total = (spec.containers ?? []).length + restartable.size;
  let readyCount = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;

  let reason: string = status.reason || status.phase || '';
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const cs = inits[i];
    restarts += cs.restartCount ?? 0;
    const finished = ms(cs.lastState?.terminated?.finishedAt);
    if (finished > lastRestart) lastRestart = finished;
    const isSidecar = restartable.has(cs.name);
    if (isSidecar) {
      sidecarRestarts += cs.restartCount ?? 0;
      if (finished > lastSidecarRestart) lastSidecarRestart = finished;
    }
    const term = cs.state?.terminated;
    const wait = cs.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (isSidecar && cs.started) {
      if (cs.ready) readyCount++;
      continue;
    }
    if (term) {
      if (term.reason) reason = `Init:${term.reason}`;
      else reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  const initialized = conditions.find((c) => c.type === 'Initialized')?.status === 'True';
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      const finished = ms(cs.lastState?.terminated?.finishedAt);
      if (finished > lastRestart) lastRestart = finished;
      const term = cs.state?.terminated;
      if (cs.state?.waiting?.reason) reason = cs.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';

  return { ready: `${readyCount}/${total}`, status: reason, restarts, lastRestart };
}

/** RESTARTS: `3`, or `3 (42s ago)` when the last restart time is known. */
export function restartsCell(summary: PodSummary, now: number): string {
  if (summary.restarts !== 0 && summary.lastRestart !== 0) return `${summary.restarts} (${humanDuration(now - summary.lastRestart)} ago)`;
  return String(summary.restarts);
}

/** The first pod IP, as the IP column shows it. */
export function podIP(pod: Pod): string {
  return pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  let trueCount = 0;
  for (const g of gates) {
    const c = pod.status?.conditions?.find((x) => x.type === g.conditionType);
    if (c?.status === 'True') trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}

const asPod = (o: KubeObject) => o as Pod;

export const podColumns: ColumnDef[] = [
  NAME,
  column('READY', (o) => podSummary(asPod(o)).ready),
  column('STATUS', (o) => podSummary(asPod(o)).status),
  column('RESTARTS', (o, ctx) => restartsCell(podSummary(asPod(o)), ctx.now)),
  AGE,
  column('IP', (o) => podIP(asPod(o)), true),
  column('NODE', (o) => asPod(o).spec?.nodeName || '<none>', true),
  column('NOMINATED NODE', (o) => asPod(o).status?.nominatedNodeName || '<none>', true),
  column('READINESS GATES', (o) => readinessGates(asPod(o)), true),
];
