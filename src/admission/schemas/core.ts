/** core/v1 schemas besides Pod and storage: Namespace, Node, Service, Endpoints, Secret, ConfigMap, ServiceAccount, Event. */
import { any, arr, bool, bytes, i32, intstr, loose, map, obj, str, strMap, time, topLevel } from './dsl.ts';
import { LocalObjectReference, ObjectMeta, ObjectReference } from './meta.ts';

export const NamespaceSchema = topLevel('v1.Namespace', ObjectMeta, {
  spec: obj('v1.NamespaceSpec', { finalizers: arr(str()) }),
  status: any('v1.NamespaceStatus'),
});

export const NodeSchema = topLevel('v1.Node', ObjectMeta, {
  spec: obj('v1.NodeSpec', {
    podCIDR: str(),
    podCIDRs: arr(str()),
    providerID: str(),
    unschedulable: bool(),
    taints: arr(obj('v1.Taint', { key: str(), value: str(), effect: str(), timeAdded: time() })),
    configSource: loose('v1.NodeConfigSource'),
    externalID: str(),
  }),
  status: any('v1.NodeStatus'),
});

const ServicePort = obj('v1.ServicePort', {
  name: str(),
  protocol: str(),
  appProtocol: str(),
  port: i32(),
  targetPort: intstr(),
  nodePort: i32(),
});

export const ServiceSchema = topLevel('v1.Service', ObjectMeta, {
  spec: obj('v1.ServiceSpec', {
    ports: arr(ServicePort),
    selector: strMap(),
    clusterIP: str(),
    clusterIPs: arr(str()),
    type: str(),
    externalIPs: arr(str()),
    sessionAffinity: str(),
    loadBalancerIP: str(),
    loadBalancerSourceRanges: arr(str()),
    externalName: str(),
    externalTrafficPolicy: str(),
    healthCheckNodePort: i32(),
    publishNotReadyAddresses: bool(),
    sessionAffinityConfig: obj('v1.SessionAffinityConfig', { clientIP: obj('v1.ClientIPConfig', { timeoutSeconds: i32() }) }),
    ipFamilies: arr(str()),
    ipFamilyPolicy: str(),
    allocateLoadBalancerNodePorts: bool(),
    loadBalancerClass: str(),
    internalTrafficPolicy: str(),
    trafficDistribution: str(),
  }),
  status: any('v1.ServiceStatus'),
});

const EndpointAddress = obj('v1.EndpointAddress', { ip: str(), hostname: str(), nodeName: str(), targetRef: ObjectReference });

export const EndpointsSchema = topLevel('v1.Endpoints', ObjectMeta, {
  subsets: arr(
    obj('v1.EndpointSubset', {
      addresses: arr(EndpointAddress),
      notReadyAddresses: arr(EndpointAddress),
      ports: arr(obj('v1.EndpointPort', { name: str(), port: i32(), protocol: str(), appProtocol: str() })),
    }),
  ),
});

export const SecretSchema = topLevel('v1.Secret', ObjectMeta, {
  immutable: bool(),
  data: map(bytes()),
  stringData: strMap(),
  type: str(),
});

export const ConfigMapSchema = topLevel('v1.ConfigMap', ObjectMeta, {
  immutable: bool(),
  data: strMap(),
  binaryData: map(bytes()),
});

export const ServiceAccountSchema = topLevel('v1.ServiceAccount', ObjectMeta, {
  secrets: arr(ObjectReference),
  imagePullSecrets: arr(LocalObjectReference),
  automountServiceAccountToken: bool(),
});

export const EventSchema = obj(
  'v1.Event',
  {
    apiVersion: str(),
    kind: str(),
    metadata: ObjectMeta,
    involvedObject: ObjectReference,
    reason: str(),
    message: str(),
    source: obj('v1.EventSource', { component: str(), host: str() }),
    firstTimestamp: time(),
    lastTimestamp: time(),
    count: i32(),
    type: str(),
    eventTime: time(),
    series: obj('v1.EventSeries', { count: i32(), lastObservedTime: time() }),
    action: str(),
    related: ObjectReference,
    reportingComponent: str(),
    reportingInstance: str(),
  },
  ['eventTime'],
);
