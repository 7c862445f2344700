/**
 * The pods/eviction subresource, as k8s pkg/registry/core/pod/storage/eviction.go carries out a
 * POST of a policy/v1 Eviction: it marks the pod with the DisruptionTarget condition through the
 * pods/status storage, then deletes it gracefully with the Eviction's DeleteOptions.
 *
 *   POST /api/v1/namespaces/ott/pods/member-7d4b9c6f5d-x8k2p/eviction
 *   → status.conditions += {type: DisruptionTarget, status: "True",
 *                           reason: EvictionByEvictionAPI, message: "Eviction API: evicting"}
 *   → DELETE pods/member-7d4b9c6f5d-x8k2p (deletionTimestamp = now + grace)
 *
 * Upstream checks PodDisruptionBudgets between the two (pods that are Pending, terminal or already
 * being deleted skip that check). kubesim has no PodDisruptionBudget kind, so no budget can refuse
 * an eviction: there is no 429 "Cannot evict pod as it would violate the pod's disruption budget."
 */
import { rfc3339 } from '../../api/duration.ts';
import type { Condition, PodStatus } from '../../api/types/index.ts';

export interface EvictOptions {
  /** The Eviction's deleteOptions.gracePeriodSeconds (kubectl drain --grace-period). */
  gracePeriodSeconds?: number;
  /** deleteOptions.preconditions.uid. */
  uid?: string;
  /** dryRun=All: checks the request, changes nothing. */
  dryRun?: boolean;
}

export const DISRUPTION_TARGET = 'DisruptionTarget';
export const EVICTION_REASON = 'EvictionByEvictionAPI';
export const EVICTION_MESSAGE = 'Eviction API: evicting';

/**
 * The pod status with the eviction's DisruptionTarget condition set as podutil.UpdatePodCondition
 * sets it: appended when absent, replaced in place when present (keeping lastTransitionTime if the
 * status was already True). Undefined when the status would not change.
 */
export function withEvictionCondition(status: PodStatus | undefined, now: number): PodStatus | undefined {
  const conditions = status?.conditions ?? [];
  const index = conditions.findIndex((c) => c.type === DISRUPTION_TARGET);
  const old = index >= 0 ? conditions[index] : undefined;
  const condition: Condition = {
    type: DISRUPTION_TARGET,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: old?.status === 'True' ? old.lastTransitionTime : rfc3339(now),
    reason: EVICTION_REASON,
    message: EVICTION_MESSAGE,
  };
  if (old && old.status === 'True' && old.reason === EVICTION_REASON && old.message === EVICTION_MESSAGE) return undefined;
  const next = [...conditions];
  if (index >= 0) next[index] = condition;
  else next.push(condition);
  return { ...(status ?? {}), conditions: next };
}
