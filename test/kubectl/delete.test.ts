import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOYMENT, newSession, ok } from './helpers.ts';

function withPods() {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  ok(t, 'run a --image=nginx --labels=app=x');
  ok(t, 'run b --image=nginx --labels=app=x');
  ok(t, 'run c --image=nginx --labels=app=y');
  t.cluster.advanceBy(30_000);
  return t;
}

test('TYPE NAME..., TYPE/NAME and what is not found', () => {
  const t = withPods();
  assert.equal(ok(t, 'delete pod a b'), 'pod "a" deleted\npod "b" deleted\n');
  assert.equal(ok(t, 'delete pod/c'), 'pod "c" deleted\n');
  // Deletion has begun: the pods terminate gracefully.
  assert.match(ok(t, 'get pod a'), /a +1\/1 +Terminating/);
  assert.deepEqual(t.run('delete pod nope'), { stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  assert.deepEqual(t.run('delete pod nope --ignore-not-found'), { stdout: '', stderr: '', exitCode: 0 });
  assert.equal(t.run('delete pods').stderr, 'error: resource(s) were provided, but no name was specified\n');
});

test('-l, --all and nothing to delete', () => {
  const t = withPods();
  assert.equal(ok(t, 'delete pods -l app=x'), 'pod "a" deleted\npod "b" deleted\n');
  assert.equal(ok(t, 'delete pods -l app=nope'), 'No resources found\n');
  assert.equal(t.run('delete pods --all -l app=y').stderr, "error: setting 'all' parameter but found a non empty selector. \n");
  assert.equal(ok(t, 'delete svc --all -n ott'), 'No resources found\n');
});

test('--force --grace-period=0 removes at once and warns; --grace-period=0 alone is 1s', () => {
  const t = withPods();
  const r = t.run('delete pod a --grace-period=0 --force');
  assert.deepEqual(r, {
    stdout: 'pod "a" force deleted\n',
    stderr:
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    exitCode: 0,
  });
  assert.equal(t.cluster.api.tryGet('Pod', 'default', 'a'), undefined);
  assert.equal(ok(t, 'delete pod b --grace-period=0'), 'pod "b" deleted\n');
  assert.equal(t.cluster.api.get('Pod', 'default', 'b').metadata.deletionGracePeriodSeconds, 1);
  assert.equal(ok(t, 'delete pod c --now'), 'pod "c" deleted\n');
  assert.equal(t.run('delete pod x --now --grace-period=5').stderr, 'error: --now and --grace-period cannot be specified together\n');
  assert.equal(t.run('delete pod x --force --grace-period=5').stderr, 'error: --force and --grace-period greater than 0 cannot be specified together\n');
});

test('--cascade: background, foreground, orphan, and the deprecated booleans', () => {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  ok(t, 'apply -f web.yaml');
  const r = t.run('delete deploy web --cascade=false');
  assert.equal(r.stdout, 'deployment.apps "web" deleted\n');
  assert.equal(r.stderr, 'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
  // Orphaned: the ReplicaSet outlives its Deployment, without an owner.
  const rs = t.cluster.api.list('ReplicaSet', 'default');
  assert.equal(rs.length, 1);
  assert.equal(rs[0].metadata.ownerReferences?.length ?? 0, 0);
  assert.equal(
    t.run('delete rs --all --cascade=sideways').stderr,
    'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n',
  );
  assert.equal(ok(t, 'delete rs --all --cascade=foreground'), `replicaset.apps "${rs[0].metadata.name}" deleted\n`);
});

test('-f deletes the objects of a file; -o name prints names', () => {
  const t = newSession({ files: { 'web.yaml': DEPLOYMENT } });
  ok(t, 'apply -f web.yaml');
  assert.equal(ok(t, 'delete -f web.yaml -o name'), 'deployment.apps/web\n');
  assert.equal(
    t.run('delete -f web.yaml').stderr,
    'Error from server (NotFound): error when deleting "web.yaml": deployments.apps "web" not found\n',
  );
  assert.equal(t.run('delete -f web.yaml -o yaml').stderr, "error: unexpected -o output mode: yaml. We only support '-o name'\n");
});
