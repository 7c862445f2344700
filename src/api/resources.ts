/**
 * A pod's resource requests as the scheduler and the kubelet count them (k8s
 * component-helpers resource.PodRequests): the sum over regular containers, raised to the largest
 * init container, with restartable (sidecar) init containers added to both.
 *
 * Worked example: init containers of 500m and 200m (not sidecars), containers of 100m + 100m →
 * max(500m, 200m) = 500m > 200m, so the pod requests 500m of CPU.
 */
import { parseBytes, parseCpuMillis } from './quantity.ts';
import type { Container, Pod, PodSpec } from './types/index.ts';

export interface Resources {
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
}

/** The scheduler's defaults for scoring containers without requests (DefaultMilliCPURequest, DefaultMemoryRequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function containerRequests(c: Container, nonZero: boolean): Resources {
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  // A limit without a request defaults the request to the limit (API defaulting).
  const cpuQ = req.cpu ?? lim.cpu;
  const memQ = req.memory ?? lim.memory;
  let cpu = cpuQ !== undefined ? parseCpuMillis(cpuQ) : 0;
  let memory = memQ !== undefined ? parseBytes(memQ) : 0;
  if (nonZero) {
    if (cpuQ === undefined) cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (memQ === undefined) memory = DEFAULT_MEMORY_REQUEST;
  }
  return { cpu, memory };
}

function add(a: Resources, b: Resources): Resources {
  return { cpu: a.cpu + b.cpu, memory: a.memory + b.memory };
}

function max(a: Resources, b: Resources): Resources {
  return { cpu: Math.max(a.cpu, b.cpu), memory: Math.max(a.memory, b.memory) };
}

/** Requests of a pod spec; `nonZero` counts containers without requests at the scoring defaults. */
export function podSpecRequests(spec: PodSpec, nonZero = false): Resources {
  let total: Resources = { cpu: 0, memory: 0 };
  for (const c of spec.containers ?? []) total = add(total, containerRequests(c, nonZero));
  let sidecars: Resources = { cpu: 0, memory: 0 };
  let initMax: Resources = { cpu: 0, memory: 0 };
  for (const c of spec.initContainers ?? []) {
    const r = containerRequests(c, nonZero);
    if (c.restartPolicy === 'Always') {
      sidecars = add(sidecars, r);
      initMax = max(initMax, sidecars);
    } else {
      initMax = max(initMax, add(r, sidecars));
    }
  }
  return max(add(total, sidecars), initMax);
}

/** Requests by pod spec: stored objects are frozen, so a spec's requests never change. */
const requestsCache = new WeakMap<PodSpec, Resources>();
const nonZeroCache = new WeakMap<PodSpec, Resources>();

export function podRequests(pod: Pod, nonZero = false): Resources {
  if (!Object.isFrozen(pod.spec)) return podSpecRequests(pod.spec, nonZero);
  const cache = nonZero ? nonZeroCache : requestsCache;
  let r = cache.get(pod.spec);
  if (!r) cache.set(pod.spec, (r = Object.freeze(podSpecRequests(pod.spec, nonZero))));
  return r;
}

/** Limits summed over regular containers (for describe node's Allocated resources). */
export function podLimits(pod: Pod): Resources {
  let total: Resources = { cpu: 0, memory: 0 };
  for (const c of pod.spec.containers ?? []) {
    const lim = c.resources?.limits ?? {};
    total = add(total, { cpu: lim.cpu !== undefined ? parseCpuMillis(lim.cpu) : 0, memory: lim.memory !== undefined ? parseBytes(lim.memory) : 0 });
  }
  return total;
}
