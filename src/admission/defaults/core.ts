/**
 * core/v1, storage and discovery defaults besides pods (pkg/apis/core/v1/defaults.go and friends).
 *
 *   Service     type ClusterIP, sessionAffinity None (ClientIP gets a 10800 s timeout), ports
 *               protocol TCP and targetPort = port, internalTrafficPolicy Cluster,
 *               externalTrafficPolicy Cluster when externally accessible (NodePort, LoadBalancer,
 *               ClusterIP with externalIPs), allocateLoadBalancerNodePorts true for LoadBalancer,
 *               ipFamilies [IPv4] and ipFamilyPolicy SingleStack
 *   PVC / PV    volumeMode Filesystem; a PV's reclaim policy Retain
 *   Secret      type Opaque; stringData merged into data (base64) and dropped
 *   Namespace   label kubernetes.io/metadata.name = name
 *   StorageClass reclaimPolicy Delete, volumeBindingMode Immediate
 *   Endpoints, EndpointSlice: port protocol TCP (slice ports also get name "")
 */
import type { EndpointSlice, Endpoints, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Secret, Service, StorageClass } from '../../api/types/index.ts';

export function defaultService(svc: Service): void {
  const s = svc.spec as Service['spec'] & Record<string, any>;
  s.sessionAffinity ||= 'None';
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig;
  if (s.sessionAffinity === 'ClientIP' && s.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    s.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  s.type ||= 'ClusterIP';
  for (const p of s.ports ?? []) {
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  // service.ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs.
  const externallyAccessible = s.type === 'NodePort' || s.type === 'LoadBalancer' || (s.type === 'ClusterIP' && (s.externalIPs ?? []).length > 0);
  if (externallyAccessible && !s.externalTrafficPolicy) s.externalTrafficPolicy = 'Cluster';
  if (s.type === 'LoadBalancer') s.allocateLoadBalancerNodePorts ??= true;
  if (s.type !== 'ExternalName') {
    s.internalTrafficPolicy ||= 'Cluster';
    if ((s.ipFamilies ?? []).length === 0) s.ipFamilies = ['IPv4'];
    s.ipFamilyPolicy ||= 'SingleStack';
  }
}

export function defaultPersistentVolumeClaim(pvc: PersistentVolumeClaim): void {
  pvc.spec.volumeMode ||= 'Filesystem';
}

export function defaultPersistentVolume(pv: PersistentVolume): void {
  pv.spec.persistentVolumeReclaimPolicy ||= 'Retain';
  pv.spec.volumeMode ||= 'Filesystem';
  if (pv.spec.hostPath) pv.spec.hostPath.type ??= '';
}

export function defaultSecret(secret: Secret): void {
  secret.type ||= 'Opaque';
  if (secret.stringData) {
    secret.data ??= {};
    for (const [k, v] of Object.entries(secret.stringData)) secret.data[k] = Buffer.from(v, 'utf8').toString('base64');
    delete secret.stringData;
  }
}

export function defaultNamespace(ns: Namespace): void {
  ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name };
}

export function defaultStorageClass(sc: StorageClass): void {
  sc.reclaimPolicy ||= 'Delete';
  sc.volumeBindingMode ||= 'Immediate';
}

export function defaultEndpoints(ep: Endpoints): void {
  for (const ss of ep.subsets ?? []) for (const p of ss.ports ?? []) p.protocol ||= 'TCP';
}

export function defaultEndpointSlice(es: EndpointSlice): void {
  for (const p of es.ports ?? []) {
    p.name ??= '';
    p.protocol ||= 'TCP';
  }
}

export function defaultNode(node: Node): void {
  const status = node.status;
  if (status?.capacity && !status.allocatable) status.allocatable = { ...status.capacity };
}
