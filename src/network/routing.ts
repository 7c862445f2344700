/**
 * Where a TCP connection from a pod goes, as the node's network and kube-proxy (iptables mode)
 * would take it.
 *
 *   127.0.0.1 / own IP   a container of the same pod listening on the port, else refused
 *   a ClusterIP          a Service port with that number → one of its ready backends (the serving
 *                        terminating ones when none is ready), chosen at random as iptables does
 *                        with the seeded source, or in turn without one; sessionAffinity ClientIP
 *                        keeps a client on one backend; no backend → refused (kube-proxy's REJECT);
 *                        a port the Service does not expose → no rule at all: timeout
 *   an external IP       a Service listing it in spec.externalIPs, on one of its ports → as the Service
 *   a node's InternalIP  a NodePort → as the Service; 6443 on a control-plane node → the API server
 *   a pod IP             a running container listening on the port, else refused
 *   a public address     the internet (80 and 443 answer); anything else times out
 */
import type { ObjectStore } from '../api/store.ts';
import type { Container, Node, Pod, Service, ServicePort } from '../api/types/index.ts';
import type { ImageCatalog } from '../kubelet/images.ts';
import type { SeededRandom } from '../sim/random.ts';
import { fnv1a32 } from '../api/names.ts';
import { isPublicIp } from './external.ts';
import { backendsFor, trafficBackends, type Backend } from './service-endpoints.ts';

export const API_SERVER_PORT = 6443;

export interface NetContext {
  store: ObjectStore;
  catalog: ImageCatalog;
  /** iptables picks a backend at random; without a source, backends are taken in turn. */
  random?: { int(n: number): number } | SeededRandom;
}

export type Target =
  | { kind: 'pod'; pod: Pod; container: Container; ip: string; port: number }
  | { kind: 'apiserver'; ip: string; port: number }
  | { kind: 'external'; ip: string; port: number };

export type ConnectResult =
  | { ok: true; target: Target; service?: Service }
  | { ok: false; error: 'refused' | 'timeout' };

/** Round-robin positions per cluster (keyed by its store) and Service. */
const turns = new WeakMap<ObjectStore, Map<string, number>>();

export function connect(net: NetContext, client: Pod, ip: string, port: number): ConnectResult {
  const own = client.status?.podIP;
  if (ip === '127.0.0.1' || (own && ip === own && !client.spec.hostNetwork)) return toPod(net, client, ip, port);
  const svc = serviceByClusterIp(net.store, ip);
  if (svc) {
    const sp = (svc.spec.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    return sp ? viaService(net, client, svc, sp) : { ok: false, error: 'timeout' };
  }
  const external = serviceByExternalIp(net.store, ip, port);
  if (external) return viaService(net, client, external.svc, external.port);
  const node = nodeByIp(net.store, ip);
  if (node) {
    const np = nodePortService(net.store, port);
    if (np) return viaService(net, client, np.svc, np.port);
    if (port === API_SERVER_PORT && node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) {
      return { ok: true, target: { kind: 'apiserver', ip, port } };
    }
    return { ok: false, error: 'refused' };
  }
  const pod = podByIp(net.store, ip);
  if (pod) return toPod(net, pod, ip, port);
  if (isPublicIp(ip)) return port === 80 || port === 443 ? { ok: true, target: { kind: 'external', ip, port } } : { ok: false, error: 'timeout' };
  return { ok: false, error: 'timeout' };
}

function viaService(net: NetContext, client: Pod, svc: Service, sp: ServicePort): ConnectResult {
  const backends = trafficBackends(backendsFor(net.store, svc, sp.name ?? ''));
  if (backends.length === 0) return { ok: false, error: 'refused' };
  const b = pickBackend(net, client, svc, backends);
  const port = b.port ?? (typeof sp.targetPort === 'number' ? sp.targetPort : sp.port);
  const result = connectBackend(net, client, b.ip, port);
  return result.ok ? { ...result, service: svc } : result;
}

/** A backend is usually a pod, but hand-written Endpoints may point anywhere. */
function connectBackend(net: NetContext, client: Pod, ip: string, port: number): ConnectResult {
  const pod = podByIp(net.store, ip);
  if (pod) return toPod(net, pod, ip, port);
  return connect(net, client, ip, port);
}

function pickBackend(net: NetContext, client: Pod, svc: Service, backends: Backend[]): Backend {
  if (backends.length === 1) return backends[0];
  if (svc.spec.sessionAffinity === 'ClientIP') return backends[fnv1a32(client.status?.podIP ?? client.metadata.name) % backends.length];
  if (net.random) return backends[net.random.int(backends.length)];
  let byService = turns.get(net.store);
  if (!byService) turns.set(net.store, (byService = new Map()));
  const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
  const n = byService.get(key) ?? 0;
  byService.set(key, n + 1);
  return backends[n % backends.length];
}

function toPod(net: NetContext, pod: Pod, ip: string, port: number): ConnectResult {
  const container = listeningContainer(net.catalog, pod, port);
  return container ? { ok: true, target: { kind: 'pod', pod, container, ip, port } } : { ok: false, error: 'refused' };
}

/**
 * The ports a container's process listens on, from the image catalog: the port the container's
 * environment sets for an image with a `portEnv` (echo-nginx's NGINX_PORT), else the image's
 * `ports`; for an image the catalog does not describe, the container ports the pod declares.
 */
export function listeningPorts(catalog: ImageCatalog, container: Container): number[] {
  const entry = catalog.lookup(container.image ?? '');
  const fromEnv = entry?.portEnv ? container.env?.find((e) => e.name === entry.portEnv)?.value : undefined;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim())) return [Number(fromEnv.trim())];
  if (entry?.ports?.length) return entry.ports;
  if (entry && !entry.ports && entry.run !== 'forever' && entry.run !== undefined) return [];
  return (container.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => p.containerPort);
}

