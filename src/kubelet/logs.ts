/**
 * `kubectl logs` from the node: what the current (or previous) instance of a container printed,
 * and the API server's errors when there is nothing to read yet.
 */
import type { Pod } from '../api/types/index.ts';
import type { Instance } from './container-run.ts';
import type { PodWorker } from './pod-worker.ts';
import type { LogOptions, LogsResult } from './runtime-api.ts';
import type { AccessLogBook } from '../network/access-log.ts';

/** Lines an instance has printed by `now`: its start-up lines, its periodic ones, the requests it served. */
export function instanceLines(inst: Instance, now: number, served: string[] = []): string[] {
  const lines = [...inst.logs, ...served];
  const p = inst.behaviour.periodic;
  if (p) {
    const end = Math.min(now, inst.finishedAt ?? now);
    const n = Math.max(0, Math.floor((end - inst.startedAt) / p.everyMs));
    for (let i = 0; i < n; i++) lines.push(p.line);
  }
  return lines;
}

function waitingReason(reason: string): string {
  if (reason === 'ErrImagePull' || reason === 'ImagePullBackOff') return 'trying and failing to pull image';
  return reason;
}

export function podLogs(pod: Pod, worker: PodWorker | undefined, container: string, opts: LogOptions, now: number, book?: AccessLogBook): LogsResult {
  const served = (inst: Instance) => book?.linesFor(pod.metadata.uid ?? '', container, inst.startedAt, inst.finishedAt ?? Infinity) ?? [];
  const name = pod.metadata.name;
  const specs = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  if (!specs.some((c) => c.name === container)) {
    return { ok: false, error: `container ${container} is not valid for pod ${name}` };
  }
  const run = worker?.run(container);
  let lines: string[];
  if (opts.previous) {
    const prev = run?.current?.finishedAt !== undefined && run.blocked ? run.current : run?.last;
    if (!prev) return { ok: false, error: `previous terminated container "${container}" in pod "${name}" not found` };
    lines = instanceLines(prev, now, served(prev));
  } else {
    if (!run?.current) {
      const reason = run?.waiting.reason ?? 'ContainerCreating';
      return { ok: false, error: `container "${container}" in pod "${name}" is waiting to start: ${waitingReason(reason)}` };
    }
    lines = instanceLines(run.current, now, served(run.current));
  }
  if (opts.tail !== undefined && opts.tail >= 0) lines = lines.slice(Math.max(0, lines.length - opts.tail));
  return { ok: true, lines };
}
