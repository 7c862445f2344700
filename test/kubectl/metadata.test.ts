import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node } from '../../src/api/types/index.ts';
import { newSession, ok } from './helpers.ts';

const node = (t: ReturnType<typeof newSession>, name = 'worker1') => t.cluster.api.get<Node>('Node', '', name);

test('label: labeled, not labeled, unlabeled, and the overwrite rule', () => {
  const t = newSession();
  assert.equal(ok(t, 'label node worker1 kubernetes.io/zone=public-a'), 'node/worker1 labeled\n');
  assert.equal(node(t).metadata.labels?.['kubernetes.io/zone'], 'public-a');
  assert.equal(ok(t, 'label node worker1 kubernetes.io/zone=public-a'), 'node/worker1 not labeled\n');
  assert.deepEqual(t.run('label node worker1 kubernetes.io/zone=public-b'), {
    stdout: '',
    stderr: "error: 'kubernetes.io/zone' already has a value (public-a), and --overwrite is false\n",
    exitCode: 1,
  });
  assert.equal(ok(t, 'label node worker1 kubernetes.io/zone=public-b --overwrite=true'), 'node/worker1 labeled\n');
  assert.equal(ok(t, 'label node worker1 kubernetes.io/zone-'), 'node/worker1 unlabeled\n');
  assert.equal(node(t).metadata.labels?.['kubernetes.io/zone'], undefined);
  assert.equal(ok(t, 'label node worker1 nope-'), 'label "nope" not found.\nnode/worker1 not labeled\n');
});

test('label: several objects, --all, and malformed arguments', () => {
  const t = newSession();
  assert.equal(ok(t, 'label nodes worker1 worker2 compute.power=high'), 'node/worker1 labeled\nnode/worker2 labeled\n');
  assert.equal(ok(t, 'label nodes --all tier=x'), 'node/master labeled\nnode/worker1 labeled\nnode/worker2 labeled\n');
  assert.equal(ok(t, 'label nodes -l compute.power=high tier=y --overwrite'), 'node/worker1 labeled\nnode/worker2 labeled\n');
  assert.equal(t.run('label node worker1 a=b c').stderr, 'error: all resources must be specified before label changes: c\n');
  assert.equal(t.run('label node worker1 a=b=c').stderr, 'error: invalid label spec: a=b=c\n');
  assert.equal(t.run('label node worker1 a=b a-').stderr, 'error: can not both modify and remove a label in the same command\n');
  assert.match(t.run('label node worker1 a=b!').stderr, /^error: invalid label value: "a=b!": a valid label must be an empty string/);
  assert.equal(t.run('label node worker1').stderr, 'error: at least one label update is required\n');
  assert.equal(t.run('label node nope a=b').stderr, 'Error from server (NotFound): nodes "nope" not found\n');
});

test('annotate: annotated, and the overwrite rule', () => {
  const t = newSession();
  assert.equal(ok(t, 'annotate node worker1 owner=ops'), 'node/worker1 annotated\n');
  assert.equal(
    t.run('annotate node worker1 owner=dev').stderr,
    "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (ops)\n",
  );
  assert.equal(ok(t, 'annotate node worker1 owner=dev --overwrite'), 'node/worker1 annotated\n');
  assert.equal(node(t).metadata.annotations?.owner, 'dev');
  assert.equal(ok(t, 'annotate node worker1 owner-'), 'node/worker1 annotated\n');
  assert.equal(node(t).metadata.annotations?.owner, undefined);
  assert.equal(t.run('annotate node worker1 x').stderr, 'error: at least one annotation update is required\n');
});

test('cordon and uncordon', () => {
  const t = newSession();
  assert.equal(ok(t, 'cordon worker1'), 'node/worker1 cordoned\n');
  assert.equal(node(t).spec.unschedulable, true);
  assert.equal(ok(t, 'cordon worker1'), 'node/worker1 already cordoned\n');
  assert.match(ok(t, 'get node worker1'), /worker1 +Ready,SchedulingDisabled/);
  assert.equal(ok(t, 'uncordon worker1'), 'node/worker1 uncordoned\n');
  assert.equal(node(t).spec.unschedulable, undefined);
  assert.equal(ok(t, 'uncordon worker1'), 'node/worker1 already uncordoned\n');
  assert.equal(t.run('cordon nope').stderr, 'Error from server (NotFound): nodes "nope" not found\n');
});

test('taint: tainted, untainted, modified; kubectl sends no timeAdded', () => {
  const t = newSession();
  assert.equal(ok(t, 'taint nodes worker1 dedicated=db:NoSchedule'), 'node/worker1 tainted\n');
  assert.deepEqual(node(t).spec.taints, [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
  assert.equal(
    t.run('taint nodes worker1 dedicated=web:NoSchedule').stderr,
    'error: node worker1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
  );
  assert.equal(ok(t, 'taint nodes worker1 dedicated=web:NoSchedule --overwrite'), 'node/worker1 modified\n');
  assert.equal(ok(t, 'taint node worker1 gone:NoExecute'), 'node/worker1 tainted\n');
  const noExec = node(t).spec.taints!.find((x) => x.effect === 'NoExecute')!;
  assert.equal(noExec.timeAdded, undefined);
  assert.equal(ok(t, 'taint node worker1 gone:NoExecute-'), 'node/worker1 untainted\n');
  assert.equal(ok(t, 'taint node worker1 dedicated-'), 'node/worker1 untainted\n');
  assert.equal(node(t).spec.taints, undefined);
  assert.equal(t.run('taint node worker1 dedicated-').stderr, 'error: taint "dedicated" not found\n');
  assert.equal(
    t.run('taint node worker1 a=b:Sometimes').stderr,
    "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
  );
  assert.equal(t.run('taint pod x a=b:NoSchedule').stderr, 'error: invalid resource type pod, only node types are supported\n');
  // The control-plane taint of the default cluster can be removed like any other.
  assert.equal(ok(t, 'taint node master node-role.kubernetes.io/control-plane:NoSchedule-'), 'node/master untainted\n');
});
