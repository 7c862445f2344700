/**
 * NodeShouldRunDaemonPod (daemon_controller.go): judged on a pod made from the template plus the
 * daemon tolerations.
 *
 *   template nodeName set to another node                  → (false, false)
 *   nodeSelector / required node affinity do not match     → (false, false)
 *   an untolerated NoSchedule or NoExecute taint           → shouldRun false; an existing pod
 *                                                             continues unless a NoExecute one is untolerated
 *   otherwise                                              → (true, true)
 *
 * Example: the default control-plane taint `node-role.kubernetes.io/control-plane:NoSchedule` is
 * not among the daemon tolerations, so master runs the pod only if the template tolerates it.
 * Node readiness and cordoning do not matter (the daemon tolerations cover them); resources are
 * left to the scheduler.
 */
import { matchesRequiredNodeAffinity } from '../../api/node-affinity.ts';
import { firstUntolerated } from '../../api/taints.ts';
import type { DaemonSet, Node, PodSpec } from '../../api/types/index.ts';
import { addDaemonTolerations } from './util.ts';

export interface ShouldRun {
  shouldRun: boolean;
  shouldContinueRunning: boolean;
}

/** The spec a daemon pod for `node` would have, for the checks (NewPod). */
export function daemonPodSpec(ds: DaemonSet, node: string): PodSpec {
  const spec: PodSpec = { ...ds.spec.template.spec, nodeName: node };
  addDaemonTolerations(spec);
  return spec;
}

export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): ShouldRun {
  const wanted = ds.spec.template.spec.nodeName;
  if (wanted && wanted !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  const spec = daemonPodSpec(ds, node.metadata.name);
  if (!matchesRequiredNodeAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec.taints;
  if (firstUntolerated(taints, spec.tolerations, ['NoSchedule', 'NoExecute'])) {
    return { shouldRun: false, shouldContinueRunning: !firstUntolerated(taints, spec.tolerations, ['NoExecute']) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
