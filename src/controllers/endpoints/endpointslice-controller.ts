/**
 * The EndpointSlice controller (k8s pkg/controller/endpointslice, `k8s.io/endpointslice`): for each
 * Service with a selector, EndpointSlices named `<svc>-<5 random>` listing the selected pods.
 *
 * Each endpoint is one pod: its address, conditions (ready = Ready and not terminating, or always
 * with publishNotReadyAddresses; serving = Ready; terminating = being deleted), nodeName, zone
 * (the node's `topology.kubernetes.io/zone` label), hostname (when the pod's subdomain is the
 * Service) and targetRef. Terminating pods stay listed, unlike in Endpoints. Pods are grouped by
 * the port list their targetPorts resolve to, at most 100 per slice (slices.ts places them).
 * Slices carry the Service's labels plus `kubernetes.io/service-name`, `endpointslice.kubernetes.io/
 * managed-by` and, without a ClusterIP, `service.kubernetes.io/headless`; the Service owns them,
 * so the garbage collector removes them with it.
 */
import { rfc3339 } from '../../api/duration.ts';
import { objectKey, splitKey } from '../../api/object-util.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { EndpointSlice, Node, Pod, Service } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Controller, WatchSpec } from '../runtime.ts';
import { isPodReady } from '../util/pod.ts';
import { planSlices, portsKey, type DesiredGroup, type SliceEndpoint, type SlicePort } from './slices.ts';
import { TriggerTimeTracker } from './trigger-time.ts';
import {
  findPort,
  HEADLESS_LABEL,
  isServiceIPSet,
  managedSelector,
  podAddress,
  selectedPods,
  SERVICE_NAME_LABEL,
  servicesForPodEvent,
  servicesMatching,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  SLICE_CONTROLLER_NAME,
  SLICE_MANAGED_BY_LABEL,
  TOPOLOGY_ZONE_LABEL,
  TRIGGER_TIME_ANNOTATION,
} from './util.ts';