/** The running container of the pod that listens on `port`, if any. */
export function listeningContainer(catalog: ImageCatalog, pod: Pod, port: number): Container | undefined {
  const running = new Set((pod.status?.containerStatuses ?? []).filter((s) => s.state?.running).map((s) => s.name));
  const sidecars = (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  const runningInit = new Set((pod.status?.initContainerStatuses ?? []).filter((s) => s.state?.running).map((s) => s.name));
  for (const c of pod.spec.containers) if (running.has(c.name) && listeningPorts(catalog, c).includes(port)) return c;
  for (const c of sidecars) if (runningInit.has(c.name) && listeningPorts(catalog, c).includes(port)) return c;
  return undefined;
}

export function serviceByClusterIp(store: ObjectStore, ip: string): Service | undefined {
  return store.unsortedList<Service>('Service').find((s) => s.spec.type !== 'ExternalName' && (s.spec.clusterIPs ?? [s.spec.clusterIP]).includes(ip));
}

/** A Service port reached at one of the Service's externalIPs (kube-proxy matches these before NodePorts). */
function serviceByExternalIp(store: ObjectStore, ip: string, port: number): { svc: Service; port: ServicePort } | undefined {
  for (const svc of store.list<Service>('Service')) {
    if (svc.spec.type === 'ExternalName' || !(svc.spec.externalIPs ?? []).includes(ip)) continue;
    const p = (svc.spec.ports ?? []).find((x) => x.port === port && (x.protocol ?? 'TCP') === 'TCP');
    if (p) return { svc, port: p };
  }
  return undefined;
}

export function nodeByIp(store: ObjectStore, ip: string): Node | undefined {
  return store.unsortedList<Node>('Node').find((n) => (n.status?.addresses ?? []).some((a) => a.type === 'InternalIP' && a.address === ip));
}

function nodePortService(store: ObjectStore, port: number): { svc: Service; port: ServicePort } | undefined {
  for (const svc of store.list<Service>('Service')) {
    const p = (svc.spec.ports ?? []).find((x) => x.nodePort === port);
    if (p) return { svc, port: p };
  }
  return undefined;
}

/** The live pod (not terminal, not host-network) with this IP. */
export function podByIp(store: ObjectStore, ip: string): Pod | undefined {
  return store
    .unsortedList<Pod>('Pod')
    .find((p) => p.status?.podIP === ip && !p.spec.hostNetwork && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}
