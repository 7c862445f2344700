/**
 * The API server's own endpoints (k8s pkg/controlplane/reconcilers, lease reconciler and
 * endpointsadapter.go): the `kubernetes` Service in `default` has no selector; the API server
 * itself writes its Endpoints and its EndpointSlice (named `kubernetes`, not generated), listing
 * the address of each API server: here the InternalIP of each control-plane node, port 6443.
 *
 *   Endpoints kubernetes      labels {endpointslice.kubernetes.io/skip-mirror: "true"}
 *                             subsets [{addresses [{ip: 172.18.0.2}], ports [{name: https, port: 6443, protocol: TCP}]}]
 *   EndpointSlice kubernetes  labels {kubernetes.io/service-name: kubernetes}, addressType IPv4,
 *                             endpoints [{addresses [172.18.0.2], conditions {ready: true}}], same ports
 *
 * Without a control-plane node there is no API server address to publish, and nothing is written.
 */
import { clone, deepEqual } from '../../api/object-util.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { EndpointSlice, Endpoints, Node } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { CONTROL_PLANE_LABEL } from '../../cluster/nodes.ts';
import type { Controller, WatchSpec } from '../runtime.ts';
import { SERVICE_NAME_LABEL } from './util.ts';

export const API_SERVER_PORT = 6443;
const NAMESPACE = 'default';
const NAME = 'kubernetes';
const KEY = `${NAMESPACE}/${NAME}`;
const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
const PORTS = [{ name: 'https', port: API_SERVER_PORT, protocol: 'TCP' }];

/** The addresses of the API servers: the control-plane nodes' InternalIPs, sorted. */
export function apiServerAddresses(store: ObjectStore): string[] {
  const ips: string[] = [];
  for (const n of store.list<Node>('Node')) {
    if (n.metadata.labels?.[CONTROL_PLANE_LABEL] === undefined || n.metadata.deletionTimestamp) continue;
    const ip = n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    if (ip) ips.push(ip);
  }
  return ips.sort();
}

export class ApiServerEndpointsReconciler implements Controller {
  readonly name = 'apiserver-endpoint-reconciler';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
  ) {}

  watches(): WatchSpec[] {
    const mine = (e: { object: { metadata: { name: string; namespace?: string } } }) =>
      e.object.metadata.name === NAME && e.object.metadata.namespace === NAMESPACE ? [KEY] : [];
    return [
      { kind: 'Service', keys: mine },
      { kind: 'Endpoints', keys: mine },
      { kind: 'EndpointSlice', keys: mine },
      {
        // Nodes come and go, or change role or address; their periodic status updates do not matter.
        kind: 'Node',
        keys: (e) => {
          if (e.type !== 'MODIFIED') return [KEY];
          const n = e.object as Node;
          const o = e.old as Node | undefined;
          const same = deepEqual(n.metadata.labels, o?.metadata.labels) && deepEqual(n.status?.addresses, o?.status?.addresses);
          return same ? [] : [KEY];
        },
      },
    ];
  }

  reconcile(): void {
    if (!this.store.get('Service', NAMESPACE, NAME)) return;
    const ips = apiServerAddresses(this.store);
    if (ips.length === 0) return;
    this.syncEndpoints(ips);
    this.syncSlice(ips);
  }

  private syncEndpoints(ips: string[]): void {
    const current = this.store.get<Endpoints>('Endpoints', NAMESPACE, NAME);
    const subsets = [{ addresses: ips.map((ip) => ({ ip })), ports: clone(PORTS) }];
    const labels = { [SKIP_MIRROR_LABEL]: 'true' };
    if (current && deepEqual(current.subsets, subsets) && deepEqual(current.metadata.labels, labels)) return;
    const ep: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { ...(current?.metadata ?? { name: NAME, namespace: NAMESPACE }), labels }, subsets };
    this.write(ep, !current);
  }

  private syncSlice(ips: string[]): void {
    const current = this.store.get<EndpointSlice>('EndpointSlice', NAMESPACE, NAME);
    const endpoints = ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } }));
    const labels = { [SERVICE_NAME_LABEL]: NAME };
    const ports = clone(PORTS);
    if (current && deepEqual(current.endpoints, endpoints) && deepEqual(current.ports, ports) && deepEqual(current.metadata.labels, labels)) return;
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { ...(current?.metadata ?? { name: NAME, namespace: NAMESPACE }), labels },
      addressType: 'IPv4',
      endpoints,
      ports,
    };
    this.write(slice, !current);
  }

  private write(obj: Endpoints | EndpointSlice, create: boolean): void {
    try {
      if (create) this.api.create(obj);
      else this.api.update(obj);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}
