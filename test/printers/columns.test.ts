/**
 * Cells of `kubectl get` for the kinds other than pods (printers.go): AGE boundaries, jobs,
 * cronjobs, services, endpoints, endpoint slices, nodes, storage, events, controller revisions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rfc3339 } from '../../src/api/duration.ts';
import { KINDS } from '../../src/api/kinds.ts';
import type { KubeObject } from '../../src/api/types/index.ts';
import { columnsFor, hasPrinter, printRows } from '../../src/printers/index.ts';
import { contextWith, NOW } from './fixtures.ts';

const ago = (s: number) => rfc3339(NOW - s * 1000);
const ctx = contextWith([]);

function obj(kind: string, rest: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name: 'x', namespace: 'default', creationTimestamp: ago(60), ...meta }, ...rest } as KubeObject;
}

function row(o: KubeObject): Record<string, string> {
  const { headers, rows } = printRows(o.kind, [o], ctx, { wide: true });
  return Object.fromEntries(headers.map((h, i) => [h, rows[0][i]]));
}

test('every kind the API serves has its own printer', () => {
  for (const info of KINDS) assert.ok(hasPrinter(info.kind), info.kind);
});

test('AGE follows HumanDuration at each boundary of reference §0.2', () => {
  const H = 3600;
  const D = 24 * H;
  const cases: [number, string][] = [
    [0, '0s'], [119, '119s'], [120, '2m'], [121, '2m1s'], [9 * 60 + 59, '9m59s'], [600, '10m'], [179 * 60 + 59, '179m'],
    [3 * H, '3h'], [3 * H + 60, '3h1m'], [8 * H - 60, '7h59m'], [8 * H, '8h'], [47 * H, '47h'], [48 * H, '2d'],
    [191 * H, '7d23h'], [192 * H, '8d'], [2 * 365 * D - D, '729d'], [2 * 365 * D, '2y'], [2 * 365 * D + 5 * D, '2y5d'],
    [8 * 365 * D, '8y'], [-0.5, '0s'], [-2, '<invalid>'],
  ];
  for (const [secondsAgo, want] of cases) {
    const ns = obj('Namespace', { status: { phase: 'Active' } }, { creationTimestamp: rfc3339(NOW - secondsAgo * 1000), namespace: undefined });
    assert.equal(row(ns).AGE, want, `${secondsAgo}s ago`);
  }
  assert.equal(row(obj('Namespace', {}, { creationTimestamp: undefined })).AGE, '<unknown>');
});

test('job STATUS precedence, COMPLETIONS and DURATION', () => {
  const job = (spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
    row(obj('Job', { apiVersion: 'batch/v1', spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } }, ...spec }, status }, meta));
  const cond = (type: string, status = 'True') => ({ type, status });
  const running = job({ completions: 3, parallelism: 2 }, { active: 2, succeeded: 1, startTime: ago(95) });
  assert.deepEqual([running.STATUS, running.COMPLETIONS, running.DURATION], ['Running', '1/3', '95s']);
  const done = job({ completions: 1 }, { succeeded: 1, startTime: ago(400), completionTime: ago(360), conditions: [cond('SuccessCriteriaMet'), cond('Complete')] });
  assert.deepEqual([done.STATUS, done.COMPLETIONS, done.DURATION], ['Complete', '1/1', '40s']);
  assert.equal(job({}, { conditions: [cond('Failed')] }).STATUS, 'Failed');
  assert.equal(job({}, { conditions: [cond('Failed'), cond('Complete')] }).STATUS, 'Complete');
  assert.equal(job({}, { conditions: [cond('Suspended')] }, { deletionTimestamp: ago(1) }).STATUS, 'Terminating');
  assert.equal(job({}, { conditions: [cond('Suspended'), cond('FailureTarget')] }).STATUS, 'Suspended');
  assert.equal(job({}, { conditions: [cond('FailureTarget')] }).STATUS, 'FailureTarget');
  assert.equal(job({}, { conditions: [cond('Complete', 'False')] }).STATUS, 'Running');
  assert.equal(job({ parallelism: 3 }, { succeeded: 1 }).COMPLETIONS, '1/1 of 3');
  assert.equal(job({ parallelism: 1 }, {}).COMPLETIONS, '0/1');
  assert.equal(job({}, {}).DURATION, '', 'no start time, no duration');
  const wide = job({ selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } } }, {});
  assert.deepEqual([wide.CONTAINERS, wide.IMAGES, wide.SELECTOR], ['pi', 'perl', 'batch.kubernetes.io/controller-uid=u1']);
});

test('cronjob SCHEDULE, TIMEZONE, SUSPEND, ACTIVE and LAST SCHEDULE', () => {
  const cj = (spec: Record<string, unknown>, status: Record<string, unknown>) =>
    row(obj('CronJob', { apiVersion: 'batch/v1', spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { containers: [] } } } }, ...spec }, status }));
  const never = cj({ suspend: false }, {});
  assert.deepEqual([never.SCHEDULE, never.TIMEZONE, never.SUSPEND, never.ACTIVE, never['LAST SCHEDULE']], ['*/5 * * * *', '<none>', 'False', '0', '<none>']);
  const ran = cj({ timeZone: 'Europe/Paris', suspend: true }, { lastScheduleTime: ago(125), active: [{ name: 'a' }, { name: 'b' }] });
  assert.deepEqual([ran.TIMEZONE, ran.SUSPEND, ran.ACTIVE, ran['LAST SCHEDULE']], ['Europe/Paris', 'True', '2', '2m5s']);
  assert.equal(cj({}, {}).SUSPEND, '<unset>');
  assert.equal(ran.SELECTOR, '<none>');
});

