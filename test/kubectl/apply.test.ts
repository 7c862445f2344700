import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment } from '../../src/api/types/index.ts';
import { parseManifests } from '../../src/manifest/index.ts';
import { DEPLOYMENT, newSession, ok } from './helpers.ts';

const V2 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        env:
        - {name: A, value: "1"}
`;
const V1 = V2.replace('  labels: {app: web}\nspec:', '  labels: {app: web, tier: fe}\nspec:\n  replicas: 3').replace(
  '- {name: A, value: "1"}',
  '- {name: A, value: "1"}\n        - {name: B, value: "2"}',
);

const get = (t: ReturnType<typeof newSession>) => t.cluster.api.get<Deployment>('Deployment', 'default', 'web');

test('created, unchanged, configured', () => {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  assert.deepEqual(t.run('apply -f web.yaml'), { stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 });
  assert.equal(ok(t, 'apply -f web.yaml'), 'deployment.apps/web unchanged\n');
  t.files['web.yaml'] = DEPLOYMENT.replace('nginx:1.25', 'nginx:1.26');
  assert.equal(ok(t, 'apply -f web.yaml'), 'deployment.apps/web configured\n');
  assert.equal(get(t).spec.template.spec.containers[0].image, 'nginx:1.26');
});

test('the last-applied-configuration annotation is the manifest as Go encodes it', () => {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  ok(t, 'apply -f web.yaml');
  const annotation = get(t).metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration'];
  assert.equal(
    annotation,
    '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.25","name":"web"}]}}}}\n',
  );
});

test('fields removed from the manifest since the last apply are removed; list items merge by key', () => {
  const t = newSession({ files: { 'web.yaml': V1 } });
  ok(t, 'apply -f web.yaml');
  t.files['web.yaml'] = V2;
  assert.equal(ok(t, 'apply -f web.yaml'), 'deployment.apps/web configured\n');
  const d = get(t);
  assert.deepEqual(d.metadata.labels, { app: 'web' });
  assert.deepEqual(d.spec.template.spec.containers[0].env, [{ name: 'A', value: '1' }]);
  assert.equal(d.spec.replicas, 1, 'replicas removed from the manifest: back to the default');
});

test('what others set and no manifest mentioned stays', () => {
  const cm = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n${data}`;
  const t = newSession({ files: { 'cm.yaml': cm('  a: "1"\n  b: "2"\n') } });
  ok(t, 'apply -f cm.yaml');
  ok(t, 'annotate cm cfg team=a');
  ok(t, `patch cm cfg -p '{"data":{"c":"3"}}'`);
  t.files['cm.yaml'] = cm('  a: "10"\n');
  assert.equal(ok(t, 'apply -f cm.yaml'), 'configmap/cfg configured\n');
  const live = t.cluster.api.get('ConfigMap', 'default', 'cfg') as { data?: Record<string, string>; metadata: { annotations?: Record<string, string> } };
  assert.deepEqual(live.data, { a: '10', c: '3' });
  assert.equal(live.metadata.annotations?.team, 'a');
  assert.equal(ok(t, 'apply -f cm.yaml'), 'configmap/cfg unchanged\n');
});

test('a live change the manifest still states is set back (configured)', () => {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  ok(t, 'apply -f web.yaml');
  ok(t, 'scale deploy web --replicas=5');
  assert.equal(ok(t, 'apply -f web.yaml'), 'deployment.apps/web configured\n');
  assert.equal(get(t).spec.replicas, 2);
});

