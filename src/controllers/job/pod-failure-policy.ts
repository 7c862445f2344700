/**
 * Matching a failed pod against a Job's podFailurePolicy (k8s pkg/controller/job/
 * pod_failure_policy.go). Rules are tried in order; the first that matches decides:
 *
 *   FailJob    the Job fails (reason PodFailurePolicy) with a message naming the pod, e.g.
 *              "Container main for pod default/pi-abcde failed with exit code 42 matching
 *              FailJob rule at index 0"
 *   Ignore     the failure is not counted towards backoffLimit; the pod is replaced
 *   Count      counted as usual (also what happens when no rule matches)
 *   FailIndex  the pod's index fails (Indexed Jobs with backoffLimitPerIndex)
 *
 * onExitCodes looks at terminated containers with a non-zero exit code (containers first, then
 * init containers), optionally only the named one; onPodConditions at the pod's conditions.
 */
import type { ContainerStatus, Pod, PodFailurePolicyRule } from '../../api/types/index.ts';

export type PolicyAction = PodFailurePolicyRule['action'];

export interface PolicyMatch {
  /** Set when a FailJob rule matched: the Job's failure message. */
  failJobMessage?: string;
  /** Whether the failure counts towards backoffLimit (false only for Ignore). */
  countFailed: boolean;
  action?: PolicyAction;
}

type ExitCodes = NonNullable<PodFailurePolicyRule['onExitCodes']>;

function exitCodeMatches(code: number, req: ExitCodes): boolean {
  if (req.operator === 'In') return req.values.includes(code);
  if (req.operator === 'NotIn') return !req.values.includes(code);
  return false;
}

function matchingContainer(statuses: ContainerStatus[] | undefined, req: ExitCodes): ContainerStatus | undefined {
  for (const s of statuses ?? []) {
    const t = s.state.terminated;
    if (!t) continue;
    if (req.containerName !== undefined && req.containerName !== s.name) continue;
    if (t.exitCode !== 0 && exitCodeMatches(t.exitCode, req)) return s;
  }
  return undefined;
}

export function matchPodFailurePolicy(policy: { rules: PodFailurePolicyRule[] } | undefined, pod: Pod): PolicyMatch {
  if (!policy) return { countFailed: true };
  const ns = pod.metadata.namespace ?? 'default';
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    if (rule.onExitCodes) {
      const s = matchingContainer(pod.status?.containerStatuses, rule.onExitCodes) ?? matchingContainer(pod.status?.initContainerStatuses, rule.onExitCodes);
      if (!s) continue;
      const code = s.state.terminated!.exitCode;
      const msg = `Container ${s.name} for pod ${ns}/${pod.metadata.name} failed with exit code ${code} matching ${rule.action} rule at index ${index}`;
      const r = actionResult(rule.action, msg);
      if (r) return r;
    } else if (rule.onPodConditions) {
      const cond = (pod.status?.conditions ?? []).find((c) => rule.onPodConditions!.some((p) => p.type === c.type && (p.status ?? 'True') === c.status));
      if (!cond) continue;
      const msg = `Pod ${ns}/${pod.metadata.name} has condition ${cond.type} matching ${rule.action} rule at index ${index}`;
      const r = actionResult(rule.action, msg);
      if (r) return r;
    }
  }
  return { countFailed: true };
}

function actionResult(action: PolicyAction, message: string): PolicyMatch | undefined {
  switch (action) {
    case 'Ignore':
      return { countFailed: false, action };
    case 'FailIndex':
      return { countFailed: true, action };
    case 'Count':
      return { countFailed: true, action };
    case 'FailJob':
      return { failJobMessage: message, countFailed: true, action };
    default:
      return undefined;
  }
}