test('service TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S) and SELECTOR', () => {
  const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => row(obj('Service', { spec, status }));
  const ci = svc({ type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }], selector: { 'k8s-app': 'kube-dns' } });
  assert.deepEqual([ci.TYPE, ci['CLUSTER-IP'], ci['EXTERNAL-IP'], ci['PORT(S)'], ci.SELECTOR], ['ClusterIP', '10.96.0.10', '<none>', '53/UDP,53/TCP', 'k8s-app=kube-dns']);
  const np = svc({ type: 'NodePort', clusterIPs: ['10.96.8.1'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }], externalIPs: ['1.2.3.4'] });
  assert.deepEqual([np['EXTERNAL-IP'], np['PORT(S)'], np.SELECTOR], ['1.2.3.4', '80:30080/TCP', '<none>']);
  const headless = svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] });
  assert.deepEqual([headless['CLUSTER-IP'], headless['PORT(S)']], ['None', '<none>']);
  const pending = svc({ type: 'LoadBalancer', clusterIPs: ['10.96.9.9'], ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' }] });
  assert.equal(pending['EXTERNAL-IP'], '<pending>');
  const lb = svc({ type: 'LoadBalancer', clusterIPs: ['10.96.9.9'] }, { loadBalancer: { ingress: [{ ip: '203.0.113.7' }, { hostname: 'a1b2c3d4e5f6-1234567890.eu-west-1.elb.amazonaws.com' }] } });
  assert.equal(lb['EXTERNAL-IP'], '203.0.113.7,a1b2c3d4e5f6-1234567890.eu-west-1.elb.amazonaws.com', 'the API server prints tables wide: never cut short');
  const ext = svc({ type: 'ExternalName', externalName: 'db.example.com' });
  assert.deepEqual([ext['CLUSTER-IP'], ext['EXTERNAL-IP']], ['<none>', 'db.example.com']);
});

test('endpoints: up to 3 ip:port then " + N more...", bare IPs without ports, <none> without subsets', () => {
  const addrs = (n: number) => Array.from({ length: n }, (_, i) => ({ ip: `10.244.1.${i + 2}` }));
  const ep = (subsets: unknown) => row(obj('Endpoints', { subsets })).ENDPOINTS;
  assert.equal(ep(undefined), '<none>');
  assert.equal(ep([{ addresses: addrs(2), ports: [{ port: 80 }] }]), '10.244.1.2:80,10.244.1.3:80');
  assert.equal(ep([{ addresses: addrs(5), ports: [{ port: 80 }] }]), '10.244.1.2:80,10.244.1.3:80,10.244.1.4:80 + 2 more...');
  assert.equal(ep([{ addresses: addrs(2), ports: [{ port: 80 }, { port: 443 }] }]), '10.244.1.2:80,10.244.1.3:80,10.244.1.2:443 + 1 more...');
  assert.equal(ep([{ addresses: addrs(1) }]), '10.244.1.2');
  assert.equal(ep([{ notReadyAddresses: addrs(2), ports: [{ port: 80 }] }]), '', 'not-ready addresses are not listed');
});

