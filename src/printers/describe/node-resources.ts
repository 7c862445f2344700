/**
 * The `Non-terminated Pods` table and `Allocated resources` of `kubectl describe node`
 * (describeNodeResource). Requests and limits of a pod follow resourcehelper.PodRequestsAndLimits:
 * the containers' sum, raised to any larger init container (sidecars added to both). Percentages
 * are of the node's allocatable, truncated: 100m of 4 CPUs is 2% (2.5 truncated).
 */
import type { Container, Node, Pod } from '../../api/types/index.ts';
import { age } from '../../api/duration.ts';
import { addQty, formatQty, maxQty, parseQty, qtyValue, ZERO, type Qty } from '../quantity-format.ts';
import type { PrintContext } from '../types.ts';
import { LEVEL_0, LEVEL_1, type DescribeWriter } from './writer.ts';

type ResourceList = Map<string, Qty>;

function containerList(c: Container, which: 'requests' | 'limits'): ResourceList {
  const out: ResourceList = new Map();
  const src = c.resources?.[which] ?? {};
  // A limit without a request defaults the request to the limit (API defaulting).
  const merged = which === 'requests' ? { ...(c.resources?.limits ?? {}), ...src } : src;
  for (const [k, v] of Object.entries(merged)) {
    const q = parseQty(v);
    if (q) out.set(k, q);
  }
  return out;
}

function addList(a: ResourceList, b: ResourceList): ResourceList {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, addQty(out.get(k) ?? ZERO, v));
  return out;
}

function maxList(a: ResourceList, b: ResourceList): ResourceList {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, out.has(k) ? maxQty(out.get(k)!, v) : v);
  return out;
}

/** PodRequestsAndLimits (without pod overhead). */
export function podRequestsAndLimits(pod: Pod): { requests: ResourceList; limits: ResourceList } {
  const result = { requests: new Map() as ResourceList, limits: new Map() as ResourceList };
  for (const which of ['requests', 'limits'] as const) {
    let total: ResourceList = new Map();
    for (const c of pod.spec?.containers ?? []) total = addList(total, containerList(c, which));
    let sidecars: ResourceList = new Map();
    let initMax: ResourceList = new Map();
    for (const c of pod.spec?.initContainers ?? []) {
      const r = containerList(c, which);
      if (c.restartPolicy === 'Always') {
        sidecars = addList(sidecars, r);
        initMax = maxList(initMax, sidecars);
      } else {
        initMax = maxList(initMax, addList(r, sidecars));
      }
    }
    result[which] = maxList(addList(total, sidecars), initMax);
  }
  return result;
}

function percent(q: Qty, allocatable: Qty | undefined): number {
  const total = allocatable ? qtyValue(allocatable) : 0;
  return total === 0 ? 0 : Math.trunc((qtyValue(q) / total) * 100);
}

const HUGEPAGES = /^hugepages-/;
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);

export function describeNodeResource(w: DescribeWriter, node: Node, pods: readonly Pod[], ctx: PrintContext): void {
  const allocatableSrc = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status!.allocatable! : (node.status?.capacity ?? {});
  const allocatable = new Map(Object.entries(allocatableSrc).map(([k, v]) => [k, parseQty(v) ?? ZERO]));
  const cpuAlloc = allocatable.get('cpu');
  const memAlloc = allocatable.get('memory');
  const cell = (q: Qty | undefined, alloc: Qty | undefined) => `${formatQty(q ?? ZERO)} (${percent(q ?? ZERO, alloc)}%)`;

  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  let reqs: ResourceList = new Map();
  let limits: ResourceList = new Map();
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod);
    reqs = addList(reqs, r.requests);
    limits = addList(limits, r.limits);
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t${cell(r.requests.get('cpu'), cpuAlloc)}\t${cell(r.limits.get('cpu'), cpuAlloc)}\t${cell(r.requests.get('memory'), memAlloc)}\t${cell(r.limits.get('memory'), memAlloc)}\t${age(pod.metadata.creationTimestamp, ctx.now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const alloc = allocatable.get(name);
    w.write(LEVEL_1, `${name}\t${cell(reqs.get(name), alloc)}\t${cell(limits.get(name), alloc)}\n`);
  }
  const names = [...allocatable.keys()].sort();
  for (const name of names.filter((n) => HUGEPAGES.test(n))) {
    const alloc = allocatable.get(name);
    w.write(LEVEL_1, `${name}\t${cell(reqs.get(name), alloc)}\t${cell(limits.get(name), alloc)}\n`);
  }
  for (const name of names.filter((n) => !HUGEPAGES.test(n) && !STANDARD.has(n))) {
    w.write(LEVEL_1, `${name}\t${formatQty(reqs.get(name) ?? ZERO)}\t${formatQty(limits.get(name) ?? ZERO)}\n`);
  }
}
