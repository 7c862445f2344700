import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment } from '../../src/api/types/index.ts';
import { DEPLOYMENT, newSession, ok } from './helpers.ts';

const TWO = DEPLOYMENT.replace(
  '      - name: web\n        image: nginx:1.25\n',
  '      - name: web\n        image: nginx:1.25\n        ports: [{containerPort: 80}]\n      - name: side\n        image: busybox\n',
);

function withWeb(manifest = DEPLOYMENT) {
  const t = newSession({ files: { 'web.yaml': manifest } });
  ok(t, 'apply -f web.yaml');
  return t;
}
const get = (t: ReturnType<typeof newSession>) => t.cluster.api.get<Deployment>('Deployment', 'default', 'web');

test('strategic (default) merges containers by name; (no change) when nothing changes', () => {
  const t = withWeb(TWO);
  assert.equal(ok(t, `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox:1.36"}]}}}}'`), 'deployment.apps/web patched\n');
  const containers = get(t).spec.template.spec.containers;
  assert.deepEqual(containers.map((c) => `${c.name}=${c.image}`), ['web=nginx:1.25', 'side=busybox:1.36']);
  assert.equal(ok(t, `patch deploy web -p '{"spec":{"replicas":2}}'`), 'deployment.apps/web patched (no change)\n');
});

test('merge replaces lists; json applies operations; YAML patches are accepted', () => {
  const t = withWeb(TWO);
  ok(t, `patch deploy web --type merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"only","image":"redis"}]}}}}'`);
  assert.deepEqual(get(t).spec.template.spec.containers.map((c) => c.name), ['only']);
  ok(t, `patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":4}]'`);
  assert.equal(get(t).spec.replicas, 4);
  ok(t, `patch deploy web -p 'spec: {replicas: 3}'`);
  assert.equal(get(t).spec.replicas, 3);
});

test('patch errors', () => {
  const t = withWeb();
  assert.equal(t.run(`patch deploy web --type=foo -p '{}'`).stderr, 'error: --type must be one of [json merge strategic], not "foo"\n');
  assert.match(t.run(`patch deploy web -p '{"spec":'`).stderr, /^error: unable to parse "\{"spec":": error converting YAML to JSON: yaml: /);
  assert.equal(t.run(`patch deploy nope -p '{}'`).stderr, 'Error from server (NotFound): deployments.apps "nope" not found\n');
  assert.equal(t.run('patch deploy web -p x --patch-file y').stderr, 'error: cannot specify --patch and --patch-file together\n');
});

test('set image: image updated, silent when unchanged, unknown containers', () => {
  const t = withWeb(TWO);
  assert.equal(ok(t, 'set image deploy/web web=nginx:1.26'), 'deployment.apps/web image updated\n');
  assert.equal(get(t).spec.template.spec.containers[0].image, 'nginx:1.26');
  assert.equal(get(t).spec.template.spec.containers[0].ports?.[0].containerPort, 80, 'the rest of the container is kept');
  assert.deepEqual(t.run('set image deploy/web web=nginx:1.26'), { stdout: '', stderr: '', exitCode: 0 });
  assert.deepEqual(t.run('set image deployment web nope=redis'), { stdout: '', stderr: 'error: unable to find container named "nope"\n', exitCode: 1 });
  assert.equal(ok(t, 'set image deploy web *=redis:7'), 'deployment.apps/web image updated\n');
  assert.deepEqual(get(t).spec.template.spec.containers.map((c) => c.image), ['redis:7', 'redis:7']);
  assert.equal(t.run('set image deploy/web').stderr, 'error: at least one image update is required\n');
  assert.equal(t.run('set image web=x').stderr, 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
});

test('scale: one or more names, TYPE/NAME, --current-replicas', () => {
  const t = withWeb();
  ok(t, 'create deployment api --image=nginx');
  assert.equal(ok(t, 'scale deploy web api --replicas=3'), 'deployment.apps/web scaled\ndeployment.apps/api scaled\n');
  assert.equal(get(t).spec.replicas, 3);
  assert.equal(ok(t, 'scale deployment/web --replicas=1 --current-replicas=3'), 'deployment.apps/web scaled\n');
  assert.equal(t.run('scale deploy web --replicas=2 --current-replicas=3').stderr, 'error: Expected replicas to be 3, was 1\n');
  assert.equal(t.run('scale deploy web --replicas=-1').stderr, 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
  assert.equal(t.run('scale deploy nope --replicas=1').stderr, 'error: no objects passed to scale deployments.apps "nope" not found\n');
  assert.equal(t.run('scale ns default --replicas=1').stderr, 'Error from server (NotFound): the server could not find the requested resource\n');
});
