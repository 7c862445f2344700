/** Test helpers for Services: a real cluster, objects to create, and a few lookups. */
import { Cluster, type ClusterOptions } from '../../src/cluster/cluster.ts';
import type { EndpointSlice, Endpoints, KubeObject, Pod, Service } from '../../src/api/types/index.ts';
import type { ImageEntry } from '../../src/kubelet/images.ts';

/** An image that serves on 8080 and becomes Ready 30 s after it starts. */
export const SLOW_IMAGE: ImageEntry = { image: 'example/slow', run: 'forever', readyAfterSeconds: 30, ports: [8080], pullSeconds: 1, commands: ['sh'] };

export function newCluster(opts: ClusterOptions = {}): Cluster {
  return new Cluster({ ...opts, images: [SLOW_IMAGE, ...(opts.images ?? [])] });
}

export function create<T extends KubeObject>(c: Cluster, obj: T): T {
  return c.act(() => c.api.create(obj));
}

export function deployment(name: string, replicas: number, labels: Record<string, string>, containers: Pod['spec']['containers'], ns = 'default'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } } },
  };
}

export function service(name: string, spec: Service['spec'], ns = 'default', labels?: Record<string, string>): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, ...(labels ? { labels } : {}) }, spec };
}

export function pod(name: string, spec: Pod['spec'], labels: Record<string, string> = {}, ns = 'default'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec };
}

export function endpoints(c: Cluster, name: string, ns = 'default'): Endpoints | undefined {
  return c.store.get<Endpoints>('Endpoints', ns, name);
}

export function slices(c: Cluster, svc: string, ns = 'default'): EndpointSlice[] {
  return c.store.list<EndpointSlice>('EndpointSlice', { namespace: ns }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);
}

export function pods(c: Cluster, ns = 'default'): Pod[] {
  return c.store.list<Pod>('Pod', { namespace: ns });
}

export function isReady(p: Pod): boolean {
  return p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
}

/** Advances until every pod matching `prefix` is Ready (and there are `n` of them). */
export function untilReady(c: Cluster, prefix: string, n: number, ns = 'default'): void {
  const ok = c.advanceUntil(() => {
    const ps = pods(c, ns).filter((p) => p.metadata.name.startsWith(prefix) && !p.metadata.deletionTimestamp);
    return ps.length === n && ps.every(isReady);
  }, 5 * 60_000);
  if (!ok) throw new Error(`pods ${prefix}* did not become ready`);
}

/** Addresses of the ready endpoints of a slice list. */
export function readySliceIps(list: EndpointSlice[]): string[] {
  return list.flatMap((s) => s.endpoints.filter((e) => e.conditions?.ready).flatMap((e) => e.addresses)).sort();
}
