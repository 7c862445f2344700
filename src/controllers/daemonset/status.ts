/**
 * DaemonSet status (daemon_controller.go updateDaemonSetStatus), over the nodes and, on each, the
 * oldest daemon pod:
 *
 *   desiredNumberScheduled  nodes that should run the pod
 *   currentNumberScheduled  of those, nodes that have a pod
 *   numberMisscheduled      nodes that have a pod but should not
 *   numberReady / numberAvailable / updatedNumberScheduled   of the scheduled ones
 *   numberUnavailable       desired − available
 *
 * Example: 3 nodes, master tainted and not tolerated, 2 workers with Ready pods → DESIRED 2,
 * CURRENT 2, READY 2. Zero counts of the optional fields are omitted, as omitempty does.
 */
import type { DaemonSet, DaemonSetStatus, Node, Pod } from '../../api/types/index.ts';
import { isPodAvailable, isPodReady } from '../util/pod.ts';
import { byCreationAndPhase } from './manage.ts';
import { nodeShouldRunDaemonPod } from './node-should-run.ts';
import { isPodUpdated, templateGeneration } from './util.ts';

export function computeDaemonSetStatus(ds: DaemonSet, nodes: Node[], nodeToPods: Map<string, Pod[]>, hash: string, now: number): Omit<DaemonSetStatus, 'observedGeneration' | 'collisionCount' | 'conditions'> {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  for (const node of nodes) {
    const pods = nodeToPods.get(node.metadata.name) ?? [];
    const scheduled = pods.length > 0;
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const pod = [...pods].sort(byCreationAndPhase)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, ds.spec.minReadySeconds ?? 0, now)) available++;
    }
    if (isPodUpdated(pod, hash, templateGeneration(ds))) updated++;
  }
  return {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  };
}

/** The stored form: required counters always, optional ones only when not zero. */
export function toApiStatus(counts: ReturnType<typeof computeDaemonSetStatus>, prev: DaemonSetStatus | undefined, observedGeneration: number | undefined): DaemonSetStatus {
  const out: DaemonSetStatus = {
    currentNumberScheduled: counts.currentNumberScheduled,
    numberMisscheduled: counts.numberMisscheduled,
    desiredNumberScheduled: counts.desiredNumberScheduled,
    numberReady: counts.numberReady,
  };
  if (observedGeneration) out.observedGeneration = observedGeneration;
  if (counts.updatedNumberScheduled) out.updatedNumberScheduled = counts.updatedNumberScheduled;
  if (counts.numberAvailable) out.numberAvailable = counts.numberAvailable;
  if (counts.numberUnavailable) out.numberUnavailable = counts.numberUnavailable;
  if (prev?.collisionCount !== undefined) out.collisionCount = prev.collisionCount;
  if (prev?.conditions?.length) out.conditions = prev.conditions;
  return out;
}
