/**
 * Placing endpoints into EndpointSlices (k8s `k8s.io/endpointslice` reconciler.go
 * reconcileByPortMapping and finalize), as a pure function: given the Service's current slices and
 * the desired endpoints grouped by their port list, say which slices to create, update and delete.
 *
 * For each group of desired endpoints sharing a port list:
 *   1. existing slices of that port list keep the endpoints still desired (refreshed if their
 *      conditions, node, zone or target changed); a slice left empty is deleted;
 *   2. changed slices are topped up with the remaining endpoints, fullest first;
 *   3. what remains goes into the unchanged slice that it fills closest to full, or new slices of
 *      at most `maxPerSlice` endpoints.
 * Slices of port lists no longer desired are deleted; a Service with nothing to list keeps one
 * empty placeholder slice; a slice about to be deleted is reused (renamed into) rather than
 * deleting one and creating another.
 *
 * Worked example (max 100): 250 new endpoints, no slices → 3 new slices of 100, 100, 50. Then 10
 * more endpoints → the slice with 50 is unchanged and takes them (60); nothing is created.
 *
 * Upstream iterates Go maps (random order); here groups, slices and endpoints keep a stable
 * order (slices by name, endpoints in pod order) so a seed replays exactly.
 */
import { clone, deepEqual } from '../../api/object-util.ts';
import type { EndpointSlice } from '../../api/types/index.ts';
import { sameLabels } from './util.ts';

export type SliceEndpoint = EndpointSlice['endpoints'][number];
export type SlicePort = NonNullable<EndpointSlice['ports']>[number];

export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface DesiredGroup {
  ports: SlicePort[];
  endpoints: SliceEndpoint[];
}

export interface PlanInput {
  /** The Service's slices (managed by this controller, not being deleted), of one address type. */
  existing: readonly EndpointSlice[];
  /** Whether an existing slice is owned by this Service (a slice of an old same-named one is not). */
  owned: (s: EndpointSlice) => boolean;
  desired: readonly DesiredGroup[];
  /** The labels every slice of the Service should have. */
  labels: Record<string, string>;
  /** A new, unnamed slice for these ports, with the labels, owner and address type set. */
  newSlice: (ports: SlicePort[]) => EndpointSlice;
  maxPerSlice?: number;
  /** Keep one empty slice when there is nothing to list (the EndpointSlice controller does; mirroring does not). */
  placeholder?: boolean;
}

export interface SlicePlan {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

/** The identity of an endpoint within a Service (upstream hashEndpoint). */
export function endpointKey(e: SliceEndpoint): string {
  const t = e.targetRef;
  return `${e.addresses.join(',')}|${e.hostname ?? ''}|${t ? `${t.namespace ?? ''}/${t.name}` : ''}`;
}

/** A canonical key for a port list (order does not matter). */
export function portsKey(ports: readonly SlicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => `${p.name ?? ''}/${p.port ?? ''}/${p.protocol ?? 'TCP'}/${p.appProtocol ?? ''}`)
    .sort()
    .join(',');
}

export function planSlices(input: PlanInput): SlicePlan {
  const max = input.maxPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const create: EndpointSlice[] = [];
  const update: EndpointSlice[] = [];
  const del: EndpointSlice[] = [];
  const byPorts = new Map<string, EndpointSlice[]>();
  for (const s of [...input.existing].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    if (!input.owned(s)) {
      del.push(s);
      continue;
    }
    const k = portsKey(s.ports);
    byPorts.set(k, [...(byPorts.get(k) ?? []), s]);
  }
  const desiredKeys = new Set<string>();
  for (const group of input.desired) {
    const k = portsKey(group.ports);
    desiredKeys.add(k);
    const r = placeGroup(byPorts.get(k) ?? [], group, input, max);
    create.push(...r.create);
    update.push(...r.update);
    del.push(...r.delete);
  }
  for (const [k, slices] of byPorts) if (!desiredKeys.has(k)) del.push(...slices);
  if (input.placeholder !== false && input.existing.length === del.length && create.length === 0) {
    const placeholder = input.newSlice([]);
    const only = del.length === 1 ? del[0] : undefined;
    if (only && isPlaceholderLike(only, placeholder)) del.length = 0;
    else create.push(placeholder);
  }
  return reuseDeleted({ create, update, delete: del }, input.owned);
}

