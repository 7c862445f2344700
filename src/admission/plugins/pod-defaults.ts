/**
 * The other mutating plugins that touch a new Pod:
 *
 *   DefaultTolerationSeconds: a pod that does not tolerate them gets
 *     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s and
 *     node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
 *     (a toleration with an empty key or an empty effect counts as tolerating them).
 *   Priority: priority from priorityClassName (0 without one: kubesim has no global default
 *     class; system-node-critical 2000001000, system-cluster-critical 2000000000), and
 *     preemptionPolicy PreemptLowerPriority. An unknown class is Forbidden:
 *       pods "web" is forbidden: no PriorityClass with name gold was found
 */
import type { Pod, Toleration } from '../../api/types/index.ts';
import { admissionName, forbiddenError } from './service-account.ts';

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const DEFAULT_TOLERATION_SECONDS = 300;

export function admitDefaultTolerations(pod: Pod): void {
  const tolerations: Toleration[] = pod.spec.tolerations ?? [];
  const tolerates = (key: string) => tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const add: Toleration[] = [];
  if (!tolerates(NOT_READY)) add.push({ key: NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  if (!tolerates(UNREACHABLE)) add.push({ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  if (add.length) pod.spec.tolerations = [...tolerations, ...add];
}

export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

export function admitPriority(pod: Pod): void {
  const spec = pod.spec;
  let priority = 0;
  if (spec.priorityClassName) {
    const known = SYSTEM_PRIORITY_CLASSES[spec.priorityClassName];
    if (known === undefined) throw forbiddenError('Pod', admissionName(pod), `no PriorityClass with name ${spec.priorityClassName} was found`);
    priority = known;
  }
  if (spec.priority !== undefined && spec.priority !== priority) {
    throw forbiddenError(
      'Pod',
      admissionName(pod),
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  }
  spec.priority = priority;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
}

/** On update the plugin keeps what it set at create, so a PUT without them is not a spec change. */
export function keepPriority(pod: Pod, old: Pod): void {
  if (pod.spec.priority === undefined && old.spec.priority !== undefined) pod.spec.priority = old.spec.priority;
  if (pod.spec.preemptionPolicy === undefined && old.spec.preemptionPolicy !== undefined) pod.spec.preemptionPolicy = old.spec.preemptionPolicy;
}
