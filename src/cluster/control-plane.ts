/**
 * The static pods of a kubeadm control-plane node (/etc/kubernetes/manifests): etcd,
 * kube-apiserver, kube-controller-manager and kube-scheduler, as kubeadm v1.32 writes them,
 * abridged to the flags a learner recognises.
 */
import { stringify } from 'yaml';

const VERSION = 'v1.32.2';

function probe(path: string, port: number, host: string, scheme = 'HTTPS', period = 10, failure = 8, delay = 10) {
  return { failureThreshold: failure, httpGet: { host, path, port, scheme }, initialDelaySeconds: delay, periodSeconds: period, timeoutSeconds: 15 };
}

function staticPod(name: string, component: string, image: string, command: string[], cpu: string, host: string, port: number, scheme: string, memory?: string, annotations?: Record<string, string>) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', labels: { component, tier: 'control-plane' }, ...(annotations ? { annotations } : {}) },
    spec: {
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: component,
          image,
          imagePullPolicy: 'IfNotPresent',
          command,
          resources: { requests: { cpu, ...(memory ? { memory } : {}) } },
          livenessProbe: probe(component === 'kube-apiserver' ? '/livez' : component === 'etcd' ? '/livez' : '/healthz', port, host, scheme),
          ...(component === 'kube-apiserver' ? { readinessProbe: { ...probe('/readyz', port, host, scheme, 1, 3, 0) } } : {}),
          startupProbe: probe(component === 'etcd' ? '/readyz' : component === 'kube-apiserver' ? '/livez' : '/healthz', port, host, scheme, 10, 24),
        },
      ],
    },
  };
}

/** File name → manifest text, for a control-plane node at `ip`. */
export function controlPlaneStaticPods(ip: string): Record<string, string> {
  const pods = {
    'etcd.yaml': staticPod(
      'etcd',
      'etcd',
      'registry.k8s.io/etcd:3.5.16-0',
      ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--data-dir=/var/lib/etcd', `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, '--listen-metrics-urls=http://127.0.0.1:2381', '--name=master'],
      '100m',
      '127.0.0.1',
      2381,
      'HTTP',
      '100Mi',
      { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
    ),
    'kube-apiserver.yaml': staticPod(
      'kube-apiserver',
      'kube-apiserver',
      `registry.k8s.io/kube-apiserver:${VERSION}`,
      ['kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--enable-admission-plugins=NodeRestriction', '--etcd-servers=https://127.0.0.1:2379', '--secure-port=6443', '--service-cluster-ip-range=10.96.0.0/12'],
      '250m',
      ip,
      6443,
      'HTTPS',
      undefined,
      { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
    ),
    'kube-controller-manager.yaml': staticPod(
      'kube-controller-manager',
      'kube-controller-manager',
      `registry.k8s.io/kube-controller-manager:${VERSION}`,
      ['kube-controller-manager', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16', '--controllers=*,bootstrapsigner,tokencleaner', '--leader-elect=true', '--service-cluster-ip-range=10.96.0.0/12', '--use-service-account-credentials=true'],
      '200m',
      '127.0.0.1',
      10257,
      'HTTPS',
    ),
    'kube-scheduler.yaml': staticPod(
      'kube-scheduler',
      'kube-scheduler',
      `registry.k8s.io/kube-scheduler:${VERSION}`,
      ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
      '100m',
      '127.0.0.1',
      10259,
      'HTTPS',
    ),
  };
  return Object.fromEntries(Object.entries(pods).map(([f, p]) => [f, stringify(p)]));
}
