/**
 * How the StatefulSet controller reads a member pod's state (stateful_set_utils.go): created (the
 * API server gave it a phase), running and ready, available, terminating, healthy.
 */
import type { Pod } from '../../api/types/index.ts';
import { isPodAvailable, isPodReady } from '../util/pod.ts';

export function isCreated(pod: Pod): boolean {
  return !!pod.status?.phase;
}

export function isPending(pod: Pod): boolean {
  return pod.status?.phase === 'Pending';
}

export function isFailed(pod: Pod): boolean {
  return pod.status?.phase === 'Failed';
}

export function isSucceeded(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded';
}

export function isTerminating(pod: Pod): boolean {
  return !!pod.metadata.deletionTimestamp;
}

export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  return isPodAvailable(pod, minReadySeconds, now);
}

/** Running, ready and not being deleted. */
export function isHealthy(pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}
