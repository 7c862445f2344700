import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newSession, ok } from './helpers.ts';

const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  containers:
  - name: web
    image: nginx
  - name: side
    image: busybox
    command: [sleep, "3600"]
`;

function running() {
  const t = newSession({ files: { 'duo.yaml': TWO_CONTAINERS } });
  ok(t, 'run web --image=nginx');
  ok(t, 'apply -f duo.yaml');
  ok(t, 'create deployment api --image=nginx --replicas=2');
  t.cluster.advanceBy(30_000);
  return t;
}

test('logs of a pod, --tail, and of a workload', () => {
  const t = running();
  const all = ok(t, 'logs web');
  assert.match(all, /Configuration complete; ready for start up\n$/);
  const lines = all.split('\n').filter(Boolean);
  assert.equal(ok(t, 'logs web --tail=1'), `${lines[lines.length - 1]}\n`);
  assert.equal(ok(t, 'logs web -f --tail=1'), `${lines[lines.length - 1]}\n`);
  const r = t.run('logs deploy/api');
  assert.equal(r.exitCode, 0);
  assert.match(r.stderr, /^Found 2 pods, using pod\/api-[a-z0-9]+-[a-z0-9]{5}\n$/);
  assert.equal(r.stdout, all);
});

test('logs with several containers: the first is defaulted and named on stderr; -c picks one', () => {
  const t = running();
  const r = t.run('logs duo');
  assert.equal(r.stderr, 'Defaulted container "web" out of: web, side\n');
  assert.match(r.stdout, /nginx/);
  assert.deepEqual(t.run('logs duo -c side'), { stdout: '', stderr: '', exitCode: 0 });
  assert.equal(t.run('logs duo -c nope').stderr, 'error: container nope is not valid for pod duo\n');
  assert.equal(t.run('logs duo side -c web').stderr, 'error: only one of -c or an inline [CONTAINER] arg is allowed\n');
});

test('logs errors', () => {
  const t = running();
  assert.equal(t.run('logs nope').stderr, 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n');
  assert.equal(
    t.run('logs').stderr,
    "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
  );
  assert.equal(t.run('logs web --previous').stderr, 'Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n');
  ok(t, 'run late --image=nginx');
  assert.equal(t.run('logs late').stderr, 'Error from server (BadRequest): container "late" in pod "late" is waiting to start: ContainerCreating\n');
});

test('exec runs a command as the image answers; failures give kubectl exit codes', () => {
  const t = running();
  assert.deepEqual(t.run('exec web -- hostname'), { stdout: 'web\n', stderr: '', exitCode: 0 });
  assert.deepEqual(t.run('exec duo -c side -- echo hi there'), { stdout: 'hi there\n', stderr: '', exitCode: 0 });
  const defaulted = t.run('exec duo -- hostname');
  assert.equal(defaulted.stderr, 'Defaulted container "web" out of: web, side\n');
  const missing = t.run('exec web -- nslookup api');
  assert.equal(missing.exitCode, 126);
  assert.equal(
    missing.stderr,
    'OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
  );
  assert.deepEqual(t.run('exec duo -c side -- false'), { stdout: '', stderr: 'command terminated with exit code 1\n', exitCode: 1 });
  assert.match(ok(t, 'exec deploy/api -- hostname'), /^api-/);
  assert.equal(t.run('exec web hostname').stderr, "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
  assert.equal(t.run('exec nope -- ls').stderr, 'Error from server (NotFound): pods "nope" not found\n');
  assert.equal(t.run('exec -- ls').stderr, 'error: pod, type/name or --filename must be specified\n');
});