const SOURCE = { component: 'endpoint-slice-controller' };
const RESERVED = new Set([SERVICE_NAME_LABEL, SLICE_MANAGED_BY_LABEL, HEADLESS_LABEL]);
type AddressType = EndpointSlice['addressType'];

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  private triggers = new TriggerTimeTracker();
  /**
   * Set while this controller writes: watch events are delivered synchronously, so the slice
   * events seen meanwhile are our own writes and need no new sync (upstream's endpointSliceTracker).
   */
  private writing = false;

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private events: EventRecorder,
  ) {}

  watches(): WatchSpec[] {
    const podKeys = (ns: string, labels: Record<string, string> | undefined) => servicesMatching(this.store, ns, labels);
    return [
      { kind: 'Service', keys: (e) => [objectKey(e.object)] },
      { kind: 'Pod', keys: (e) => servicesForPodEvent(this.store, e) },
      {
        kind: 'EndpointSlice',
        keys: (e) => {
          if (this.writing) return [];
          const keys = new Set<string>();
          for (const s of [e.object, e.old]) {
            const svc = s?.metadata.labels?.[SERVICE_NAME_LABEL];
            if (svc && s.metadata.labels?.[SLICE_MANAGED_BY_LABEL] === SLICE_CONTROLLER_NAME) keys.add(`${s.metadata.namespace}/${svc}`);
          }
          return keys;
        },
      },
      {
        // A node appearing, going, or changing zone changes the endpoints of the pods on it.
        kind: 'Node',
        keys: (e) => {
          const zone = (n: typeof e.object | undefined) => n?.metadata.labels?.[TOPOLOGY_ZONE_LABEL];
          if (e.type === 'MODIFIED' && zone(e.object) === zone(e.old)) return [];
          const keys = new Set<string>();
          for (const pod of this.store.podsOnNode<Pod>(e.object.metadata.name)) {
            for (const k of podKeys(pod.metadata.namespace ?? '', pod.metadata.labels)) keys.add(k);
          }
          return keys;
        },
      },
    ];
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.store.get<Service>('Service', namespace, name);
    if (!svc) {
      this.triggers.forget(namespace, name);
      return;
    }
    const selector = managedSelector(svc);
    if (!selector) return;
    const pods = selectedPods(this.store, svc, selector);
    const trigger = this.triggers.compute(svc, pods);
    const slices = this.store
      .list<EndpointSlice>('EndpointSlice', { namespace })
      .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[SLICE_MANAGED_BY_LABEL] === SLICE_CONTROLLER_NAME)
      .filter((s) => !s.metadata.deletionTimestamp);
    const families: AddressType[] = (svc.spec.ipFamilies?.length ? svc.spec.ipFamilies : ['IPv4']).map((f) => (f === 'IPv6' ? 'IPv6' : 'IPv4'));
    for (const s of slices) if (!families.includes(s.addressType)) this.tryDelete(s);
    for (const family of families) {
      const plan = planSlices({
        existing: slices.filter((s) => s.addressType === family),
        owned: (s) => (s.metadata.ownerReferences ?? []).some((o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1'),
        desired: this.desired(svc, pods, family),
        labels: this.labelsFor(svc),
        newSlice: (ports) => this.newSlice(svc, family, ports),
      });
      this.finalize(svc, plan, trigger);
    }
  }

  /** The desired endpoints, grouped by port list in order of first appearance. */
  private desired(svc: Service, pods: Pod[], family: AddressType): DesiredGroup[] {
    const groups = new Map<string, DesiredGroup>();
    const publish = !!svc.spec.publishNotReadyAddresses;
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const node = pod.spec.nodeName ? this.store.get<Node>('Node', '', pod.spec.nodeName) : undefined;
      // A pod on a node that does not exist is skipped (published anyway with publishNotReadyAddresses).
      if (!node && !publish) continue;
      const ports = this.portsFor(svc, pod);
      const k = portsKey(ports);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { ports, endpoints: [] }));
      const endpoint = this.toEndpoint(svc, pod, node, family);
      if (endpoint) g.endpoints.push(endpoint);
    }
    return [...groups.values()];
  }

  private portsFor(svc: Service, pod: Pod): SlicePort[] {
    const out: SlicePort[] = [];
    const ports = svc.spec.ports ?? [];
    if (ports.length === 0 && svc.spec.clusterIP === 'None') return out;
    for (const sp of ports) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      out.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    return out;
  }

  private toEndpoint(svc: Service, pod: Pod, node: Node | undefined, family: AddressType): SliceEndpoint | undefined {
    const ip = podAddress(pod, family === 'IPv6' ? 'IPv6' : 'IPv4');
    if (!ip) return undefined;
    const serving = isPodReady(pod);
    const terminating = !!pod.metadata.deletionTimestamp;
    const e: SliceEndpoint = {
      addresses: [ip],
      conditions: { ready: !!svc.spec.publishNotReadyAddresses || (serving && !terminating), serving, terminating },
    };
    if (shouldSetHostname(pod, svc)) e.hostname = pod.spec.hostname;
    if (pod.spec.nodeName) e.nodeName = pod.spec.nodeName;
    e.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
    const zone = node?.metadata.labels?.[TOPOLOGY_ZONE_LABEL];
    if (zone) e.zone = zone;
    return e;
  }

  private labelsFor(svc: Service): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (!RESERVED.has(k)) labels[k] = v;
    if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = '';
    labels[SERVICE_NAME_LABEL] = svc.metadata.name;
    labels[SLICE_MANAGED_BY_LABEL] = SLICE_CONTROLLER_NAME;
    return labels;
  }

  private newSlice(svc: Service, family: AddressType, ports: SlicePort[]): EndpointSlice {
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: '',
        generateName: `${svc.metadata.name}-`,
        namespace: svc.metadata.namespace,
        labels: this.labelsFor(svc),
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      addressType: family,
      endpoints: [],
    };
    if (ports.length) slice.ports = ports;
    return slice;
  }

  private finalize(svc: Service, plan: ReturnType<typeof planSlices>, trigger: number | undefined): void {
    const stamp = (s: EndpointSlice) => {
      const annotations = { ...(s.metadata.annotations ?? {}) };
      if (trigger !== undefined) annotations[TRIGGER_TIME_ANNOTATION] = rfc3339(trigger);
      else delete annotations[TRIGGER_TIME_ANNOTATION];
      s.metadata.annotations = annotations;
      if (Object.keys(annotations).length === 0) delete s.metadata.annotations;
      if (!s.ports?.length) delete s.ports;
      return s;
    };
    this.writing = true;
    try {
      // No new slices for a Service being deleted: the garbage collector is removing them.
      if (!svc.metadata.deletionTimestamp) for (const s of plan.create) this.api.create({ ...stamp(s), metadata: { ...s.metadata, name: '' } });
      for (const s of plan.update) this.api.update(stamp(s));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'Forbidden') return;
      const msg = `Error updating Endpoint Slices for Service ${svc.metadata.namespace}/${svc.metadata.name}: ${e.message}`;
      this.events.event(svc, 'Warning', 'FailedToUpdateEndpointSlices', msg, SOURCE);
      return;
    } finally {
      this.writing = false;
    }
    for (const s of plan.delete) this.tryDelete(s);
  }

  private tryDelete(s: EndpointSlice): void {
    this.writing = true;
    try {
      this.api.delete('EndpointSlice', s.metadata.namespace ?? '', s.metadata.name);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    } finally {
      this.writing = false;
    }
  }
}
