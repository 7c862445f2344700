/**
 * The Endpoints controller (k8s pkg/controller/endpoint/endpoints_controller.go): for each Service
 * with a selector, an Endpoints object of the same name listing the selected pods that have an IP.
 *
 * - Ready pods go to `addresses`, the others to `notReadyAddresses` (all to `addresses` with
 *   publishNotReadyAddresses); terminating and terminal pods are left out.
 * - Each Service port resolves its targetPort on each pod (a name is looked up among the pod's
 *   container ports; a pod without it is left out for that port); subsets are then repacked, so
 *   pods with different numbers for one named port land in different subsets (subsets.ts).
 * - A pod whose hostname is set and whose subdomain is the Service gets `hostname` on its address.
 * - Labels are the Service's, plus `service.kubernetes.io/headless` for a Service without a
 *   ClusterIP (and, from v1.33, `endpoints.kubernetes.io/managed-by: endpoint-controller`).
 * - A Service without a selector (or of type ExternalName) is left alone: its Endpoints, if any,
 *   are written by hand. When a Service goes, the Endpoints of that name goes with it.
 */
import { deepEqual, objectKey, splitKey } from '../../api/object-util.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { EndpointAddress, Endpoints, Pod, Service } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { KUBERNETES_VERSION } from '../../cluster/nodes.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import { rfc3339 } from '../../api/duration.ts';
import type { Controller, WatchSpec } from '../runtime.ts';
import { isPodReady } from '../util/pod.ts';
import { repackSubsets, type AddressEntry } from './subsets.ts';
import { TriggerTimeTracker } from './trigger-time.ts';
import {
  findPort,
  HEADLESS_LABEL,
  isServiceIPSet,
  managedSelector,
  podAddress,
  sameLabels,
  selectedPods,
  servicesForPodEvent,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  TRIGGER_TIME_ANNOTATION,
} from './util.ts';

const SOURCE = { component: 'endpoint-controller' };
export const ENDPOINTS_MANAGED_BY_LABEL = 'endpoints.kubernetes.io/managed-by';
export const ENDPOINTS_CONTROLLER_NAME = 'endpoint-controller';

/** The managed-by label on Endpoints exists from Kubernetes v1.33 (kubernetes/kubernetes#130564). */
export function endpointsHaveManagedByLabel(version = KUBERNETES_VERSION): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return !!m && (Number(m[1]) > 1 || Number(m[2]) >= 33);
}

export class EndpointsController implements Controller {
  readonly name = 'endpoint-controller';
  private triggers = new TriggerTimeTracker();
  private managedByLabel = endpointsHaveManagedByLabel();

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private events: EventRecorder,
  ) {}

  watches(): WatchSpec[] {
    return [
      { kind: 'Service', keys: (e) => [objectKey(e.object)] },
      { kind: 'Endpoints', keys: (e) => (e.type === 'DELETED' ? [objectKey(e.object)] : []) },
      { kind: 'Pod', keys: (e) => servicesForPodEvent(this.store, e) },
    ];
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.store.get<Service>('Service', namespace, name);
    if (!svc) {
      this.triggers.forget(namespace, name);
      if (this.store.get('Endpoints', namespace, name)) this.tryDelete(namespace, name);
      return;
    }
    const selector = managedSelector(svc);
    if (!selector) return;
    const pods = selectedPods(this.store, svc, selector);
    const trigger = this.triggers.compute(svc, pods);
    const subsets = repackSubsets(this.entries(svc, pods));
    const current = this.store.get<Endpoints>('Endpoints', namespace, name);
    const labels = this.labelsFor(svc);
    if (current && sameSubsets(current, subsets) && sameLabels(current.metadata.labels, labels)) return;
    const annotations = { ...(current?.metadata.annotations ?? {}) };
    if (trigger !== undefined) annotations[TRIGGER_TIME_ANNOTATION] = rfc3339(trigger);
    else delete annotations[TRIGGER_TIME_ANNOTATION];
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { ...(current?.metadata ?? { name, namespace }), labels, annotations },
    };
    if (Object.keys(annotations).length === 0) delete ep.metadata.annotations;
    if (subsets.length) ep.subsets = subsets;
    this.write(svc, ep, !current);
  }

  /** One entry per (pod, resolved port); no port for a headless Service without ports. */
  private entries(svc: Service, pods: Pod[]): AddressEntry[] {
    const out: AddressEntry[] = [];
    const tolerate = !!svc.spec.publishNotReadyAddresses;
    const family = svc.spec.ipFamilies?.[0] === 'IPv6' ? 'IPv6' : 'IPv4';
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
      const ip = podAddress(pod, family);
      if (!ip) continue;
      const address: EndpointAddress = {
        ip,
        ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec.hostname } : {}),
        nodeName: pod.spec.nodeName,
        targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
      };
      if (!address.nodeName) delete address.nodeName;
      const ready = tolerate || isPodReady(pod);
      const ports = svc.spec.ports ?? [];
      if (ports.length === 0) {
        if (svc.spec.clusterIP === 'None') out.push({ address, ready });
        continue;
      }
      for (const sp of ports) {
        const port = findPort(pod, sp);
        if (port === undefined) continue;
        const ep = { ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) };
        out.push({ address, port: ep, ready });
      }
    }
    return out;
  }

  private labelsFor(svc: Service): Record<string, string> {
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
    if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = '';
    else delete labels[HEADLESS_LABEL];
    if (this.managedByLabel) labels[ENDPOINTS_MANAGED_BY_LABEL] = ENDPOINTS_CONTROLLER_NAME;
    return labels;
  }

  private write(svc: Service, ep: Endpoints, create: boolean): void {
    try {
      if (create) this.api.create(ep);
      else this.api.update(ep);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // A namespace being deleted refuses new objects; the item is dropped, as upstream does.
      if (create && e.reason === 'Forbidden') return;
      const ns = svc.metadata.namespace;
      const msg = create
        ? `Failed to create endpoint for service ${ns}/${svc.metadata.name}: ${e.message}`
        : `Failed to update endpoint ${ns}/${svc.metadata.name}: ${e.message}`;
      this.events.event(ep, 'Warning', create ? 'FailedToCreateEndpoint' : 'FailedToUpdateEndpoint', msg, SOURCE);
    }
  }

  private tryDelete(namespace: string, name: string): void {
    try {
      this.api.delete('Endpoints', namespace, name);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}

function sameSubsets(current: Endpoints, subsets: ReturnType<typeof repackSubsets>): boolean {
  return deepEqual(current.subsets ?? [], subsets);
}
