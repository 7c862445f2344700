/**
 * The numbers in the header: nodes (and how many are Ready), pods by phase, and the CPU and
 * memory that pods request against what the nodes can allocate — what `kubectl describe node`
 * shows under "Allocated resources", summed over the cluster. Computed once per refresh.
 */
import { parseBytes, parseCpuMillis } from '../../api/quantity.ts';
import { podRequests } from '../../api/resources.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { Node, Pod } from '../../api/types/index.ts';

export interface ClusterSummary {
  nodes: number;
  readyNodes: number;
  pods: number;
  running: number;
  pending: number;
  failed: number;
  /** millicores */
  cpuRequested: number;
  cpuAllocatable: number;
  /** bytes */
  memRequested: number;
  memAllocatable: number;
}

export function clusterSummary(store: ObjectStore): ClusterSummary {
  const s: ClusterSummary = { nodes: 0, readyNodes: 0, pods: 0, running: 0, pending: 0, failed: 0, cpuRequested: 0, cpuAllocatable: 0, memRequested: 0, memAllocatable: 0 };
  for (const n of store.unsortedList<Node>('Node')) {
    s.nodes++;
    if (n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) s.readyNodes++;
    s.cpuAllocatable += parseCpuMillis(n.status?.allocatable?.cpu);
    s.memAllocatable += parseBytes(n.status?.allocatable?.memory);
  }
  for (const p of store.unsortedList<Pod>('Pod')) {
    s.pods++;
    const phase = p.status?.phase;
    if (phase === 'Running') s.running++;
    else if (phase === 'Pending' || phase === undefined) s.pending++;
    else if (phase === 'Failed') s.failed++;
    if (p.spec.nodeName && phase !== 'Succeeded' && phase !== 'Failed') {
      const r = podRequests(p);
      s.cpuRequested += r.cpu;
      s.memRequested += r.memory;
    }
  }
  return s;
}
