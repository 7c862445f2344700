/** Mutating admission plugins on a real cluster: ServiceAccount, DefaultTolerationSeconds, Priority, DefaultStorageClass. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PersistentVolumeClaim, Pod, ServiceAccount, StorageClass } from '../../src/api/types/index.ts';
import { validateManifest } from '../../src/admission/index.ts';
import { cluster, container, pod, thrown } from './helpers.ts';

const c = cluster();
let n = 0;
const create = (spec: Record<string, unknown>, meta: Record<string, unknown> = {}): Pod => c.api.create(pod(spec, { name: `p${++n}`, ...meta }));

test('ServiceAccount: default account, kept in sync with serviceAccount, token volume in every container', () => {
  const p = create({ initContainers: [container('init', 'busybox')], containers: [container('web'), container('log', 'busybox')] });
  assert.equal(p.spec.serviceAccountName, 'default');
  assert.equal(p.spec.serviceAccount, 'default');
  const volume = p.spec.volumes?.find((v) => v.name.startsWith('kube-api-access-'));
  assert.ok(volume, 'the projected token volume');
  assert.match(volume.name, /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.deepEqual(volume.projected, {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  });
  for (const ctr of [...p.spec.initContainers!, ...p.spec.containers]) {
    assert.deepEqual(ctr.volumeMounts, [{ name: volume.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
  }
});

test('ServiceAccount: a missing account is Forbidden with the real message, naming the generateName when there is one', () => {
  const e = thrown(() => create({ serviceAccountName: 'robot', containers: [container()] }, { name: 'web' }));
  assert.equal(e.reason, 'Forbidden');
  assert.equal(e.message, 'pods "web" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found');
  const g = thrown(() => c.api.create(pod({ serviceAccountName: 'robot', containers: [container()] }, { generateName: 'web-7d4b9c6f5d-' })));
  assert.equal(g.message, 'pods "web-7d4b9c6f5d-" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found');
});

test('ServiceAccount: imagePullSecrets come from the account unless the pod has its own; automount can be turned off', () => {
  c.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'puller' }, imagePullSecrets: [{ name: 'regcred' }] } as ServiceAccount);
  assert.deepEqual(create({ serviceAccountName: 'puller', containers: [container()] }).spec.imagePullSecrets, [{ name: 'regcred' }]);
  assert.deepEqual(create({ serviceAccountName: 'puller', imagePullSecrets: [{ name: 'mine' }], containers: [container()] }).spec.imagePullSecrets, [{ name: 'mine' }]);
  const off = create({ automountServiceAccountToken: false, containers: [container()] });
  assert.equal(off.spec.volumes, undefined);
  assert.equal(off.spec.containers[0].volumeMounts, undefined);
  c.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'quiet' }, automountServiceAccountToken: false } as ServiceAccount);
  assert.equal(create({ serviceAccountName: 'quiet', containers: [container()] }).spec.volumes, undefined);
  const mounted = create({ volumes: [{ name: 'tok', emptyDir: {} }], containers: [container('web', 'nginx', { volumeMounts: [{ name: 'tok', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] })] });
  assert.deepEqual(mounted.spec.volumes, [{ name: 'tok', emptyDir: {} }], 'a container that mounts the path itself needs no token volume');
});

test('ServiceAccount: mirror pods are left alone', () => {
  const mirror = create({ nodeName: 'worker1', containers: [container()] }, { annotations: { 'kubernetes.io/config.mirror': 'abc' } });
  assert.equal(mirror.spec.serviceAccountName, undefined);
  assert.equal(mirror.spec.volumes, undefined);
});

test('DefaultTolerationSeconds: not-ready and unreachable NoExecute for 300 s, unless already tolerated', () => {
  const p = create({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }], containers: [container()] });
  assert.deepEqual(p.spec.tolerations, [
    { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ]);
  const own = create({ tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }], containers: [container()] });
  assert.deepEqual(own.spec.tolerations?.map((t) => [t.key, t.tolerationSeconds]), [['node.kubernetes.io/unreachable', 10], ['node.kubernetes.io/not-ready', 300]]);
  const everything = create({ tolerations: [{ operator: 'Exists' }], containers: [container()] });
  assert.deepEqual(everything.spec.tolerations, [{ operator: 'Exists' }]);
});

test('Priority: 0 and PreemptLowerPriority by default, system classes known, others Forbidden', () => {
  const p = create({ containers: [container()] });
  assert.deepEqual([p.spec.priority, p.spec.preemptionPolicy], [0, 'PreemptLowerPriority']);
  assert.equal(create({ priorityClassName: 'system-node-critical', containers: [container()] }).spec.priority, 2000001000);
  const e = thrown(() => create({ priorityClassName: 'gold', containers: [container()] }, { name: 'web' }));
  assert.equal(e.message, 'pods "web" is forbidden: no PriorityClass with name gold was found');
  const given = thrown(() => create({ priority: 10, containers: [container()] }, { name: 'web' }));
  assert.equal(given.message, 'pods "web" is forbidden: the integer value of priority (10) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name');
});

test('DefaultStorageClass: a claim without a class gets the default one; "" means none', () => {
  const claim = (name: string, extra: Record<string, unknown> = {}) =>
    c.api.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...extra } } as unknown as PersistentVolumeClaim);
  assert.equal(claim('a').spec.storageClassName, 'standard');
  assert.equal(claim('b', { storageClassName: '' }).spec.storageClassName, '');
  assert.equal(claim('c', { storageClassName: 'fast' }).spec.storageClassName, 'fast');
  c.clock.setTime(c.now() + 1000);
  c.api.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'newer', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'example.com/x' } as StorageClass);
  assert.equal(claim('d').spec.storageClassName, 'newer', 'with several defaults the newest wins');
});

test('validateManifest applies the static plugin steps: a pod manifest is valid without its token volume', () => {
  assert.deepEqual(validateManifest(pod({ containers: [container()] })), []);
});
