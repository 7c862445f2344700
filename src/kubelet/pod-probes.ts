/**
 * The probes of a pod's running containers, run by its pod worker at each sync: startup first
 * (liveness and readiness wait for it), Unhealthy events for failures, and a kill with the
 * probe's grace period when liveness or startup gives up (`Container X failed liveness probe,
 * will be restarted`). Targets are the ports the container's process listens on.
 */
import type { Pod } from '../api/types/index.ts';
import type { EventRecorder } from '../events/recorder.ts';
import { listeningPorts } from '../network/routing.ts';
import { MIN_STOP_MS } from './constants.ts';
import type { ContainerRun } from './container-run.ts';
import { fieldPath } from './container-starter.ts';
import type { ImageCatalog } from './images.ts';
import type { ProbeRunner } from './probes.ts';

/** What the probes need of their pod worker. */
export interface ProbeWorker {
  pod: Pod;
  podIP: string;
  events: EventRecorder;
  catalog: ImageCatalog;
  node: string;
  /** Asks for a sync at `at` (the next probe). */
  wake(at: number): void;
}

/**
 * Runs the probes due by `now` of every running container: Unhealthy events, readiness and
 * startup results, and a kill when liveness or startup gives up.
 */
export function runPodProbes(w: ProbeWorker, runs: readonly ContainerRun[], now: number): void {
  for (const r of runs) {
    if (!r.running || r.stopAt !== undefined) continue;
    const entry = w.catalog.lookup(r.spec.image ?? '');
    const target = { pod: w.pod, container: r.spec, inst: r.current!, entry, podIP: w.podIP, ports: listeningPorts(w.catalog, r.spec) };
    const runners = r.startup && !r.startup.result ? [r.startup] : [r.liveness, r.readiness];
    for (const runner of runners) {
      if (!runner) continue;
      const effect = runner.advance(now, target);
      for (const message of effect.failures) {
        w.events.event(w.pod, 'Warning', 'Unhealthy', message, { component: 'kubelet', host: w.node }, fieldPath(r));
      }
      if (effect.kill) {
        w.events.event(w.pod, 'Normal', 'Killing', `Container ${r.name} failed ${runner.kind} probe, will be restarted`, { component: 'kubelet', host: w.node }, fieldPath(r));
        const b = r.current!.behaviour;
        const grace = (runner.probe.terminationGracePeriodSeconds ?? w.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
        r.stopAt = now + (b.ignoresSigterm ? grace : Math.min(grace, Math.max(MIN_STOP_MS, b.stopSeconds * 1000)));
        w.wake(r.stopAt);
        break;
      }
      const at = runner.wakeAt();
      if (at !== undefined) w.wake(at);
    }
    // A startup probe that just succeeded lets the others start at once.
    if (r.startup?.result && runners.includes(r.startup) && r.stopAt === undefined) runAfterStartup(w, r, now, target);
  }
}

/** Liveness and readiness right after the startup probe succeeded (they start at once). */
function runAfterStartup(w: ProbeWorker, r: ContainerRun, now: number, target: Parameters<ProbeRunner['advance']>[1]): void {
  for (const runner of [r.liveness, r.readiness]) {
    if (!runner) continue;
    runner.skipUntil(now);
    const effect = runner.advance(now, target);
    for (const message of effect.failures) {
      w.events.event(w.pod, 'Warning', 'Unhealthy', message, { component: 'kubelet', host: w.node }, fieldPath(r));
    }
    const at = runner.wakeAt();
    if (at !== undefined) w.wake(at);
  }
}
