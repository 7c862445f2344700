/**
 * Test fixtures for the printers: a small cluster's worth of objects (a cordoned worker node, a
 * deployment with its replica sets and pods, a service with its endpoints, a secret, a configmap,
 * events), with every timestamp relative to `now`, put into an ObjectStore as the API server would.
 */
import { rfc3339 } from '../../src/api/duration.ts';
import { clone } from '../../src/api/object-util.ts';
import { ObjectStore } from '../../src/api/store.ts';
import type { KubeObject } from '../../src/api/types/index.ts';
import type { PrintContext } from '../../src/printers/index.ts';

/** 2025-01-06T09:00:00Z plus 3 days: a fixed instant for the tests. */
export const NOW = Date.UTC(2025, 0, 9, 9, 0, 0);

export function storeWith(objs: readonly KubeObject[]): ObjectStore {
  const store = new ObjectStore();
  for (const o of objs) store.put(clone(o));
  return store;
}

export function contextWith(objs: readonly KubeObject[], now = NOW): PrintContext {
  return { now, store: storeWith(objs) };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** The fixture objects at instant `now` (timestamps are `now` minus so many seconds). */
export function clusterObjects(now = NOW): KubeObject[] {
  const ts = (secondsAgo: number) => rfc3339(now - secondsAgo * 1000);
  const cond = (type: string, status: string, reason: string, message: string, heartbeat: number, transition: number) => ({
    type, status, lastHeartbeatTime: ts(heartbeat), lastTransitionTime: ts(transition), reason, message,
  });
  const rsOwner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c6f5d', uid: 'uid-rs-new', controller: true, blockOwnerDeletion: true };
  const tolerations = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ];
  const apiAccess = {
    name: 'kube-api-access-x7k2p',
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
  const template = {
    metadata: { labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5d' } },
    spec: {
      containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } } }],
    },
  };
  const event = (name: string, involved: Record<string, unknown>, type: string, reason: string, message: string, source: Record<string, string>, first: number, last: number, count: number) => ({
    apiVersion: 'v1', kind: 'Event',
    metadata: { name, namespace: 'default', uid: `uid-ev-${name}`, creationTimestamp: ts(first) },
    involvedObject: involved, reason, message, source, firstTimestamp: ts(first), lastTimestamp: ts(last), count, type,
    eventTime: null, reportingComponent: source.component, reportingInstance: source.host ?? '',
  });
  const podRef = { apiVersion: 'v1', kind: 'Pod', name: 'web-7d4b9c6f5d-x8k2p', namespace: 'default', uid: 'uid-pod-web', fieldPath: 'spec.containers{web}' };

  return [
    {
      apiVersion: 'v1', kind: 'Node',
      metadata: {
        name: 'worker1', uid: 'uid-node-worker1', creationTimestamp: ts(2 * 86400),
        labels: {
          'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': 'worker1', 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/worker': 'worker',
        },
        annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock', 'node.alpha.kubernetes.io/ttl': '0' },
      },
      spec: {
        podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], unschedulable: true,
        taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ts(60) }],
      },
      status: {
        capacity: { cpu: '4', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8388608Ki', pods: '110' },
        allocatable: { cpu: '4', 'ephemeral-storage': '94580335255', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8286208Ki', pods: '110' },
        conditions: [
          cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', 10, 2 * 86400),
          cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', 10, 2 * 86400),
          cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', 10, 2 * 86400),
          cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', 10, 2 * 86400),
        ],
        addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'worker1' }],
        nodeInfo: {
          architecture: 'amd64', bootID: '00000000-0000-4000-8000-000000000001', containerRuntimeVersion: 'containerd://1.7.24',
          kernelVersion: '6.8.0-51-generic', kubeProxyVersion: 'v1.32.2', kubeletVersion: 'v1.32.2',
          machineID: '00000000000000000000000000000002', operatingSystem: 'linux', osImage: 'Ubuntu 24.04.1 LTS',
          systemUUID: '00000000-0000-4000-8000-000000000002',
        },
      },
    },
    {
      apiVersion: 'v1', kind: 'Pod',
      metadata: {
        name: 'web-7d4b9c6f5d-x8k2p', namespace: 'default', uid: 'uid-pod-web', creationTimestamp: ts(600),
        labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5d' }, ownerReferences: [rsOwner],
      },
      spec: {
        containers: [{
          name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }],
          env: [
            { name: 'MODE', value: 'production' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
            { name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'web-config', key: 'greeting' } } },
          ],
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
          readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          volumeMounts: [
            { name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
            { name: 'data', mountPath: '/data' },
          ],
          imagePullPolicy: 'IfNotPresent',
        }],
        nodeName: 'worker1', serviceAccountName: 'default', priority: 0, restartPolicy: 'Always', tolerations,
        volumes: [{ name: 'data', emptyDir: {} }, apiAccess],
      },
      status: {
        phase: 'Running',
        conditions: [
          { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: ts(597) },
          { type: 'Initialized', status: 'True', lastTransitionTime: ts(600) },
          { type: 'Ready', status: 'True', lastTransitionTime: ts(110) },
          { type: 'ContainersReady', status: 'True', lastTransitionTime: ts(110) },
          { type: 'PodScheduled', status: 'True', lastTransitionTime: ts(600) },
        ],
        hostIP: '172.18.0.3', hostIPs: [{ ip: '172.18.0.3' }], podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }],
        startTime: ts(600), qosClass: 'Burstable',
        containerStatuses: [{
          name: 'web', ready: true, restartCount: 2, started: true,
          state: { running: { startedAt: ts(120) } },
          lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: ts(300), finishedAt: ts(125), containerID: 'containerd://0ld' } },
          image: 'docker.io/library/nginx:1.27', imageID: 'docker.io/library/nginx@sha256:0f04e4f6', containerID: 'containerd://5e2c3a1b',
        }],
      },
    },
    {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'kube-proxy-vx2kq', namespace: 'kube-system', uid: 'uid-pod-proxy', creationTimestamp: ts(2 * 86400), labels: { 'k8s-app': 'kube-proxy' } },
      spec: { containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.2' }], nodeName: 'worker1' },
      status: { phase: 'Running' },
    },
    {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'batch-9xk2p', namespace: 'default', uid: 'uid-pod-batch', creationTimestamp: ts(3600) },
      spec: { containers: [{ name: 'batch', image: 'busybox', resources: { requests: { cpu: '1' } } }], nodeName: 'worker1' },
      status: { phase: 'Succeeded' },
    },
    {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'api-0', namespace: 'default', uid: 'uid-pod-api', creationTimestamp: ts(7200) },
      spec: {
        containers: [
          { name: 'api', image: 'api:2', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '64Mi' } } },
          { name: 'sidecar', image: 'envoy', resources: { requests: { cpu: '0.5', memory: '100M' } } },
        ],
        nodeName: 'worker1',
      },
      status: { phase: 'Running' },
    },
    {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default', uid: 'uid-deploy-web', generation: 2, creationTimestamp: ts(3600), labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '2' } },
      spec: {
        replicas: 3, selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: template.spec },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
      },
      status: {
        observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 1,
        conditions: [
          { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ts(600), lastTransitionTime: ts(600) },
          { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-7d4b9c6f5d" is progressing.', lastUpdateTime: ts(600), lastTransitionTime: ts(3600) },
        ],
      },
    },
    {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: {
        name: 'web-5c9c8f7d6b', namespace: 'default', uid: 'uid-rs-old', creationTimestamp: ts(3600),
        labels: { app: 'web', 'pod-template-hash': '5c9c8f7d6b' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-deploy-web', controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5c9c8f7d6b' } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': '5c9c8f7d6b' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } },
      status: { replicas: 0 },
    },
    {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: {
        name: 'web-7d4b9c6f5d', namespace: 'default', uid: 'uid-rs-new', creationTimestamp: ts(600),
        labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5d' }, annotations: { 'deployment.kubernetes.io/revision': '2' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-deploy-web', controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c6f5d' } }, template },
      status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 },
    },
    {
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'web', namespace: 'default', uid: 'uid-svc-web', creationTimestamp: ts(3600), labels: { app: 'web' } },
      spec: {
        type: 'NodePort', selector: { app: 'web' }, clusterIP: '10.96.120.15', clusterIPs: ['10.96.120.15'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30080 }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: 'web-8cd4x', namespace: 'default', uid: 'uid-eps-web', creationTimestamp: ts(3600), labels: { 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'worker1', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-7d4b9c6f5d-x8k2p' } },
        { addresses: ['10.244.2.7'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'worker2', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-7d4b9c6f5d-q2w7z' } },
        { addresses: ['10.244.2.8'], conditions: { ready: false, serving: false, terminating: false }, nodeName: 'worker2', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-7d4b9c6f5d-m4n5b' } },
      ],
    },
    {
      apiVersion: 'v1', kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default', uid: 'uid-ep-web', creationTimestamp: ts(3600), labels: { app: 'web' } },
      subsets: [{
        addresses: [{ ip: '10.244.1.5', nodeName: 'worker1' }, { ip: '10.244.2.7', nodeName: 'worker2' }],
        notReadyAddresses: [{ ip: '10.244.2.8', nodeName: 'worker2' }],
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
      }],
    },
    {
      apiVersion: 'v1', kind: 'Secret',
      metadata: { name: 'db', namespace: 'default', uid: 'uid-secret-db', creationTimestamp: ts(86400) },
      type: 'Opaque', data: { username: b64('admin'), password: b64('s3cr3t') },
    },
    {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: 'web-config', namespace: 'default', uid: 'uid-cm-web', creationTimestamp: ts(86400) },
      data: { greeting: 'hello', 'app.properties': 'color=blue\nsize=3\n' },
    },
    event('web-7d4b9c6f5d-x8k2p.181a1f3c5b2f0a01', { ...podRef, fieldPath: undefined }, 'Normal', 'Scheduled', 'Successfully assigned default/web-7d4b9c6f5d-x8k2p to worker1', { component: 'default-scheduler' }, 600, 600, 1),
    event('web-7d4b9c6f5d-x8k2p.181a1f3c6d4e2b02', podRef, 'Normal', 'Pulled', 'Container image "nginx:1.27" already present on machine', { component: 'kubelet', host: 'worker1' }, 598, 125, 3),
    event('web-7d4b9c6f5d-x8k2p.181a1f3c6d4e2b03', podRef, 'Normal', 'Created', 'Created container: web', { component: 'kubelet', host: 'worker1' }, 598, 125, 3),
    event('web-7d4b9c6f5d-x8k2p.181a1f3c6d4e2b04', podRef, 'Normal', 'Started', 'Started container web', { component: 'kubelet', host: 'worker1' }, 597, 120, 3),
    event('web-7d4b9c6f5d-x8k2p.181a1f3c6d4e2b05', podRef, 'Warning', 'BackOff', 'Back-off restarting failed container web in pod web-7d4b9c6f5d-x8k2p_default(uid-pod-web)', { component: 'kubelet', host: 'worker1' }, 290, 135, 2),
    event('web.181a1f3c5b2f0a10', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default', uid: 'uid-deploy-web' }, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-7d4b9c6f5d to 1', { component: 'deployment-controller' }, 600, 600, 1),
    event('worker1.181a1f3c5b2f0a20', { kind: 'Node', name: 'worker1', uid: 'worker1' }, 'Normal', 'NodeNotSchedulable', 'Node worker1 status is now: NodeNotSchedulable', { component: 'kubelet', host: 'worker1' }, 60, 60, 1),
    event('worker1.181a1f3c5b2f0a21', { kind: 'Node', name: 'worker1', uid: 'uid-node-worker1' }, 'Normal', 'RegisteredNode', 'Node worker1 event: Registered Node worker1 in Controller', { component: 'node-controller' }, 2 * 86400, 2 * 86400, 1),
  ] as KubeObject[];
}