function placeGroup(existing: EndpointSlice[], group: DesiredGroup, input: PlanInput, max: number): SlicePlan {
  const desired = new Map<string, SliceEndpoint>();
  for (const e of group.endpoints) desired.set(endpointKey(e), e);
  const toUpdate = new Map<string, EndpointSlice>();
  const unchanged = new Map<string, EndpointSlice>();
  const toDelete: EndpointSlice[] = [];
  // 1. keep what is still desired.
  for (const s of existing) {
    const kept: SliceEndpoint[] = [];
    let changed = false;
    for (const e of s.endpoints ?? []) {
      const k = endpointKey(e);
      const want = desired.get(k);
      if (!want) continue;
      kept.push(want);
      if (!deepEqual(want, e)) changed = true;
      desired.delete(k);
    }
    const labelsChanged = !sameLabels(s.metadata.labels, input.labels);
    if (changed || kept.length !== (s.endpoints ?? []).length) {
      if (kept.length === 0) toDelete.push(s);
      else toUpdate.set(s.metadata.name, { ...clone(s), endpoints: kept, metadata: { ...clone(s.metadata), labels: { ...input.labels } } });
    } else if (labelsChanged) {
      toUpdate.set(s.metadata.name, { ...clone(s), metadata: { ...clone(s.metadata), labels: { ...input.labels } } });
    } else unchanged.set(s.metadata.name, s);
  }
  const remaining = [...desired.values()];
  // 2. top up the slices that change anyway, fullest first.
  const fullestFirst = [...toUpdate.values()].sort((a, b) => b.endpoints.length - a.endpoints.length || (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const s of fullestFirst) while (remaining.length && s.endpoints.length < max) s.endpoints.push(remaining.shift()!);
  // 3. fit the rest into an unchanged slice, or new ones.
  const create: EndpointSlice[] = [];
  while (remaining.length) {
    let target: EndpointSlice | undefined;
    if (remaining.length < max && unchanged.size) {
      const fill = sliceToFill([...unchanged.values()], remaining.length, max);
      if (fill) {
        unchanged.delete(fill.metadata.name);
        target = clone(fill) as EndpointSlice;
        toUpdate.set(target.metadata.name, target);
      }
    }
    if (!target) {
      target = input.newSlice(group.ports);
      create.push(target);
    }
    while (remaining.length && target.endpoints.length < max) target.endpoints.push(remaining.shift()!);
  }
  return { create, update: [...toUpdate.values()], delete: toDelete };
}

/** getSliceToFill: the slice closest to full once `n` endpoints are added, if any has room. */
function sliceToFill(slices: EndpointSlice[], n: number, max: number): EndpointSlice | undefined {
  let best: EndpointSlice | undefined;
  let bestDiff = max;
  for (const s of slices) {
    const diff = max - (n + s.endpoints.length);
    if (diff >= 0 && diff < bestDiff) {
      bestDiff = diff;
      best = s;
      if (diff === 0) break;
    }
  }
  return best;
}

function isPlaceholderLike(s: EndpointSlice, placeholder: EndpointSlice): boolean {
  return (
    (s.endpoints ?? []).length === 0 &&
    (s.ports ?? []).length === 0 &&
    s.addressType === placeholder.addressType &&
    sameLabels(s.metadata.labels, placeholder.metadata.labels)
  );
}

/** finalize: a slice to create takes the name of a slice to delete (same address type, owned). */
function reuseDeleted(plan: SlicePlan, owned: (s: EndpointSlice) => boolean): SlicePlan {
  const create = [...plan.create];
  const update = [...plan.update];
  const del = [...plan.delete];
  for (let i = 0; i < del.length && create.length > 0; ) {
    const old = del[i];
    const next = create[create.length - 1];
    if (old.addressType === next.addressType && owned(old)) {
      next.metadata = { ...next.metadata, name: old.metadata.name, uid: old.metadata.uid };
      delete next.metadata.generateName;
      create.pop();
      update.push(next);
      del.splice(i, 1);
    } else i++;
  }
  return { create, update, delete: del };
}
