/** API defaults per kind, as a real cluster fills them in (worked examples). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CronJob, DaemonSet, Deployment, Job, Namespace, PersistentVolume, PersistentVolumeClaim, Pod, Secret, Service, StatefulSet, StorageClass } from '../../src/api/types/index.ts';
import { cluster, container, deployment, template } from './helpers.ts';

const c = cluster();
const userCreate = <T,>(obj: T): T => c.api.asUser(() => c.api.create(obj as never)) as T;
let n = 0;
const unique = (base: string) => `${base}-${++n}`;

test('Deployment: replicas 1, RollingUpdate 25%/25%, history 10, progress deadline 600, template pod defaults', () => {
  const d = userCreate(deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) }, unique('web'))) as Deployment;
  assert.equal(d.spec.replicas, 1);
  assert.deepEqual(d.spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  assert.equal(d.spec.revisionHistoryLimit, 10);
  assert.equal(d.spec.progressDeadlineSeconds, 600);
  const spec = d.spec.template.spec;
  assert.equal(spec.restartPolicy, 'Always');
  assert.equal(spec.dnsPolicy, 'ClusterFirst');
  assert.equal(spec.terminationGracePeriodSeconds, 30);
  assert.equal(spec.schedulerName, 'default-scheduler');
  assert.deepEqual(spec.securityContext, {});
  assert.equal(spec.enableServiceLinks, undefined, 'enableServiceLinks is a Pod default, not a template one');
  assert.deepEqual(d.status, {});
});

test('Recreate keeps no rollingUpdate', () => {
  const d = userCreate(deployment({ strategy: { type: 'Recreate' }, selector: { matchLabels: { app: 'r' } }, template: template({ app: 'r' }) }, unique('re'))) as Deployment;
  assert.deepEqual(d.spec.strategy, { type: 'Recreate' });
});

test('Pod: container defaults, imagePullPolicy from the tag, port protocol, probe defaults, requests from limits', () => {
  const p = userCreate({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: unique('p') },
    spec: {
      containers: [
        container('a', 'nginx', { ports: [{ containerPort: 80 }], resources: { limits: { cpu: '0.5', memory: '1Gi' } }, livenessProbe: { httpGet: { port: 80 } } }),
        container('b', 'nginx:1.25'),
        container('c', 'busybox:latest'),
        container('d', 'registry.local:5000/app'),
        container('e', 'nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000'),
      ],
    },
  } as unknown as Pod) as Pod;
  const [a, b, cc, d, e] = p.spec.containers;
  assert.deepEqual([a, b, cc, d, e].map((x) => x.imagePullPolicy), ['Always', 'IfNotPresent', 'Always', 'Always', 'IfNotPresent']);
  assert.equal(a.terminationMessagePath, '/dev/termination-log');
  assert.equal(a.terminationMessagePolicy, 'File');
  assert.deepEqual(a.ports, [{ containerPort: 80, protocol: 'TCP' }]);
  assert.deepEqual(a.livenessProbe, { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(a.resources, { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } }, 'canonical quantities; requests copied from limits');
  assert.equal(p.spec.enableServiceLinks, true);
  assert.deepEqual(p.status, { phase: 'Pending', qosClass: 'Burstable' });
});

test('QoS class: Guaranteed when every container limits cpu and memory equal to requests, BestEffort without any', () => {
  const mk = (resources: Record<string, unknown>[]) =>
    (userCreate({ apiVersion: 'v1', kind: 'Pod', metadata: { name: unique('q') }, spec: { containers: resources.map((r, i) => container(`c${i}`, 'nginx', { resources: r })) } } as unknown as Pod) as Pod).status?.qosClass;
  assert.equal(mk([{ limits: { cpu: '1', memory: '1Gi' } }]), 'Guaranteed');
  assert.equal(mk([{ limits: { cpu: '1', memory: '1Gi' } }, {}]), 'Burstable');
  assert.equal(mk([{ requests: { cpu: '100m' } }]), 'Burstable');
  assert.equal(mk([{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } }]), 'Burstable');
  assert.equal(mk([{}, {}]), 'BestEffort');
});

test('StatefulSet, DaemonSet: update strategies, policies, history, starting status', () => {
  const sts = userCreate({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: unique('db') },
    spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template({ app: 'db' }), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] },
  } as unknown as StatefulSet) as StatefulSet;
  assert.equal(sts.spec.replicas, 1);
  assert.equal(sts.spec.podManagementPolicy, 'OrderedReady');
  assert.deepEqual(sts.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  assert.deepEqual(sts.spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Retain' });
  assert.equal(sts.spec.revisionHistoryLimit, 10);
  assert.equal(sts.spec.volumeClaimTemplates?.[0].spec.volumeMode, 'Filesystem');
  assert.deepEqual(sts.status, { replicas: 0, availableReplicas: 0 });
  const ds = userCreate({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: unique('agent') }, spec: { selector: { matchLabels: { app: 'agent' } }, template: template({ app: 'agent' }) } } as unknown as DaemonSet) as DaemonSet;
  assert.deepEqual(ds.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal(ds.spec.revisionHistoryLimit, 10);
  assert.deepEqual(ds.status, { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
});

test('Job: completions/parallelism, backoffLimit 6, the generated selector and the four labels', () => {
  const name = unique('pi');
  const job = userCreate({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { template: { spec: { restartPolicy: 'Never', containers: [container('pi', 'perl')] } } } } as unknown as Job) as Job;
  const uid = job.metadata.uid!;
  const s = job.spec;
  assert.deepEqual([s.completions, s.parallelism, s.backoffLimit, s.completionMode, s.suspend, s.manualSelector, s.podReplacementPolicy], [1, 1, 6, 'NonIndexed', false, false, 'TerminatingOrFailed']);
  assert.deepEqual(s.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  assert.deepEqual(s.template.metadata?.labels, labels);
  assert.deepEqual(job.metadata.labels, labels, 'a Job without labels shows its template labels');
  const parallel = userCreate({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: unique('par'), labels: { app: 'x' } }, spec: { parallelism: 3, template: { spec: { restartPolicy: 'OnFailure', containers: [container('pi', 'perl')] } } } } as unknown as Job) as Job;
  assert.equal(parallel.spec.completions, undefined);
  assert.equal(parallel.spec.parallelism, 3);
  assert.deepEqual(parallel.metadata.labels, { app: 'x' });
});

test('CronJob: Allow, not suspended, history 3 and 1; the job template gets pod defaults only', () => {
  const cj = userCreate({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: unique('hello') },
    spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container('hello', 'busybox')] } } } } },
  } as unknown as CronJob) as CronJob;
  assert.deepEqual([cj.spec.concurrencyPolicy, cj.spec.suspend, cj.spec.successfulJobsHistoryLimit, cj.spec.failedJobsHistoryLimit], ['Allow', false, 3, 1]);
  assert.equal(cj.spec.jobTemplate.spec.backoffLimit, undefined);
  assert.equal(cj.spec.jobTemplate.spec.template.spec.dnsPolicy, 'ClusterFirst');
});

test('Service: ClusterIP, None affinity, TCP, targetPort = port, single-stack IPv4; NodePort adds externalTrafficPolicy', () => {
  const svc = userCreate({ apiVersion: 'v1', kind: 'Service', metadata: { name: unique('web') }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as unknown as Service) as Service;
  assert.equal(svc.spec.type, 'ClusterIP');
  assert.equal(svc.spec.sessionAffinity, 'None');
  assert.deepEqual(svc.spec.ports, [{ port: 80, protocol: 'TCP', targetPort: 80 }]);
  assert.deepEqual([svc.spec.ipFamilies, svc.spec.ipFamilyPolicy, svc.spec.internalTrafficPolicy, svc.spec.externalTrafficPolicy], [['IPv4'], 'SingleStack', 'Cluster', undefined]);
  assert.deepEqual(svc.status, { loadBalancer: {} });
  const np = userCreate({ apiVersion: 'v1', kind: 'Service', metadata: { name: unique('np') }, spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 'http' }] } } as unknown as Service) as Service;
  assert.equal(np.spec.externalTrafficPolicy, 'Cluster');
  assert.equal(np.spec.ports?.[0].targetPort, 'http');
  const headless = userCreate({ apiVersion: 'v1', kind: 'Service', metadata: { name: unique('hl') }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] } } as unknown as Service) as Service;
  assert.equal(headless.spec.clusterIP, 'None');
  assert.deepEqual(headless.spec.clusterIPs, ['None']);
});

test('Service: a ClusterIP Service with externalIPs is externally accessible, so externalTrafficPolicy defaults to Cluster', () => {
  // pkg/apis/core/v1/defaults.go: `if service.ExternallyAccessible(obj) && obj.Spec.ExternalTrafficPolicy == ""`
  const svc = userCreate({ apiVersion: 'v1', kind: 'Service', metadata: { name: unique('ext') }, spec: { externalIPs: ['10.10.0.7'], selector: { app: 'web' }, ports: [{ port: 8080, targetPort: 80 }] } } as unknown as Service) as Service;
  assert.equal(svc.spec.type, 'ClusterIP');
  assert.equal(svc.spec.externalTrafficPolicy, 'Cluster');
});

test('a manifest without spec gets a zero spec, as the Go struct has one: validation says what is missing', () => {
  const refused = (kind: string, apiVersion: string) => {
    try {
      userCreate({ apiVersion, kind, metadata: { name: unique('nospec') } });
    } catch (e) {
      return (e as Error).message;
    }
    return 'created';
  };
  assert.match(refused('Deployment', 'apps/v1'), /is invalid: .*spec\.selector: Required value/);
  assert.match(refused('Job', 'batch/v1'), /is invalid: .*spec\.template\.spec\.containers: Required value/);
  assert.match(refused('CronJob', 'batch/v1'), /is invalid: .*spec\.schedule: Required value/);
  assert.match(refused('Service', 'v1'), /is invalid: spec\.ports: Required value/);
  assert.match(refused('Pod', 'v1'), /is invalid: spec\.containers: Required value/);
});

test('PVC, PV, StorageClass, Secret, Namespace', () => {
  const pvc = userCreate({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: unique('data') }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1024Mi' } } } } as unknown as PersistentVolumeClaim) as PersistentVolumeClaim;
  assert.equal(pvc.spec.volumeMode, 'Filesystem');
  assert.equal(pvc.spec.resources?.requests?.storage, '1Gi');
  assert.deepEqual(pvc.status, { phase: 'Pending' });
  const pv = userCreate({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: unique('pv') }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } } } as unknown as PersistentVolume) as PersistentVolume;
  assert.equal(pv.spec.persistentVolumeReclaimPolicy, 'Retain');
  assert.equal(pv.spec.volumeMode, 'Filesystem');
  assert.deepEqual(pv.spec.hostPath, { path: '/data', type: '' });
  assert.equal((pv.status as { phase?: string }).phase, 'Pending');
  const sc = userCreate({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: unique('fast') }, provisioner: 'example.com/fast' } as unknown as StorageClass) as StorageClass;
  assert.deepEqual([sc.reclaimPolicy, sc.volumeBindingMode], ['Delete', 'Immediate']);
  const secret = userCreate({ apiVersion: 'v1', kind: 'Secret', metadata: { name: unique('db') }, stringData: { password: 's3cret' }, data: { user: 'YWRtaW4=' } } as unknown as Secret) as Secret;
  assert.equal(secret.type, 'Opaque');
  assert.deepEqual(secret.data, { user: 'YWRtaW4=', password: 'czNjcmV0' });
  assert.equal(secret.stringData, undefined);
  const name = unique('team');
  const ns = userCreate({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as unknown as Namespace) as Namespace;
  assert.deepEqual(ns.metadata.labels, { 'kubernetes.io/metadata.name': name });
  assert.deepEqual(ns.spec, { finalizers: ['kubernetes'] });
  assert.deepEqual(ns.status, { phase: 'Active' });
});