test('endpointslice ADDRESSTYPE, PORTS and ENDPOINTS', () => {
  const eps = (ports: unknown, endpoints: unknown) => row(obj('EndpointSlice', { apiVersion: 'discovery.k8s.io/v1', addressType: 'IPv4', ports, endpoints }));
  const r = eps([{ name: 'http', port: 80 }], [{ addresses: ['10.244.1.2'] }, { addresses: ['10.244.1.3'] }, { addresses: ['10.244.2.2'] }, { addresses: ['10.244.2.3'] }]);
  assert.deepEqual([r.ADDRESSTYPE, r.PORTS, r.ENDPOINTS], ['IPv4', '80', '10.244.1.2,10.244.1.3,10.244.2.2 + 1 more...']);
  const empty = eps([], []);
  assert.deepEqual([empty.PORTS, empty.ENDPOINTS], ['<unset>', '<unset>']);
});

test('node STATUS and ROLES', () => {
  const node = (labels: Record<string, string>, conditions: unknown, unschedulable = false) =>
    row(obj('Node', { spec: { unschedulable }, status: { conditions, nodeInfo: { kubeletVersion: 'v1.32.2' } } }, { namespace: undefined, labels }));
  const ready = [{ type: 'Ready', status: 'True' }];
  const cp = node({ 'node-role.kubernetes.io/control-plane': '' }, ready);
  assert.deepEqual([cp.STATUS, cp.ROLES, cp.VERSION], ['Ready', 'control-plane', 'v1.32.2']);
  assert.equal(node({}, ready, true).STATUS, 'Ready,SchedulingDisabled');
  assert.equal(node({}, [{ type: 'Ready', status: 'False' }]).STATUS, 'NotReady');
  assert.equal(node({}, [{ type: 'Ready', status: 'Unknown' }], true).STATUS, 'NotReady,SchedulingDisabled');
  assert.equal(node({}, [{ type: 'MemoryPressure', status: 'False' }]).STATUS, 'Unknown');
  assert.equal(node({}, ready).ROLES, '<none>');
  assert.equal(node({ 'node-role.kubernetes.io/worker': 'worker', 'node-role.kubernetes.io/ingress': '', 'kubernetes.io/role': 'edge' }, ready).ROLES, 'edge,ingress,worker');
  const wide = node({}, ready);
  assert.deepEqual([wide['INTERNAL-IP'], wide['EXTERNAL-IP'], wide['OS-IMAGE']], ['<none>', '<none>', '<unknown>']);
});

test('workload columns: deployments, replica sets, stateful sets, daemon sets', () => {
  const template = { spec: { containers: [{ name: 'web', image: 'nginx' }, { name: 'log', image: 'busybox' }] } };
  const d = row(obj('Deployment', { apiVersion: 'apps/v1', spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } }));
  assert.deepEqual([d.READY, d['UP-TO-DATE'], d.AVAILABLE, d.CONTAINERS, d.IMAGES, d.SELECTOR], ['2/3', '3', '2', 'web,log', 'nginx,busybox', 'app=web']);
  const fresh = row(obj('Deployment', { apiVersion: 'apps/v1', spec: { replicas: 2, selector: {}, template }, status: {} }));
  assert.deepEqual([fresh.READY, fresh['UP-TO-DATE'], fresh.AVAILABLE, fresh.SELECTOR], ['0/2', '0', '0', '']);
  const rs = row(obj('ReplicaSet', { apiVersion: 'apps/v1', spec: { replicas: 3, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] }, template }, status: { replicas: 3, readyReplicas: 1 } }));
  assert.deepEqual([rs.DESIRED, rs.CURRENT, rs.READY, rs.SELECTOR], ['3', '3', '1', 'app=web,tier in (be,fe)']);
  const sts = row(obj('StatefulSet', { apiVersion: 'apps/v1', spec: { replicas: 3, template }, status: { readyReplicas: 1 } }));
  assert.deepEqual([sts.READY, sts.CONTAINERS], ['1/3', 'web,log']);
  const ds = row(obj('DaemonSet', { apiVersion: 'apps/v1', spec: { selector: { matchLabels: { name: 'fluentd' } }, template: { spec: { ...template.spec, nodeSelector: { disk: 'ssd', zone: 'a' } } } }, status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1 } }));
  assert.deepEqual([ds.DESIRED, ds.CURRENT, ds.READY, ds['UP-TO-DATE'], ds.AVAILABLE, ds['NODE SELECTOR'], ds.SELECTOR], ['2', '2', '1', '2', '1', 'disk=ssd,zone=a', 'name=fluentd']);
});

