/**
 * The EndpointSlice mirroring controller (k8s pkg/controller/endpointslicemirroring): Endpoints
 * written by hand for a Service without a selector are mirrored into EndpointSlices, so that
 * everything reading slices (kube-proxy, CoreDNS, `kubectl describe service`) sees them.
 *
 * Mirrored when the Service exists and has no selector, and the Endpoints is not labelled
 * `endpointslice.kubernetes.io/skip-mirror: "true"` (the `kubernetes` Service's is). Slices are
 * named `<endpoints>-<5 random>`, owned by the Endpoints, labelled with its labels plus
 * `kubernetes.io/service-name` and `endpointslice.kubernetes.io/managed-by:
 * endpointslicemirroring-controller.k8s.io`, and carry its annotations (but the trigger time and
 * kubectl's last-applied configuration). Each address becomes an endpoint with only the `ready`
 * condition; a subset's ports become the slice's ports. Nothing to mirror, no slice.
 */
import { objectKey, splitKey } from '../../api/object-util.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { EndpointSlice, Endpoints, Service } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { Controller, WatchSpec } from '../runtime.ts';
import { planSlices, portsKey, type DesiredGroup, type SliceEndpoint, type SlicePort } from './slices.ts';
import { SERVICE_NAME_LABEL, SLICE_MANAGED_BY_LABEL, TRIGGER_TIME_ANNOTATION } from './util.ts';

export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** At most this many addresses of one Endpoints are mirrored. */
const MAX_MIRRORED = 1000;

export class EndpointSliceMirroringController implements Controller {
  readonly name = 'endpointslicemirroring-controller';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
  ) {}

  watches(): WatchSpec[] {
    return [
      { kind: 'Endpoints', keys: (e) => [objectKey(e.object)] },
      { kind: 'Service', keys: (e) => [objectKey(e.object)] },
      {
        kind: 'EndpointSlice',
        keys: (e) => {
          const keys = new Set<string>();
          for (const s of [e.object, e.old]) {
            const svc = s?.metadata.labels?.[SERVICE_NAME_LABEL];
            if (svc && s.metadata.labels?.[SLICE_MANAGED_BY_LABEL] === MIRRORING_CONTROLLER_NAME) keys.add(`${s.metadata.namespace}/${svc}`);
          }
          return keys;
        },
      },
    ];
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const existing = this.store
      .list<EndpointSlice>('EndpointSlice', { namespace })
      .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[SLICE_MANAGED_BY_LABEL] === MIRRORING_CONTROLLER_NAME)
      .filter((s) => !s.metadata.deletionTimestamp);
    const ep = this.store.get<Endpoints>('Endpoints', namespace, name);
    const svc = this.store.get<Service>('Service', namespace, name);
    const mirror = ep && svc && Object.keys(svc.spec.selector ?? {}).length === 0 && ep.metadata.labels?.[SKIP_MIRROR_LABEL] !== 'true';
    if (!mirror) {
      for (const s of existing) this.tryDelete(s);
      return;
    }
    const labels = { ...(ep.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: name, [SLICE_MANAGED_BY_LABEL]: MIRRORING_CONTROLLER_NAME };
    for (const family of ['IPv4', 'IPv6'] as const) {
      const plan = planSlices({
        existing: existing.filter((s) => s.addressType === family),
        owned: (s) => (s.metadata.ownerReferences ?? []).some((o) => o.uid === ep.metadata.uid && o.kind === 'Endpoints'),
        desired: desiredGroups(ep, family),
        labels,
        newSlice: (ports) => this.newSlice(ep, labels, family, ports),
        placeholder: false,
      });
      try {
        for (const s of plan.create) this.api.create(s);
        for (const s of plan.update) this.api.update(s);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        return;
      }
      for (const s of plan.delete) this.tryDelete(s);
    }
  }

  private newSlice(ep: Endpoints, labels: Record<string, string>, family: 'IPv4' | 'IPv6', ports: SlicePort[]): EndpointSlice {
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(ep.metadata.annotations ?? {})) if (k !== TRIGGER_TIME_ANNOTATION && k !== LAST_APPLIED) annotations[k] = v;
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: '',
        generateName: `${ep.metadata.name}-`,
        namespace: ep.metadata.namespace,
        labels: { ...labels },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name: ep.metadata.name, uid: ep.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      addressType: family,
      endpoints: [],
    };
    if (Object.keys(annotations).length) slice.metadata.annotations = annotations;
    if (ports.length) slice.ports = ports;
    return slice;
  }

  private tryDelete(s: EndpointSlice): void {
    try {
      this.api.delete('EndpointSlice', s.metadata.namespace ?? '', s.metadata.name);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}

/** Each subset's addresses grouped by its port list, at most MAX_MIRRORED in all. */
function desiredGroups(ep: Endpoints, family: 'IPv4' | 'IPv6'): DesiredGroup[] {
  const groups = new Map<string, DesiredGroup>();
  let total = 0;
  for (const ss of ep.subsets ?? []) {
    const ports: SlicePort[] = (ss.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    const k = portsKey(ports);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports, endpoints: [] }));
    const add = (ready: boolean) => (a: NonNullable<typeof ss.addresses>[number]) => {
      if (total >= MAX_MIRRORED || a.ip.includes(':') !== (family === 'IPv6')) return;
      total++;
      const e: SliceEndpoint = { addresses: [a.ip], conditions: { ready } };
      if (a.hostname) e.hostname = a.hostname;
      if (a.nodeName) e.nodeName = a.nodeName;
      if (a.targetRef) e.targetRef = { ...a.targetRef };
      g!.endpoints.push(e);
    };
    (ss.addresses ?? []).forEach(add(true));
    (ss.notReadyAddresses ?? []).forEach(add(false));
  }
  return [...groups.values()].filter((g) => g.endpoints.length > 0);
}
