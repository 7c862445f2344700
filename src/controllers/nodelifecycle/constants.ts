/**
 * Node lifecycle timings (kube-controller-manager defaults, v1.32): the node monitor checks every
 * 5 s and declares a node whose kubelet has not renewed its lease for 50 s (node-monitor-grace-period,
 * 40 s before v1.32) NotReady. PodGC runs every 20 s and waits 40 s before removing the pods of a
 * node that no longer exists.
 */
export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_MS = 50_000;
export const PODGC_PERIOD_MS = 20_000;
export const PODGC_QUARANTINE_MS = 40_000;
/** Zone disruption: at least 3 nodes and 55% of them not ready (unhealthy-zone-threshold). */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
/** Clusters this small stop NoExecute evictions in a partially disrupted zone (secondary rate 0). */
export const LARGE_CLUSTER_SIZE = 50;

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
/** Put on a node by hand when it is known to be gone: PodGC then force-deletes its terminating pods. */
export const TAINT_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

/** The first multiple of `period` (counted from the epoch) at or after `t`. */
export function nextTick(t: number, period: number): number {
  return Math.ceil(t / period) * period;
}
