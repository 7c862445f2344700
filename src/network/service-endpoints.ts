/**
 * A Service's backends as kube-proxy and CoreDNS read them: from the Service's EndpointSlices
 * (label `kubernetes.io/service-name`), or, for a Service whose Endpoints were written by hand and
 * never mirrored into slices, from its Endpoints object.
 *
 * A backend is one address with the port number its slice gives for one Service port name, and
 * the endpoint's conditions: kube-proxy sends traffic to ready endpoints, or, when none is ready,
 * to serving endpoints that are terminating (ProxyTerminatingEndpoints); CoreDNS answers with the
 * ready ones.
 */
import type { ObjectStore } from '../api/store.ts';
import type { EndpointSlice, Endpoints, Service } from '../api/types/index.ts';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export interface Backend {
  ip: string;
  /** The port for the requested Service port name; undefined when the slice has no ports. */
  port?: number;
  hostname?: string;
  nodeName?: string;
  pod?: { namespace: string; name: string };
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export function serviceSlices(store: ObjectStore, svc: Service): EndpointSlice[] {
  return store
    .list<EndpointSlice>('EndpointSlice', { namespace: svc.metadata.namespace })
    .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name);
}

/** Every backend of the Service for one port name ('' for an unnamed port), slices first. */
export function backendsFor(store: ObjectStore, svc: Service, portName: string): Backend[] {
  const slices = serviceSlices(store, svc);
  if (slices.length > 0) return fromSlices(slices, portName);
  const ep = store.get<Endpoints>('Endpoints', svc.metadata.namespace ?? '', svc.metadata.name);
  return ep ? fromEndpoints(ep, portName) : [];
}

function fromSlices(slices: EndpointSlice[], portName: string): Backend[] {
  const out: Backend[] = [];
  for (const s of slices) {
    const ports = s.ports ?? [];
    const port = ports.find((p) => (p.name ?? '') === portName)?.port;
    if (ports.length > 0 && port === undefined) continue;
    for (const e of s.endpoints ?? []) {
      const c = e.conditions ?? {};
      const ready = c.ready !== false;
      for (const ip of e.addresses ?? []) {
        out.push({
          ip,
          port,
          hostname: e.hostname,
          nodeName: e.nodeName,
          pod: e.targetRef?.kind === 'Pod' ? { namespace: e.targetRef.namespace ?? '', name: e.targetRef.name } : undefined,
          ready,
          serving: c.serving ?? ready,
          terminating: c.terminating ?? false,
        });
      }
    }
  }
  return out;
}

function fromEndpoints(ep: Endpoints, portName: string): Backend[] {
  const out: Backend[] = [];
  for (const ss of ep.subsets ?? []) {
    const ports = ss.ports ?? [];
    const port = ports.find((p) => (p.name ?? '') === portName)?.port;
    if (ports.length > 0 && port === undefined) continue;
    const add = (ready: boolean) => (a: NonNullable<typeof ss.addresses>[number]) =>
      out.push({
        ip: a.ip,
        port,
        hostname: a.hostname,
        nodeName: a.nodeName,
        pod: a.targetRef?.kind === 'Pod' ? { namespace: a.targetRef.namespace ?? '', name: a.targetRef.name } : undefined,
        ready,
        serving: ready,
        terminating: false,
      });
    (ss.addresses ?? []).forEach(add(true));
    (ss.notReadyAddresses ?? []).forEach(add(false));
  }
  return out;
}

/** Where kube-proxy sends a connection: the ready backends, else the serving terminating ones. */
export function trafficBackends(backends: Backend[]): Backend[] {
  const ready = backends.filter((b) => b.ready);
  if (ready.length > 0) return ready;
  return backends.filter((b) => b.serving && b.terminating);
}

/** The ready addresses CoreDNS answers with (one per address), whatever the port. */
export function dnsBackends(store: ObjectStore, svc: Service): Backend[] {
  const seen = new Set<string>();
  const out: Backend[] = [];
  const ports = svc.spec.ports ?? [];
  const names = ports.length ? ports.map((p) => p.name ?? '') : [''];
  for (const name of names) {
    for (const b of backendsFor(store, svc, name)) {
      if (!b.ready || seen.has(b.ip)) continue;
      seen.add(b.ip);
      out.push(b);
    }
  }
  return out;
}
