/**
 * What the Endpoints and EndpointSlice controllers share (k8s `k8s.io/endpointslice/util`
 * controller_utils.go and utils.go): which Services a pod belongs to, whether a pod is listed at
 * all, how a Service port's targetPort resolves on a pod, and when an address carries a hostname.
 */
import { fromMap, matches } from '../../api/selector.ts';
import type { ObjectStore, WatchEvent } from '../../api/store.ts';
import type { Pod, Service, ServicePort } from '../../api/types/index.ts';
import { isPodReady, isPodTerminal } from '../util/pod.ts';

/** Label set on the Endpoints and EndpointSlices of a Service without a ClusterIP. */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const SLICE_MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';
export const TOPOLOGY_ZONE_LABEL = 'topology.kubernetes.io/zone';

/**
 * The selector the controllers act on, or undefined when they leave the Service alone:
 * ExternalName Services and Services without a selector get no endpoints from them. An empty
 * selector map is stored as no selector by the API (protobuf drops empty maps), so it is none too.
 */
export function managedSelector(svc: Service): Record<string, string> | undefined {
  if (svc.spec.type === 'ExternalName') return undefined;
  const sel = svc.spec.selector;
  if (!sel || Object.keys(sel).length === 0) return undefined;
  return sel;
}

export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec.clusterIP;
  return !!ip && ip !== 'None';
}

/** The pods a Service selects, in the store's index order (deterministic, and cheaper than sorting). */
export function selectedPods(store: ObjectStore, svc: Service, selector: Record<string, string>): Pod[] {
  return store.unsortedList<Pod>('Pod', { namespace: svc.metadata.namespace, selector: fromMap(selector) });
}

/** Keys (`ns/name`) of the Services in `namespace` whose selector matches these labels. */
export function servicesMatching(store: ObjectStore, namespace: string, labels: Record<string, string> | undefined): string[] {
  const keys: string[] = [];
  for (const svc of store.unsortedList<Service>('Service', { namespace })) {
    const sel = managedSelector(svc);
    if (sel && matches(fromMap(sel), labels)) keys.push(`${namespace}/${svc.metadata.name}`);
  }
  return keys;
}

/**
 * ShouldPodBeInEndpoints: not terminal (Succeeded/Failed), has an IP, and not being deleted unless
 * terminating pods are wanted (EndpointSlices keep them, marked terminating).
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && (pod.status?.podIPs ?? []).length === 0) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** The pod's IPv4 (or IPv6) address, as podToEndpointAddressForService picks it. */
export function podAddress(pod: Pod, family: 'IPv4' | 'IPv6'): string | undefined {
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip);
  if (ips.length === 0 && pod.status?.podIP) ips.push(pod.status.podIP);
  return ips.find((ip) => ip.includes(':') === (family === 'IPv6'));
}

/** ShouldSetHostname: the pod names a hostname and its subdomain is this Service (same namespace). */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec.hostname && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

/**
 * FindPort: a numeric targetPort is used as is; a named one is looked up among the ports of the
 * pod's containers (and sidecar init containers) with the same protocol. Undefined when the pod
 * has no such port: the pod is then left out for that Service port.
 *
 *   targetPort: http, pod A `ports: [{name: http, containerPort: 8080}]` → 8080
 *                     pod B `ports: [{name: http, containerPort: 80}]`   → 80
 *                     pod C without a port named http                    → undefined
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  const protocol = sp.protocol ?? 'TCP';
  const containers = [...pod.spec.containers, ...(pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}

/** Labels equal as maps (key order does not matter). */
export function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ak = Object.keys(a ?? {});
  const bk = Object.keys(b ?? {});
  return ak.length === bk.length && ak.every((k) => (a ?? {})[k] === (b ?? {})[k] && k in (b ?? {}));
}

/**
 * The Services to sync after a pod event (upstream GetServicesToUpdateOnPodChange). An update
 * that changes nothing an endpoint shows (most status updates) concerns no Service; one that
 * changes the pod's labels concerns the Services it joins or leaves, and all of them when the
 * endpoint itself changed too.
 */
export function servicesForPodEvent(store: ObjectStore, e: WatchEvent): string[] {
  const pod = e.object as Pod;
  const ns = pod.metadata.namespace ?? '';
  const old = e.old as Pod | undefined;
  // A pod without an IP is in no endpoints list: its arrival changes nothing.
  if (e.type === 'ADDED' && !pod.status?.podIP) return [];
  if (e.type !== 'MODIFIED' || !old) return servicesMatching(store, ns, pod.metadata.labels);
  const labelsChanged = !sameLabels(pod.metadata.labels, old.metadata.labels) || pod.spec.hostname !== old.spec.hostname || pod.spec.subdomain !== old.spec.subdomain;
  const podChanged =
    pod.metadata.deletionTimestamp !== old.metadata.deletionTimestamp ||
    isPodReady(pod) !== isPodReady(old) ||
    isPodTerminal(pod) !== isPodTerminal(old) ||
    (pod.status?.podIP ?? '') !== (old.status?.podIP ?? '') ||
    (pod.status?.podIPs ?? []).map((x) => x.ip).join() !== (old.status?.podIPs ?? []).map((x) => x.ip).join();
  if (!labelsChanged) return podChanged ? servicesMatching(store, ns, pod.metadata.labels) : [];
  const now = new Set(servicesMatching(store, ns, pod.metadata.labels));
  const before = new Set(servicesMatching(store, ns, old.metadata.labels));
  if (podChanged) return [...new Set([...now, ...before])];
  return [...[...now].filter((k) => !before.has(k)), ...[...before].filter((k) => !now.has(k))];
}