test('storage columns: claims, volumes, classes', () => {
  const pending = row(obj('PersistentVolumeClaim', { spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } }));
  assert.deepEqual([pending.STATUS, pending.VOLUME, pending.CAPACITY, pending['ACCESS MODES'], pending.STORAGECLASS, pending.VOLUMEATTRIBUTESCLASS, pending.VOLUMEMODE], ['Pending', '', '', '', 'standard', '<unset>', '<unset>']);
  const bound = row(obj('PersistentVolumeClaim', { spec: { volumeName: 'pvc-1', storageClassName: 'standard', volumeMode: 'Filesystem' }, status: { phase: 'Bound', accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], capacity: { storage: '1024Mi' } } }));
  assert.deepEqual([bound.VOLUME, bound.CAPACITY, bound['ACCESS MODES'], bound.VOLUMEMODE], ['pvc-1', '1Gi', 'RWO,ROX', 'Filesystem']);
  const pv = row(obj('PersistentVolume', { spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteMany'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'nfs', claimRef: { namespace: 'ott', name: 'data' } }, status: { phase: 'Released' } }, { namespace: undefined }));
  assert.deepEqual([pv.CAPACITY, pv['ACCESS MODES'], pv['RECLAIM POLICY'], pv.STATUS, pv.CLAIM, pv.STORAGECLASS, pv.REASON], ['5Gi', 'RWX', 'Retain', 'Released', 'ott/data', 'nfs', '']);
  const sc = (annotations: Record<string, string>, rest: Record<string, unknown>) => row(obj('StorageClass', { apiVersion: 'storage.k8s.io/v1', provisioner: 'rancher.io/local-path', ...rest }, { namespace: undefined, name: 'standard', annotations }));
  const def = sc({ 'storageclass.kubernetes.io/is-default-class': 'true' }, {});
  assert.deepEqual([def.NAME, def.RECLAIMPOLICY, def.VOLUMEBINDINGMODE, def.ALLOWVOLUMEEXPANSION], ['standard (default)', 'Delete', 'Immediate', 'false']);
  const other = sc({}, { reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true });
  assert.deepEqual([other.NAME, other.RECLAIMPOLICY, other.VOLUMEBINDINGMODE, other.ALLOWVOLUMEEXPANSION], ['standard', 'Retain', 'WaitForFirstConsumer', 'true']);
});

test('config columns: namespaces, secrets, configmaps, service accounts, controller revisions', () => {
  assert.equal(row(obj('Namespace', { status: { phase: 'Terminating' } }, { namespace: undefined })).STATUS, 'Terminating');
  const secret = row(obj('Secret', { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': 'e30=' } }));
  assert.deepEqual([secret.TYPE, secret.DATA], ['kubernetes.io/dockerconfigjson', '1']);
  assert.equal(row(obj('ConfigMap', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } })).DATA, '3');
  assert.equal(row(obj('ServiceAccount', { secrets: [{ name: 't' }] })).SECRETS, '1');
  const owner = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true };
  const cr = row(obj('ControllerRevision', { apiVersion: 'apps/v1', revision: 2 }, { ownerReferences: [owner] }));
  assert.deepEqual([cr.CONTROLLER, cr.REVISION], ['statefulset.apps/web', '2']);
  assert.equal(row(obj('ControllerRevision', { apiVersion: 'apps/v1', revision: 1 })).CONTROLLER, '<none>');
});

test('events: LAST SEEN, OBJECT as kind/name, SOURCE, COUNT, message trimmed', () => {
  const ev = row(obj('Event', {
    involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', fieldPath: 'spec.containers{web}' },
    type: 'Warning', reason: 'BackOff', message: ' Back-off restarting failed container web \n', source: { component: 'kubelet', host: 'worker1' },
    firstTimestamp: ago(300), lastTimestamp: ago(20), count: 7,
  }, { name: 'web-1.181a' }));
  assert.deepEqual(
    [ev['LAST SEEN'], ev.TYPE, ev.REASON, ev.OBJECT, ev.SUBOBJECT, ev.SOURCE, ev.MESSAGE, ev['FIRST SEEN'], ev.COUNT, ev.NAME],
    ['20s', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{web}', 'kubelet, worker1', 'Back-off restarting failed container web', '5m', '7', 'web-1.181a'],
  );
  const bare = row(obj('Event', { involvedObject: { kind: 'Node', name: 'worker1' }, reason: 'Starting', firstTimestamp: ago(90), source: { component: 'kube-proxy' } }));
  assert.deepEqual([bare['LAST SEEN'], bare.OBJECT, bare.SOURCE, bare.COUNT], ['90s', 'node/worker1', 'kube-proxy', '1']);
  assert.deepEqual(columnsFor('Event').filter((c) => !c.wide).map((c) => c.name), ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
});
