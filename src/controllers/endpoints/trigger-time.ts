/**
 * TriggerTimeTracker (k8s `endpointslice/util/trigger_time_tracker.go`): the value of the
 * `endpoints.kubernetes.io/last-change-trigger-time` annotation, the earliest change that the
 * coming write of an Endpoints or EndpointSlice object reflects.
 *
 * A pod's trigger time is the lastTransitionTime of its Ready condition; a Service's is its
 * creationTimestamp. The first sync of a Service reports the Service's creation time; later syncs
 * report the earliest trigger time that moved since the previous sync, or none (undefined: the
 * annotation is removed).
 *
 * Worked example: Service created 09:00:00, pods become Ready at 09:00:07 and 09:00:08, and each
 * sync sees one more pod: syncs report 09:00:00 (first), 09:00:07, 09:00:08.
 */
import type { Pod, Service } from '../../api/types/index.ts';
import { podCondition } from '../util/pod.ts';

interface ServiceState {
  serviceTime: number;
  podTimes: Map<string, number>;
}

function parse(ts: string | undefined): number {
  const t = Date.parse(ts ?? '');
  return Number.isFinite(t) ? t : 0;
}

export class TriggerTimeTracker {
  private states = new Map<string, ServiceState>();

  /** Updates the state of `ns/name` and returns the trigger time to export (ms), or undefined. */
  compute(svc: Service, pods: readonly Pod[]): number | undefined {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const prev = this.states.get(key);
    let min: number | undefined;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = this.parseCached(podCondition(pod, 'Ready')?.lastTransitionTime);
      if (!t) continue;
      podTimes.set(pod.metadata.name, t);
      if (t > (prev?.podTimes.get(pod.metadata.name) ?? 0)) min = min === undefined ? t : Math.min(min, t);
    }
    const serviceTime = parse(svc.metadata.creationTimestamp);
    if (serviceTime > (prev?.serviceTime ?? 0)) min = min === undefined ? serviceTime : Math.min(min, serviceTime);
    this.states.set(key, { serviceTime, podTimes });
    if (!prev) return serviceTime || undefined;
    return min;
  }

  private parsed = new Map<string, number>();

  /** Timestamps repeat across pods and syncs; parse each once (bounded memo). */
  private parseCached(ts: string | undefined): number {
    if (!ts) return 0;
    let t = this.parsed.get(ts);
    if (t === undefined) {
      if (this.parsed.size > 4096) this.parsed.clear();
      this.parsed.set(ts, (t = parse(ts)));
    }
    return t;
  }

  forget(namespace: string, name: string): void {
    this.states.delete(`${namespace}/${name}`);
  }
}
