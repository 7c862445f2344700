/**
 * The default cluster of SCENARIOS.md: the system namespaces with their `default` ServiceAccounts,
 * the `kubernetes` Service (10.96.0.1), the `standard` StorageClass, the nodes (master, worker1,
 * worker2 unless the scenario gives its own) with the control plane's static pods on
 * control-plane nodes, and kubeadm's add-ons (CoreDNS behind kube-dns at 10.96.0.10, kube-proxy).
 */
import type { KubeObject } from '../api/types/index.ts';
import type { Cluster } from './cluster.ts';
import { DEFAULT_NODES, nodeIp, type NodeConfig } from './nodes.ts';
import { controlPlaneStaticPods } from './control-plane.ts';
import { addonObjects } from './addons.ts';

export type { NodeConfig } from './nodes.ts';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export function bootstrapCluster(cluster: Cluster, nodes: NodeConfig[] | undefined): void {
  const api = cluster.api;
  for (const ns of SYSTEM_NAMESPACES) {
    api.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  cluster.settle();
  api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
    },
  } as KubeObject);
  api.create({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: 'standard',
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  } as KubeObject);
  const list = nodes ?? DEFAULT_NODES;
  list.forEach((cfg, i) => {
    const controlPlane = (cfg.role ?? 'worker') === 'control-plane';
    const staticPods = controlPlane ? { ...controlPlaneStaticPods(nodeIp(i)), ...(cfg.staticPods ?? {}) } : cfg.staticPods;
    cluster.components.nodes.join({ ...cfg, ...(staticPods ? { staticPods } : {}) }, i);
  });
  cluster.settle();
  for (const obj of addonObjects()) api.create(obj);
}
