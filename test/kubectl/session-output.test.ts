/**
 * The order of a command's two streams: runTranscript keeps what kubectl wrote to stdout and
 * stderr in the order it wrote it (as a terminal shows it), while stdout alone stays what `-o`
 * parsing, `save:` and pipes read. One test per command that writes both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../src/api/types/index.ts';
import { terminalText, type OutputChunk } from '../../src/kubectl/session.ts';
import { parseManifests } from '../../src/manifest/index.ts';
import { DEPLOYMENT, newSession, ok } from './helpers.ts';

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

/** The chunks as [stream, text] pairs, for compact comparisons. */
const pairs = (output: readonly OutputChunk[]) => output.map((c) => [c.stream, c.text]);

test('run keeps its three fields; runTranscript adds the ordered chunks, consecutive writes merged', () => {
  const t = newSession();
  const r = t.session.run('get pods -n nowhere');
  assert.deepEqual(r, { stdout: '', stderr: 'No resources found in nowhere namespace.\n', exitCode: 0 });
  const tr = t.session.runTranscript('get ns default kube-system -o name');
  assert.deepEqual(pairs(tr.output), [['stdout', 'namespace/default\nnamespace/kube-system\n']]);
  assert.equal(tr.stdout, 'namespace/default\nnamespace/kube-system\n');
  assert.equal(tr.stderr, '');
  assert.deepEqual(t.session.runTranscript('get ns').output.length, 1);
});

test('delete --force: the warning comes before what was deleted', () => {
  const t = newSession();
  ok(t, 'run a --image=nginx');
  const r = t.session.runTranscript('delete pod a --grace-period=0 --force');
  assert.equal(r.exitCode, 0);
  assert.deepEqual(pairs(r.output), [
    ['stderr', FORCE_WARNING],
    ['stdout', 'pod "a" force deleted\n'],
  ]);
  assert.equal(terminalText(r), `${FORCE_WARNING}pod "a" force deleted\n`);
  assert.equal(r.stdout, 'pod "a" force deleted\n');
});

test('delete of a name that exists and one that does not: the deleted line, then the error', () => {
  const t = newSession();
  ok(t, 'run a --image=nginx');
  const r = t.session.runTranscript('delete pod a nope');
  assert.equal(r.exitCode, 1);
  assert.deepEqual(pairs(r.output), [
    ['stdout', 'pod "a" deleted\n'],
    ['stderr', 'Error from server (NotFound): pods "nope" not found\n'],
  ]);
});

test('drain --ignore-daemonsets --force: cordoned, then the warning, then the evictions', () => {
  const t = newSession();
  t.cluster.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'solo', namespace: 'default' },
    spec: { nodeName: 'worker1', containers: [{ name: 'c', image: 'nginx' }] },
  });
  t.cluster.advanceBy(20_000);
  const r = t.session.runTranscript('drain worker1 --ignore-daemonsets --force');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.equal(r.output.length, 3, JSON.stringify(r.output));
  const [cordoned, warning, evictions] = r.output;
  assert.deepEqual([cordoned.stream, cordoned.text], ['stdout', 'node/worker1 cordoned\n']);
  assert.equal(warning.stream, 'stderr');
  assert.match(warning.text, /^Warning: .*ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-/);
  assert.match(warning.text, /deleting Pods that declare no controller: default\/solo/);
  assert.equal(evictions.stream, 'stdout');
  assert.match(evictions.text, /^evicting pod default\/solo\n(.*\n)*pod\/solo evicted\n(.*\n)*node\/worker1 drained\n$/);
  assert.equal(r.stdout, cordoned.text + evictions.text);
});

test('drain refused: cordoned on stdout, then the errors', () => {
  const t = newSession();
  const r = t.session.runTranscript('drain worker2');
  assert.equal(r.exitCode, 1);
  assert.deepEqual(r.output.map((c) => c.stream), ['stdout', 'stderr']);
  assert.equal(r.output[0].text, 'node/worker2 cordoned\n');
  assert.match(r.output[1].text, /^error: unable to drain node "worker2" due to error: cannot delete DaemonSet-managed Pods/);
});

test('logs of a pod with two containers: "Defaulted container" before the logs', () => {
  const t = newSession({
    files: {
      'duo.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: {name: duo}\nspec:\n  containers:\n  - {name: web, image: nginx}\n  - {name: side, image: busybox, command: [sleep, "3600"]}\n',
    },
  });
  ok(t, 'apply -f duo.yaml');
  t.cluster.advanceBy(30_000);
  const r = t.session.runTranscript('logs duo');
  assert.equal(r.exitCode, 0);
  assert.deepEqual(r.output.map((c) => c.stream), ['stderr', 'stdout']);
  assert.equal(r.output[0].text, 'Defaulted container "web" out of: web, side\n');
  assert.match(r.output[1].text, /nginx/);
  assert.equal(r.stdout, r.output[1].text);
});

test('logs of a Deployment: "Found 2 pods, using pod/..." before the logs', () => {
  const t = newSession();
  ok(t, 'create deployment api --image=nginx --replicas=2');
  t.cluster.advanceBy(30_000);
  const r = t.session.runTranscript('logs deploy/api');
  assert.deepEqual(r.output.map((c) => c.stream), ['stderr', 'stdout']);
  assert.match(r.output[0].text, /^Found 2 pods, using pod\/api-/);
});

test('exec into a pod with two containers: "Defaulted container" before the command output', () => {
  const t = newSession({
    files: {
      'duo.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: {name: duo}\nspec:\n  containers:\n  - {name: box, image: busybox, command: [sleep, "3600"]}\n  - {name: web, image: nginx}\n',
    },
  });
  ok(t, 'apply -f duo.yaml');
  t.cluster.advanceBy(30_000);
  const r = t.session.runTranscript('exec duo -- hostname');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.deepEqual(pairs(r.output), [
    ['stderr', 'Defaulted container "box" out of: box, web\n'],
    ['stdout', 'duo\n'],
  ]);
});

test('--record: the deprecation comes first, as pflag prints it while parsing', () => {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  const r = t.session.runTranscript('apply -f web.yaml --record');
  assert.equal(r.exitCode, 0);
  assert.deepEqual(pairs(r.output), [
    ['stderr', 'Flag --record has been deprecated, --record will be removed in the future\n'],
    ['stdout', 'deployment.apps/web created\n'],
  ]);
  const set = t.session.runTranscript('set image deployment/web web=nginx:1.26 --record');
  assert.deepEqual(pairs(set.output), [
    ['stderr', 'Flag --record has been deprecated, --record will be removed in the future\n'],
    ['stdout', 'deployment.apps/web image updated\n'],
  ]);
});

test('applyManifests keeps the order too: what was created, then the error', () => {
  const t = newSession();
  ok(t, 'create namespace ott');
  const manifests = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ott}\n', { file: 'x.yaml' });
  const r = t.session.applyManifests(manifests, 'create', 'x.yaml');
  assert.equal(r.exitCode, 1);
  assert.deepEqual(pairs(r.output), [
    ['stdout', 'configmap/c created\n'],
    ['stderr', 'Error from server (AlreadyExists): error when creating "x.yaml": namespaces "ott" already exists\n'],
  ]);
});