test('applying over an object created without apply warns about the missing annotation', () => {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  ok(t, 'create -f web.yaml');
  const r = t.run('apply -f web.yaml');
  assert.equal(r.exitCode, 0);
  assert.equal(
    r.stderr,
    'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
  );
  assert.ok(get(t).metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']);
});

test('multi-document files, namespaces and errors', () => {
  const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ott\n---\n';
  const t = newSession({ files: { 'all.yaml': ns + DEPLOYMENT.replace('name: web', 'name: web\n  namespace: ott'), 'bad.yaml': 'apiVersion: apps/v1\nkind: Deploymnt\nmetadata:\n  name: x\n' } });
  assert.equal(ok(t, 'apply -f all.yaml'), 'namespace/ott created\ndeployment.apps/web created\n');
  assert.equal(
    t.run('apply -f all.yaml -n default').stderr,
    `error: the namespace from the provided object "ott" does not match the namespace "default". You must pass '--namespace=ott' to perform this operation.\n`,
  );
  assert.equal(t.run('apply -f missing.yaml').stderr, 'error: the path "missing.yaml" does not exist\n');
  assert.equal(
    t.run('apply -f bad.yaml').stderr,
    'error: resource mapping not found for name: "x" namespace: "" from "bad.yaml": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first\n',
  );
});

test('create -f refuses what exists; --save-config writes the annotation', () => {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  assert.equal(ok(t, 'create -f web.yaml --save-config'), 'deployment.apps/web created\n');
  assert.ok(get(t).metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']);
  assert.deepEqual(t.run('create -f web.yaml'), {
    stdout: '',
    stderr: 'Error from server (AlreadyExists): error when creating "web.yaml": deployments.apps "web" already exists\n',
    exitCode: 1,
  });
});

test('applyManifests is apply -f on parsed manifests', () => {
  const t = newSession();
  const manifests = parseManifests(DEPLOYMENT, { file: 'scenario.yaml', line: 4, column: 6 });
  assert.equal(t.session.applyManifests(manifests, 'apply', 'scenario.yaml').stdout, 'deployment.apps/web created\n');
  assert.equal(t.session.applyManifests(manifests, 'apply', 'scenario.yaml').stdout, 'deployment.apps/web unchanged\n');
  assert.equal(t.session.applyManifests(manifests, 'create', 'scenario.yaml').stderr, 'Error from server (AlreadyExists): error when creating "scenario.yaml": deployments.apps "web" already exists\n');
  assert.equal(t.session.applyManifests(manifests, 'delete', 'scenario.yaml').stdout, 'deployment.apps "web" deleted\n');
  assert.equal(t.cluster.api.tryGet('Deployment', 'default', 'web'), undefined);
});

test('--record sets the change-cause to the command line', () => {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  ok(t, 'apply -f web.yaml');
  const r = t.run('set image deployment/web web=nginx:1.26 --record');
  assert.equal(r.stderr, 'Flag --record has been deprecated, --record will be removed in the future\n');
  assert.equal(get(t).metadata.annotations?.['kubernetes.io/change-cause'], 'kubectl set image deployment/web web=nginx:1.26 --record=true');
});

test('a patch the server refuses is printed once per container, with its $setElementOrder directives', () => {
  const t = newSession({ files: { 'web.yaml': V1 } });
  ok(t, 'apply -f web.yaml');
  t.files['web.yaml'] = V1.replace('nginx:1.25', 'nginx:1.26\n        imagePolicy: Always').replace('        - {name: B, value: "2"}\n', '');
  const r = t.run('apply -f web.yaml');
  assert.equal(r.exitCode, 1);
  const lastApplied = JSON.stringify(get(t).metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration'].replace('"image":"nginx:1.25",', '"image":"nginx:1.26","imagePolicy":"Always",').replace(',{"name":"B","value":"2"}', ''));
  assert.equal(
    r.stderr,
    'Error from server (BadRequest): error when applying patch:\n' +
      `{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":${lastApplied}}},` +
      '"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"$setElementOrder/env":[{"name":"A"}],"env":[{"$patch":"delete","name":"B"}],"image":"nginx:1.26","imagePolicy":"Always","name":"web"}]}}}}\n' +
      'to:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "web", Namespace: "default"\n' +
      'for: "web.yaml": error when patching "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePolicy"\n',
  );
});

test('switching a Deployment to Recreate clears the defaulted rollingUpdate ($retainKeys)', () => {
  const withStrategy = (s: string) => DEPLOYMENT.replace('  replicas: 2\n', `  replicas: 2\n  strategy:\n    type: ${s}\n`);
  const t = newSession({ files: { 'web.yaml': withStrategy('RollingUpdate') } });
  ok(t, 'apply -f web.yaml');
  assert.deepEqual(get(t).spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
  t.files['web.yaml'] = withStrategy('Recreate');
  assert.equal(ok(t, 'apply -f web.yaml'), 'deployment.apps/web configured\n');
  assert.deepEqual(get(t).spec.strategy, { type: 'Recreate' });
});

test('an object without a name: apply and delete -f refuse it client-side, create -f is refused by the server', () => {
  const nameless = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\ndata: {x: "1"}\n';
  const generated = nameless.replace('  labels', '  generateName: cfg-\n  labels');
  const t = newSession({ files: { 'cm.yaml': nameless, 'gen.yaml': generated, 'web.yaml': DEPLOYMENT.replace('  name: web\n', '') } });
  const notEmpty = (resource: string, kind: string, file: string) =>
    `error: error when retrieving current configuration of:\nResource: "${resource}", GroupVersionKind: "${kind}"\nName: "", Namespace: "default"\nfrom server for: "${file}": resource name may not be empty\n`;
  assert.deepEqual(t.run('apply -f cm.yaml'), { stdout: '', stderr: notEmpty('/v1, Resource=configmaps', '/v1, Kind=ConfigMap', 'cm.yaml'), exitCode: 1 });
  assert.equal(t.run('apply -f web.yaml --dry-run=client').stderr, notEmpty('apps/v1, Resource=deployments', 'apps/v1, Kind=Deployment', 'web.yaml'));
  assert.equal(t.run('apply -f gen.yaml').stderr, 'error: from cfg-: cannot use generate name with apply\n');
  assert.equal(t.run('create -f cm.yaml').stderr, 'The ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required\n');
  assert.equal(t.run('create -f web.yaml').stderr, 'The Deployment "" is invalid: metadata.name: Required value: name or generateName is required\n');
  assert.match(ok(t, 'create -f gen.yaml'), /^configmap\/cfg-[a-z0-9]{5} created\n$/);
  assert.deepEqual(t.run('delete -f cm.yaml'), { stdout: '', stderr: 'error: error when deleting "cm.yaml": resource name may not be empty\n', exitCode: 1 });
  assert.equal(t.run('delete -f gen.yaml --ignore-not-found').stderr, 'error: error when deleting "gen.yaml": resource name may not be empty\n');
  assert.equal(t.cluster.api.list('ConfigMap', 'default').filter((c) => c.metadata.name.startsWith('cfg-')).length, 1);
});
