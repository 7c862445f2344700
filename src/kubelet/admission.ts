/**
 * Kubelet admission (pkg/kubelet/lifecycle/predicate.go): before running a pod, the node checks it
 * fits, since a pod created with spec.nodeName never met the scheduler. In order: resources
 * (requests against allocatable minus what admitted pods request, and the pod count), nodeName,
 * host ports, node affinity/selector, then NoExecute taints. A rejected pod fails at once:
 * phase Failed, reason `OutOfcpu` / `OutOfmemory` / `OutOfpods` / `NodeAffinity`..., message
 * `Pod was rejected: ...`, and a Warning event with that reason.
 *
 * Worked example: a 4-CPU node with 3800m requested by running pods admits a pod asking 500m?
 * 3800 + 500 > 4000 → rejected: "Node didn't have enough resource: cpu, requested: 500, used:
 * 3800, capacity: 4000".
 */
import { matchesRequiredNodeAffinity } from '../api/node-affinity.ts';
import { parseBytes, parseCpuMillis } from '../api/quantity.ts';
import { podRequests } from '../api/resources.ts';
import { tolerates } from '../api/taints.ts';
import type { Node, Pod } from '../api/types/index.ts';

export interface Rejection {
  reason: string;
  message: string;
}

function hostPorts(pod: Pod): string[] {
  return pod.spec.containers.flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort).map((p) => `${p.protocol ?? 'TCP'}/${p.hostPort}`));
}

/** Checks `pod` against `node` given the pods already admitted there; undefined = admitted. */
export function admitPod(pod: Pod, node: Node, admitted: Pod[]): Rejection | undefined {
  const alloc = node.status?.allocatable ?? {};
  const cap = { cpu: parseCpuMillis(alloc.cpu ?? '0'), memory: parseBytes(alloc.memory ?? '0'), pods: Number(alloc.pods ?? '0') };
  const used = { cpu: 0, memory: 0 };
  for (const p of admitted) {
    const r = podRequests(p);
    used.cpu += r.cpu;
    used.memory += r.memory;
  }
  const req = podRequests(pod);
  const insufficient = (resource: string, requested: number, u: number, capacity: number): Rejection => ({
    reason: `OutOf${resource}`,
    message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${u}, capacity: ${capacity}`,
  });
  if (admitted.length + 1 > cap.pods) return insufficient('pods', 1, admitted.length, cap.pods);
  if (req.cpu > 0 && used.cpu + req.cpu > cap.cpu) return insufficient('cpu', req.cpu, used.cpu, cap.cpu);
  if (req.memory > 0 && used.memory + req.memory > cap.memory) return insufficient('memory', req.memory, used.memory, cap.memory);
  if (pod.spec.nodeName && pod.spec.nodeName !== node.metadata.name) return { reason: 'NodeName', message: 'Predicate NodeName failed' };
  const taken = new Set(admitted.flatMap(hostPorts));
  if (hostPorts(pod).some((p) => taken.has(p))) return { reason: 'NodePorts', message: 'Predicate NodePorts failed' };
  if (!matchesRequiredNodeAffinity(pod.spec, node)) return { reason: 'NodeAffinity', message: 'Predicate NodeAffinity failed' };
  const untolerated = (node.spec.taints ?? []).find((t) => t.effect === 'NoExecute' && !tolerates(pod.spec.tolerations, t));
  if (untolerated) return { reason: 'TaintToleration', message: 'Predicate TaintToleration failed' };
  return undefined;
}
