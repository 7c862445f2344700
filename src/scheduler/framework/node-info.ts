/**
 * NodeInfo (k8s framework/types.go): a node with what is placed on it, kept incrementally as pods
 * come and go, so placing a pod costs the same with 100 pods or 100,000 in the cluster.
 */
import { parseBytes, parseCpuMillis } from '../../api/quantity.ts';
import { podRequests, type Resources } from '../../api/resources.ts';
import type { Node, Pod } from '../../api/types/index.ts';

export interface Allocatable extends Resources {
  pods: number;
}

export class NodeInfo {
  node: Node;
  /** Pods counted on this node, by namespace/name. */
  readonly pods = new Map<string, Pod>();
  requested: Resources = { cpu: 0, memory: 0 };
  /** Requests with the scoring defaults for containers that ask for nothing. */
  nonZeroRequested: Resources = { cpu: 0, memory: 0 };
  /** hostPort usage: `protocol/hostIP/port`. */
  readonly usedPorts = new Map<string, number>();

  constructor(node: Node) {
    this.node = node;
  }

  get name(): string {
    return this.node.metadata.name;
  }

  private parsed?: { from: Node['status']; value: Allocatable };

  /** The node's allocatable resources, parsed once per node status. */
  allocatable(): Allocatable {
    const status = this.node.status;
    if (this.parsed && this.parsed.from === status) return this.parsed.value;
    const a = status?.allocatable ?? {};
    const value = { cpu: parseCpuMillis(a.cpu ?? '0'), memory: parseBytes(a.memory ?? '0'), pods: Number(a.pods ?? '0') };
    this.parsed = { from: status, value };
    return value;
  }

  addPod(key: string, pod: Pod): void {
    if (this.pods.has(key)) this.removePod(key);
    this.pods.set(key, pod);
    const r = podRequests(pod);
    const nz = podRequests(pod, true);
    this.requested = { cpu: this.requested.cpu + r.cpu, memory: this.requested.memory + r.memory };
    this.nonZeroRequested = { cpu: this.nonZeroRequested.cpu + nz.cpu, memory: this.nonZeroRequested.memory + nz.memory };
    for (const p of hostPorts(pod)) this.usedPorts.set(p, (this.usedPorts.get(p) ?? 0) + 1);
  }

  removePod(key: string): void {
    const pod = this.pods.get(key);
    if (!pod) return;
    this.pods.delete(key);
    const r = podRequests(pod);
    const nz = podRequests(pod, true);
    this.requested = { cpu: this.requested.cpu - r.cpu, memory: this.requested.memory - r.memory };
    this.nonZeroRequested = { cpu: this.nonZeroRequested.cpu - nz.cpu, memory: this.nonZeroRequested.memory - nz.memory };
    for (const p of hostPorts(pod)) {
      const n = (this.usedPorts.get(p) ?? 0) - 1;
      if (n <= 0) this.usedPorts.delete(p);
      else this.usedPorts.set(p, n);
    }
  }
}

/** `TCP/0.0.0.0/8080` for each container hostPort of a pod. */
export function hostPorts(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostIP || '0.0.0.0'}/${p.hostPort}`);
  }
  return out;
}
