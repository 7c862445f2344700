/**
 * k9s's useful extra columns, added after kubectl's own (before AGE): what kubectl shows only with
 * `-o wide` but a dashboard wants at a glance (a pod's IP and NODE, a Deployment's IMAGES), and a
 * few computed cells kubectl has no column for (a ReplicaSet's REVISION, a node's pod count and
 * requested CPU/memory against allocatable, a pod's requests).
 *
 * An extra is either a wide column taken from the printers (`fromWide`), so its cells are the very
 * ones `kubectl get -o wide` prints, or a cell computed here from the stored object.
 */
import { formatBytes, formatCpuMillis, parseBytes, parseCpuMillis } from '../../api/quantity.ts';
import { podRequests } from '../../api/resources.ts';
import type { KubeObject, Node, Pod, StatefulSet } from '../../api/types/index.ts';
import type { PrintContext } from '../../printers/index.ts';
import type { TableView } from './view-names.ts';

export interface ExtraColumn {
  name: string;
  /** Take the printers' wide column of this name. */
  fromWide?: boolean;
  cell?: (obj: KubeObject, ctx: PrintContext) => string;
  /** The cell reads other objects than its own (so it cannot be cached by the object's identity). */
  readsStore?: boolean;
}

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** Pods that hold resources on a node: bound and not finished. */
export function activePodsOnNode(ctx: PrintContext, node: string): Pod[] {
  return ctx.store.podsOnNode<Pod>(node).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

/** `750m (18%)`: the sum of requests against allocatable. */
export function usage(requested: number, allocatable: number, format: (n: number) => string): string {
  const pct = allocatable > 0 ? Math.round((requested * 100) / allocatable) : 0;
  return `${format(requested)} (${pct}%)`;
}

export function nodeRequests(ctx: PrintContext, node: string): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const p of activePodsOnNode(ctx, node)) {
    const r = podRequests(p);
    cpu += r.cpu;
    memory += r.memory;
  }
  return { cpu, memory };
}

/** Memory as a person reads it: binary units with one decimal at most (`1.5Gi`, `256Mi`). */
export function humanBytes(b: number): string {
  const exact = formatBytes(b);
  if (!/\d{5,}/.test(exact) && exact.length <= 7) return exact;
  for (const [unit, f] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (b >= f) return `${Number((b / f).toFixed(1))}${unit}`;
  }
  return String(b);
}

const nodeCpu: ExtraColumn = {
  name: 'CPU/R',
  readsStore: true,
  cell: (o, ctx) => usage(nodeRequests(ctx, o.metadata.name).cpu, parseCpuMillis((o as Node).status?.allocatable?.cpu), formatCpuMillis),
};
const nodeMem: ExtraColumn = {
  name: 'MEM/R',
  readsStore: true,
  cell: (o, ctx) => usage(nodeRequests(ctx, o.metadata.name).memory, parseBytes((o as Node).status?.allocatable?.memory), humanBytes),
};

export const EXTRAS: Partial<Record<TableView, readonly ExtraColumn[]>> = {
  pods: [
    { name: 'IP', fromWide: true },
    { name: 'NODE', fromWide: true },
    { name: 'CPU/R', cell: (o) => formatCpuMillis(podRequests(o as Pod).cpu) },
    { name: 'MEM/R', cell: (o) => humanBytes(podRequests(o as Pod).memory) },
  ],
  deployments: [{ name: 'IMAGES', fromWide: true }],
  replicasets: [
    { name: 'REVISION', cell: (o) => o.metadata.annotations?.[REVISION_ANNOTATION] ?? '' },
    { name: 'IMAGES', fromWide: true },
  ],
  statefulsets: [
    { name: 'SERVICE', cell: (o) => (o as StatefulSet).spec.serviceName ?? '' },
    { name: 'IMAGES', fromWide: true },
  ],
  daemonsets: [{ name: 'IMAGES', fromWide: true }],
  jobs: [{ name: 'IMAGES', fromWide: true }],
  nodes: [
    { name: 'TAINTS', cell: (o) => String((o as Node).spec?.taints?.length ?? 0) },
    { name: 'PODS', readsStore: true, cell: (o, ctx) => String(activePodsOnNode(ctx, o.metadata.name).length) },
    nodeCpu,
    nodeMem,
    { name: 'INTERNAL-IP', fromWide: true },
  ],
};
