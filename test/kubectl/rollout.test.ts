import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ControllerRevision, Deployment, StatefulSet } from '../../src/api/types/index.ts';
import { ownerRefTo } from '../../src/api/object-util.ts';
import { DEPLOYMENT, newSession, ok } from './helpers.ts';

/** web at nginx:1.25 (revision 1), then nginx:1.26 recorded (revision 2), rolled out. */
function twoRevisions() {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  ok(t, 'apply -f web.yaml');
  t.cluster.advanceBy(60_000);
  t.run('set image deployment/web web=nginx:1.26 --record');
  t.cluster.advanceBy(120_000);
  return t;
}
const get = (t: ReturnType<typeof newSession>) => t.cluster.api.get<Deployment>('Deployment', 'default', 'web');

test('rollout history lists the revisions of the ReplicaSets with their change-cause', () => {
  const t = twoRevisions();
  assert.equal(
    ok(t, 'rollout history deployment/web'),
    'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web web=nginx:1.26 --record=true\n\n',
  );
  const rev2 = ok(t, 'rollout history deploy web --revision=2');
  assert.match(rev2, /^deployment\.apps\/web with revision #2\nPod Template:\n {2}Labels:\tapp=web\n/);
  assert.match(rev2, /Image:\tnginx:1\.26\n/);
  assert.equal(t.run('rollout history deploy web --revision=9').stderr, 'error: unable to find the specified revision\n');
  assert.equal(t.run('rollout history svc kubernetes').stderr, 'error: no history viewer has been implemented for "Service"\n');
});

test('rollout status prints the status of this instant and exits 0', () => {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  ok(t, 'apply -f web.yaml');
  const early = t.run('rollout status deploy/web');
  assert.equal(early.exitCode, 0);
  assert.match(early.stdout, /^Waiting for deployment "web" rollout to finish: /);
  t.cluster.advanceBy(60_000);
  assert.equal(ok(t, 'rollout status deploy/web'), 'deployment "web" successfully rolled out\n');
  assert.equal(t.run('rollout status deploy/nope').stderr, 'Error from server (NotFound): deployments.apps "nope" not found\n');
  assert.equal(t.run('rollout status svc/kubernetes').stderr, 'error: no status viewer has been implemented for Service\n');
});

test('rollout undo goes back to the previous revision, which becomes the newest', () => {
  const t = twoRevisions();
  assert.equal(ok(t, 'rollout undo deployment/web'), 'deployment.apps/web rolled back\n');
  assert.equal(get(t).spec.template.spec.containers[0].image, 'nginx:1.25');
  assert.equal(get(t).spec.template.metadata?.labels?.['pod-template-hash'], undefined);
  t.cluster.advanceBy(120_000);
  assert.match(ok(t, 'rollout history deployment/web'), /REVISION  CHANGE-CAUSE\n2 .*\n3 +<none>\n/);
});

test('rollout undo refusals and skips', () => {
  const t = twoRevisions();
  assert.equal(t.run('rollout undo deploy/web --to-revision=7').stderr, 'error: unable to find specified revision 7 in history\n');
  assert.equal(ok(t, 'rollout undo deploy/web --to-revision=2'), 'deployment.apps/web skipped rollback (current template already matches revision 2)\n');
  assert.match(ok(t, 'rollout undo deploy/web --dry-run=client'), /^deployment\.apps\/web Pod Template:\n/);
  assert.equal(ok(t, 'rollout pause deploy/web'), 'deployment.apps/web paused\n');
  assert.equal(
    t.run('rollout undo deploy/web').stderr,
    "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
  );
});

test('rollout pause, resume and restart', () => {
  const t = twoRevisions();
  assert.equal(ok(t, 'rollout pause deploy/web'), 'deployment.apps/web paused\n');
  assert.equal(get(t).spec.paused, true);
  assert.equal(t.run('rollout pause deploy/web').stderr, 'error: deployments.apps "web" is already paused\n');
  assert.equal(t.run('rollout restart deploy/web').stderr, 'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n');
  assert.equal(ok(t, 'rollout resume deploy/web'), 'deployment.apps/web resumed\n');
  assert.equal(get(t).spec.paused, undefined);
  assert.equal(t.run('rollout resume deploy/web').stderr, 'error: deployments.apps "web" is not paused\n');
  assert.equal(ok(t, 'rollout restart deploy/web'), 'deployment.apps/web restarted\n');
  assert.equal(get(t).spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'], '2025-01-06T09:03:00Z');
  assert.equal(
    t.run('rollout restart deploy/web').stderr,
    'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
  );
  assert.equal(t.run('rollout pause svc/kubernetes').stderr, 'error: services "kubernetes" pausing is not supported\n');
});

test('StatefulSet history and undo read ControllerRevisions', () => {
  const t = newSession();
  const template = (image: string) => ({ metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image }] } });
  const sts = t.cluster.api.create<StatefulSet>({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'default' },
    spec: { replicas: 0, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template('redis:7') },
  });
  // As the controller records them: the live (defaulted) template, to be restored whole.
  const revision = (n: number, tpl: object, cause?: string) =>
    t.cluster.api.create<ControllerRevision>({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `db-rev${n}`,
        namespace: 'default',
        labels: { app: 'db' },
        ...(cause ? { annotations: { 'kubernetes.io/change-cause': cause } } : {}),
        ownerReferences: [ownerRefTo(sts)],
      },
      revision: n,
      data: { spec: { template: { ...tpl, $patch: 'replace' } } },
    });
  revision(1, template('redis:6'), 'first');
  revision(2, sts.spec.template);
  const history = ok(t, 'rollout history sts/db');
  assert.match(history, /^statefulset\.apps\/db \nREVISION  CHANGE-CAUSE\n/);
  assert.match(history, /\n1 +first\n2 +<none>\n/);
  assert.equal(ok(t, 'rollout undo sts/db --to-revision=2'), 'statefulset.apps/db skipped rollback (current template already matches revision 2)\n');
  assert.equal(t.run('rollout undo sts/db --to-revision=5').stderr, 'error: unable to find specified revision 5 in history\n');
  assert.equal(ok(t, 'rollout undo sts/db --to-revision=1'), 'statefulset.apps/db rolled back\n');
  assert.equal(t.cluster.api.get<StatefulSet>('StatefulSet', 'default', 'db').spec.template.spec.containers[0].image, 'redis:6');
});

test('rollout undo to the revision a DaemonSet or StatefulSet already runs, as its controller recorded it, is skipped', () => {
  const t = newSession();
  const template = { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'fluentd' }] } };
  t.cluster.act(() => {
    t.cluster.api.create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'agent' } }, template } });
    t.cluster.api.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default' }, spec: { replicas: 0, serviceName: 'db', selector: { matchLabels: { app: 'agent' } }, template } });
  });
  const recorded = t.cluster.api.list<ControllerRevision>('ControllerRevision', 'default');
  assert.equal(recorded.length, 2, 'one revision each, written by the controllers');
  assert.equal(ok(t, 'rollout undo ds/agent --to-revision=1'), 'daemonset.apps/agent skipped rollback (current template already matches revision 1)\n');
  assert.equal(ok(t, 'rollout undo sts/db --to-revision=1'), 'statefulset.apps/db skipped rollback (current template already matches revision 1)\n');
  ok(t, 'set image ds/agent agent=fluentd:v2');
  assert.equal(ok(t, 'rollout undo ds/agent --to-revision=1'), 'daemonset.apps/agent rolled back\n');
});
