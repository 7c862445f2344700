/**
 * kubectl exec end to end (kubelet exec, kubectl, the scenario host): a command that exits N
 * prints `command terminated with exit code N` and the step exits N; getent exists where the
 * image's C library ships it (glibc in Debian images, musl-utils in Alpine) and not in busybox.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { KubectlSession } from '../../src/kubectl/session.ts';
import { createRealHost } from '../../src/scenario/real-host.ts';
import { printedText } from '../../src/scenario/host.ts';

function session() {
  const cluster = new Cluster();
  const k = new KubectlSession(cluster);
  for (const [name, image] of [['web', 'nginx'], ['bb', 'busybox'], ['alp', 'alpine'], ['deb', 'debian']]) {
    const r = k.run(`run ${name} --image=${image} -- sleep 3600`);
    assert.equal(r.exitCode, 0, r.stderr);
  }
  cluster.advanceBy(60_000);
  return k;
}

test('getent hosts resolves cluster names in Debian and Alpine images; busybox has no getent', () => {
  const k = session();
  for (const pod of ['web', 'alp', 'deb']) {
    assert.deepEqual(k.run(`exec ${pod} -- getent hosts kubernetes`), { stdout: '10.96.0.1       kubernetes.default.svc.cluster.local\n', stderr: '', exitCode: 0 }, pod);
    const ah = k.run(`exec ${pod} -- getent ahosts kubernetes.default`);
    assert.equal(ah.exitCode, 0, pod);
    assert.match(ah.stdout, /^10\.96\.0\.1 +STREAM kubernetes\.default\.svc\.cluster\.local\n/);
    assert.deepEqual(k.run(`exec ${pod} -- getent hosts nothere`), { stdout: '', stderr: 'command terminated with exit code 2\n', exitCode: 2 });
  }
  assert.deepEqual(k.run('exec bb -- getent hosts kubernetes'), {
    stdout: '',
    stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "getent": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
    exitCode: 126,
  });
});

test('a command exiting non-zero: its stderr, then kubectl\'s `command terminated with exit code N`, exit N', () => {
  const k = session();
  assert.deepEqual(k.run('exec bb -- ls /nope'), { stdout: '', stderr: 'ls: /nope: No such file or directory\ncommand terminated with exit code 1\n', exitCode: 1 });
  assert.deepEqual(k.run('exec deb -- ls /nope'), { stdout: '', stderr: 'ls: /nope: No such file or directory\ncommand terminated with exit code 2\n', exitCode: 2 });
});

test('a scenario kubectl step running a failing exec exits with the command\'s code', () => {
  const host = createRealHost({ seed: 1, images: [], namespace: 'default' });
  assert.equal(host.kubectl('run bb --image=busybox -- sleep 3600').exitCode, 0);
  host.advanceBy(60_000);
  const r = host.kubectl('exec bb -- getent hosts kubernetes');
  assert.equal(r.exitCode, 126);
  assert.match(printedText(r), /executable file not found in \$PATH: unknown\ncommand terminated with exit code 126\n$/);
});
