/** Updates: immutable fields and the rules on what an update may change. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clone } from '../../src/api/object-util.ts';
import type { ConfigMap, DaemonSet, Deployment, Job, KubeObject, PersistentVolumeClaim, Pod, Secret, Service, StatefulSet, StorageClass } from '../../src/api/types/index.ts';
import { cluster, container, deployment, template, thrown } from './helpers.ts';

const c = cluster();

function edit<T extends KubeObject>(kind: string, name: string, change: (o: T) => void): T {
  const o = clone(c.api.get<T>(kind, 'default', name));
  change(o);
  return c.api.update(o);
}

test('apps/v1 selectors are immutable; scaling and template changes are fine', () => {
  c.api.create(deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) }));
  const e = thrown(() =>
    edit<Deployment>('Deployment', 'web', (d) => {
      d.spec.selector = { matchLabels: { app: 'web2' } };
      d.spec.template.metadata = { labels: { app: 'web2' } };
    }),
  );
  assert.equal(e.reason, 'Invalid');
  assert.equal(
    e.message,
    'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
  );
  const scaled = edit<Deployment>('Deployment', 'web', (d) => {
    d.spec.replicas = 3;
    d.spec.template.spec.containers[0].image = 'nginx:1.25';
  });
  assert.equal(scaled.spec.replicas, 3);
  assert.equal(scaled.spec.template.spec.containers[0].imagePullPolicy, 'Always', 'defaults stay as they were set at create');
});

test('StatefulSet: only replicas, ordinals, template, updateStrategy, retention policy and minReadySeconds may change', () => {
  c.api.create({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template({ app: 'db' }) },
  } as unknown as StatefulSet);
  const e = thrown(() => edit<StatefulSet>('StatefulSet', 'db', (s) => (s.spec.serviceName = 'other')));
  assert.equal(
    e.message,
    "StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
  );
  assert.equal(edit<StatefulSet>('StatefulSet', 'db', (s) => (s.spec.replicas = 3)).spec.replicas, 3);
});

test('a Job keeps its selector, completions and template', () => {
  c.api.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [container('pi', 'perl')] } } } } as unknown as Job);
  const e = thrown(() => edit<Job>('Job', 'pi', (j) => (j.spec.template.spec.containers[0].image = 'perl:5.34')));
  assert.match(e.message, /^Job\.batch "pi" is invalid: spec\.template: Invalid value: core\.PodTemplateSpec\{ObjectMeta:v1\.ObjectMeta\{Labels:map\[string\]string\{.*\}: field is immutable$/s);
  const sel = thrown(() => edit<Job>('Job', 'pi', (j) => (j.spec.selector = { matchLabels: { app: 'pi' } })));
  assert.match(sel.message, /spec\.selector: Invalid value: v1\.LabelSelector\{MatchLabels:map\[string\]string\{"app":"pi"\}, MatchExpressions:\[\]v1\.LabelSelectorRequirement\(nil\)\}: field is immutable/);
  assert.equal(edit<Job>('Job', 'pi', (j) => (j.spec.suspend = true)).spec.suspend, true);
});

test('a Pod may change images and activeDeadlineSeconds, not the rest, with the diff of the change', () => {
  c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [container('web', 'nginx')] } } as unknown as Pod);
  assert.equal(edit<Pod>('Pod', 'p', (p) => (p.spec.containers[0].image = 'nginx:1.25')).spec.containers[0].image, 'nginx:1.25');
  const e = thrown(() => edit<Pod>('Pod', 'p', (p) => (p.spec.restartPolicy = 'Never')));
  assert.equal(
    e.message,
    'Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n' +
      '  core.PodSpec{\n  \t... // 4 identical fields\n- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",\n  \t... // 30 identical fields\n  }\n',
  );
  const added = thrown(() => edit<Pod>('Pod', 'p', (p) => p.spec.containers.push(container('side', 'busybox'))));
  assert.equal(added.message, 'Pod "p" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers');
  const tol = edit<Pod>('Pod', 'p', (p) => p.spec.tolerations!.push({ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }));
  assert.equal(tol.spec.tolerations?.length, 3);
  const removed = thrown(() => edit<Pod>('Pod', 'p', (p) => (p.spec.tolerations = [])));
  assert.equal(removed.message, 'Pod "p" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds');
});

test('a Service keeps its cluster IP: omitted it is kept, changed it is refused', () => {
  const svc = c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] } } as unknown as Service);
  const ip = svc.spec.clusterIP!;
  const nodePort = svc.spec.ports![0].nodePort;
  const kept = edit<Service>('Service', 'web', (s) => {
    delete s.spec.clusterIP;
    delete s.spec.clusterIPs;
    delete s.spec.ports![0].nodePort;
  });
  assert.equal(kept.spec.clusterIP, ip);
  assert.deepEqual(kept.spec.clusterIPs, [ip]);
  assert.equal(kept.spec.ports![0].nodePort, nodePort);
  const e = thrown(() => edit<Service>('Service', 'web', (s) => {
    s.spec.clusterIP = '10.96.0.99';
    s.spec.clusterIPs = ['10.96.0.99'];
  }));
  assert.equal(e.message, 'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set');
});

test('a PersistentVolumeClaim spec is immutable except its storage request', () => {
  c.api.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } as unknown as PersistentVolumeClaim);
  const e = thrown(() => edit<PersistentVolumeClaim>('PersistentVolumeClaim', 'data', (p) => (p.spec.accessModes = ['ReadWriteMany'])));
  assert.equal(
    e.message,
    'PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n' +
      '  core.PersistentVolumeClaimSpec{\n- \tAccessModes: {"ReadWriteOnce"},\n+ \tAccessModes: {"ReadWriteMany"},\n  \t... // 8 identical fields\n  }\n',
  );
  const unbound = thrown(() => edit<PersistentVolumeClaim>('PersistentVolumeClaim', 'data', (p) => (p.spec.resources!.requests!.storage = '2Gi')));
  assert.match(unbound.message, /^PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources\.requests and volumeAttributesClassName for bound claims\n/);
  const claim = c.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data');
  c.api.updateStatus({ ...claim, status: { phase: 'Bound' } });
  const noExpansion = thrown(() => edit<PersistentVolumeClaim>('PersistentVolumeClaim', 'data', (p) => (p.spec.resources!.requests!.storage = '2Gi')));
  assert.equal(noExpansion.reason, 'Forbidden');
  assert.equal(
    noExpansion.message,
    'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
  );
  const sc = clone(c.api.get<StorageClass>('StorageClass', '', 'standard'));
  c.api.update({ ...sc, allowVolumeExpansion: true });
  const grown = edit<PersistentVolumeClaim>('PersistentVolumeClaim', 'data', (p) => (p.spec.resources!.requests!.storage = '2Gi'));
  assert.equal(grown.spec.resources?.requests?.storage, '2Gi');
  const shrunk = thrown(() => edit<PersistentVolumeClaim>('PersistentVolumeClaim', 'data', (p) => (p.spec.resources!.requests!.storage = '1Gi')));
  assert.equal(shrunk.message, 'PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than previous value');
});

test('immutable ConfigMaps and Secrets', () => {
  c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { mode: 'a' }, immutable: true } as unknown as ConfigMap);
  assert.equal(thrown(() => edit<ConfigMap>('ConfigMap', 'cfg', (m) => (m.data!.mode = 'b'))).message, 'ConfigMap "cfg" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  assert.equal(thrown(() => edit<ConfigMap>('ConfigMap', 'cfg', (m) => (m.immutable = false))).message, 'ConfigMap "cfg" is invalid: immutable: Forbidden: field is immutable when `immutable` is set');
  c.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec' }, stringData: { a: 'b' }, immutable: true } as unknown as Secret);
  assert.equal(thrown(() => edit<Secret>('Secret', 'sec', (s) => (s.data = { a: 'Yw==' }))).message, 'Secret "sec" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  assert.equal(thrown(() => edit<Secret>('Secret', 'sec', (s) => (s.type = 'kubernetes.io/basic-auth'))).causes[0].message, 'type: Invalid value: "kubernetes.io/basic-auth": field is immutable');
});

test("a DaemonSet's template generation: 1 on create, one more per template change, kept otherwise", () => {
  const gen = (ds: DaemonSet) => ds.metadata.annotations?.['deprecated.daemonset.template.generation'];
  const created = c.api.create({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: template({ app: 'agent' }) },
  } as unknown as DaemonSet);
  assert.equal(gen(created), '1');
  const imageChanged = edit<DaemonSet>('DaemonSet', 'agent', (d) => (d.spec.template.spec.containers[0].image = 'nginx:1.25'));
  assert.equal(gen(imageChanged), '2');
  const strategyChanged = edit<DaemonSet>('DaemonSet', 'agent', (d) => (d.spec.updateStrategy = { type: 'OnDelete' }));
  assert.equal(gen(strategyChanged), '2', 'a change outside the template keeps it');
  const forged = edit<DaemonSet>('DaemonSet', 'agent', (d) => (d.metadata.annotations = { 'deprecated.daemonset.template.generation': '9' }));
  assert.equal(gen(forged), '2', 'a client cannot set it on update');
});
