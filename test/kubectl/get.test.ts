import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOYMENT, newSession, ok } from './helpers.ts';

function withWeb() {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  ok(t, 'apply -f web.yaml');
  t.cluster.advanceBy(30_000);
  return t;
}

test('a table per kind, kind/name names and a blank line between kinds when several kinds print', () => {
  const t = withWeb();
  const out = ok(t, 'get deploy,svc');
  const [deploy, svc] = out.split('\n\n');
  assert.match(deploy, /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\ndeployment\.apps\/web +2\/2 +2 +2 +30s$/);
  assert.match(svc, /^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nservice\/kubernetes +ClusterIP +10\.96\.0\.1 +<none> +443\/TCP +\S+\n$/);
  // One kind: plain names.
  assert.match(ok(t, 'get deploy'), /^NAME +READY.*\nweb +2\/2/);
});

test('several kinds asked for print kind/name even when only one of them has objects (multipleGVKsRequested)', () => {
  const t = newSession();
  // A fresh namespace: `get all` finds only the kubernetes Service, yet prints service/kubernetes.
  assert.match(ok(t, 'get all'), /^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nservice\/kubernetes +ClusterIP +10\.96\.0\.1 +/);
  assert.match(ok(t, 'get deploy,svc'), /^NAME +TYPE[^\n]*\nservice\/kubernetes +/);
  // One kind asked for: plain names.
  assert.match(ok(t, 'get svc'), /^NAME +TYPE[^\n]*\nkubernetes +/);
});

test('get all lists the "all" category in discovery order', () => {
  const t = withWeb();
  const kinds = ok(t, 'get all')
    .split('\n\n')
    .map((block) => block.split('\n')[1].split('/')[0]);
  assert.deepEqual(kinds, ['pod', 'service', 'deployment.apps', 'replicaset.apps']);
});

test('by name, TYPE/NAME, several names, and what is not found', () => {
  const t = withWeb();
  assert.equal(ok(t, 'get deploy web -o name'), 'deployment.apps/web\n');
  assert.equal(ok(t, 'get deployment.apps/web svc/kubernetes -o name'), 'deployment.apps/web\nservice/kubernetes\n');
  const r = t.run('get deploy web nope');
  assert.equal(r.exitCode, 1);
  assert.match(r.stdout, /^NAME .*\nweb /);
  assert.equal(r.stderr, 'Error from server (NotFound): deployments.apps "nope" not found\n');
  assert.equal(t.run('get deploy nope --ignore-not-found').exitCode, 0);
  assert.equal(t.run('get deploy nope --ignore-not-found').stdout, '');
  assert.equal(t.run('get foo').stderr, 'error: the server doesn\'t have a resource type "foo"\n');
  assert.equal(t.run('get pods -A web').stderr, 'error: a resource cannot be retrieved by name across all namespaces\n');
  assert.match(t.run('get pods pod/x').stderr, /^error: there is no need to specify a resource type as a separate argument/);
});

test('nothing found: the message on stderr names the namespace', () => {
  const t = newSession();
  assert.deepEqual(t.run('get pods'), { stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  // Across namespaces: kube-system has pods, but no Jobs.
  assert.equal(t.run('get jobs -A').stderr, 'No resources found\n');
  assert.equal(t.run('get pods -n ott').stderr, 'No resources found in ott namespace.\n');
});

test('-A adds a NAMESPACE column; --show-labels and -L add label columns', () => {
  const t = withWeb();
  const lines = ok(t, 'get deploy -A --show-labels -L app').split('\n');
  assert.match(lines[0], /^NAMESPACE +NAME +READY +UP-TO-DATE +AVAILABLE +AGE +APP +LABELS$/);
  // The deployment has no app label: an empty APP cell, then LABELS <none>.
  assert.match(lines[1], /^default +web +2\/2 +2 +2 +30s +<none>$/);
  const nodes = ok(t, 'get nodes -L kubernetes.io/hostname --no-headers').split('\n');
  assert.match(nodes[0], /^master +Ready +control-plane +\S+ +v1\.32\.2 +master$/);
  assert.equal(t.run('get pods --show-labels -o yaml').stderr, 'error: --show-labels option cannot be used with yaml printer\n');
});

test('label and field selectors', () => {
  const t = withWeb();
  assert.equal(ok(t, 'get pods -l app=web -o name').split('\n').filter(Boolean).length, 2);
  assert.equal(t.run('get pods -l app=nope').stderr, 'No resources found in default namespace.\n');
  const node = ok(t, "get pods -o jsonpath={.items[0].spec.nodeName}");
  const onNode = ok(t, `get pods --field-selector spec.nodeName=${node},status.phase=Running -o name`);
  assert.ok(onNode.length > 0);
  assert.equal(ok(t, 'get ns --field-selector metadata.name=default -o name'), 'namespace/default\n');
  assert.equal(
    t.run('get pods --field-selector foo=bar').stderr,
    'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n',
  );
});

test('-o yaml and -o json print one object as itself and several as a List', () => {
  const t = withWeb();
  assert.match(ok(t, 'get deploy web -o yaml'), /^apiVersion: apps\/v1\nkind: Deployment\n/);
  assert.match(ok(t, 'get deploy -o yaml'), /^apiVersion: v1\nitems:\n- apiVersion: apps\/v1\n/);
  const list = JSON.parse(ok(t, 'get deploy -o json'));
  assert.equal(list.kind, 'List');
  assert.equal(list.items[0].metadata.name, 'web');
  assert.match(t.run('get pods -o foo').stderr, /^error: unable to match a printer suitable for the output format "foo", allowed formats are: /);
});

test('-o custom-columns and -o jsonpath', () => {
  const t = withWeb();
  assert.equal(ok(t, 'get deploy -o custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas'), 'NAME   REPLICAS\nweb    2\n');
  assert.equal(ok(t, 'get deploy web -o jsonpath={.spec.template.spec.containers[0].image}'), 'nginx:1.25');
});

test('--sort-by orders by the value at a path', () => {
  const t = newSession();
  t.cluster.advanceBy(5_000);
  ok(t, 'create ns b-ns');
  t.cluster.advanceBy(5_000);
  ok(t, 'create ns a-ns');
  const byTime = ok(t, 'get ns --sort-by=.metadata.creationTimestamp -o name').split('\n').filter(Boolean);
  assert.deepEqual(byTime.slice(-2), ['namespace/b-ns', 'namespace/a-ns']);
  const byName = ok(t, 'get ns --sort-by={.metadata.name} --no-headers -o custom-columns=N:.metadata.name').split('\n').filter(Boolean);
  assert.deepEqual(byName, [...byName].sort());
  assert.equal(t.run('get ns --sort-by=.spec.nope').stderr, 'error: couldn\'t find any field with path "{.spec.nope}" in the list of objects\n');
});
