import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Pod, StatefulSet } from '../../src/api/types/index.ts';
import { at, edit, events, NS, podNames, pods, readyNames, statefulSet, timeline } from './statefulset-fixtures.ts';

const sts = (c: Cluster, name = 'web') => c.store.get<StatefulSet>('StatefulSet', NS, name)!;

test('OrderedReady creates web-0, web-1, web-2 in order, each only after the previous is Running and Ready', () => {
  const c = new Cluster();
  const times = timeline(c);
  c.act(() => c.api.create(statefulSet('web')));
  assert.deepEqual(podNames(c), ['web-0'], 'one pod at a time');
  assert.ok(c.advanceUntil(() => readyNames(c).length === 3, 120_000));
  const [t0, t1, t2] = ['web-0', 'web-1', 'web-2'].map((n) => at(times, n));
  assert.equal(t1.created, t0.ready, 'web-1 is made in the instant web-0 becomes Ready');
  assert.equal(t2.created, t1.ready);
  assert.ok(t0.ready! > t0.created! && t1.ready! > t1.created!);
  const msgs = events(c, 'StatefulSet', 'web').map((e) => `${e.reason} ${e.message}`);
  assert.deepEqual(msgs, [
    'SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
    'SuccessfulCreate create Pod web-0 in StatefulSet web successful',
    'SuccessfulCreate create Claim www-web-1 Pod web-1 in StatefulSet web success',
    'SuccessfulCreate create Pod web-1 in StatefulSet web successful',
    'SuccessfulCreate create Claim www-web-2 Pod web-2 in StatefulSet web success',
    'SuccessfulCreate create Pod web-2 in StatefulSet web successful',
  ]);
});

test('member pods carry their identity: hostname, subdomain, ordinal labels, revision, claim volume, owner', () => {
  const c = new Cluster();
  c.act(() => c.api.create(statefulSet('web', { replicas: 2 })));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 2, 120_000));
  const set = sts(c);
  const pod = c.store.get<Pod>('Pod', NS, 'web-1')!;
  assert.equal(pod.spec.hostname, 'web-1');
  assert.equal(pod.spec.subdomain, 'web');
  assert.equal(pod.metadata.labels!['statefulset.kubernetes.io/pod-name'], 'web-1');
  assert.equal(pod.metadata.labels!['apps.kubernetes.io/pod-index'], '1');
  assert.equal(pod.metadata.labels!['controller-revision-hash'], set.status!.updateRevision);
  assert.match(set.status!.updateRevision!, /^web-[4-9bcdf]{1,10}$/);
  assert.deepEqual(pod.spec.volumes![0], { name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } });
  assert.deepEqual(pod.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  assert.deepEqual(
    { ...set.status, currentRevision: undefined, updateRevision: undefined },
    { observedGeneration: 1, replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, collisionCount: 0, availableReplicas: 2, currentRevision: undefined, updateRevision: undefined },
  );
  assert.equal(set.status!.currentRevision, set.status!.updateRevision);
});

test('ordinals.start shifts the names: start 5, replicas 2 → web-5, web-6', () => {
  const c = new Cluster();
  c.act(() => c.api.create(statefulSet('web', { replicas: 2, claims: false, extra: { ordinals: { start: 5 } } })));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 2, 60_000));
  assert.deepEqual(podNames(c), ['web-5', 'web-6']);
  assert.equal(c.store.get<Pod>('Pod', NS, 'web-6')!.metadata.labels!['apps.kubernetes.io/pod-index'], '6');
});

test('OrderedReady scales down from the highest ordinal, one at a time, each after the previous is gone', () => {
  const c = new Cluster();
  c.act(() => c.api.create(statefulSet('web', { claims: false })));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 3, 60_000));
  const times = timeline(c);
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.replicas = 0));
  assert.deepEqual(pods(c, (p) => !!p.metadata.deletionTimestamp).map((p) => p.metadata.name), ['web-2'], 'only web-2 terminates first');
  assert.ok(c.advanceUntil(() => pods(c).length === 0, 300_000));
  const [t0, t1, t2] = ['web-0', 'web-1', 'web-2'].map((n) => at(times, n));
  assert.equal(t1.terminating, t2.gone, 'web-1 is deleted when web-2 is gone');
  assert.equal(t0.terminating, t1.gone);
  assert.ok(t2.gone! > t2.terminating!);
  const deletes = events(c, 'StatefulSet', 'web').filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
  assert.deepEqual(deletes, ['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful', 'delete Pod web-0 in StatefulSet web successful']);
});

test('Parallel creates and deletes every pod at once', () => {
  const c = new Cluster();
  c.act(() => c.api.create(statefulSet('web', { policy: 'Parallel', claims: false })));
  assert.deepEqual(podNames(c), ['web-0', 'web-1', 'web-2']);
  assert.ok(c.advanceUntil(() => readyNames(c).length === 3, 60_000));
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.replicas = 1));
  assert.deepEqual(pods(c, (p) => !!p.metadata.deletionTimestamp).map((p) => p.metadata.name), ['web-1', 'web-2']);
});

test('OrderedReady waits on an unready pod: a pod that never becomes Ready blocks the next ordinal', () => {
  const c = new Cluster();
  const set = statefulSet('web', { claims: false });
  set.spec.template.spec.containers[0].readinessProbe = { exec: { command: ['false'] }, periodSeconds: 5 };
  set.spec.template.metadata!.annotations = { 'kubesim.io/run': 'forever' };
  c.act(() => c.api.create(set));
  c.advanceBy(60_000);
  assert.deepEqual(podNames(c), ['web-0']);
  assert.equal(sts(c).status!.replicas, 1);
  assert.equal(sts(c).status!.readyReplicas, undefined);
});

test('a Failed member is deleted and made again under the same name', () => {
  const c = new Cluster();
  c.act(() => c.api.create(statefulSet('web', { replicas: 2, claims: false })));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 2, 60_000));
  const before = c.store.get<Pod>('Pod', NS, 'web-1')!;
  c.act(() => c.api.updateStatus({ ...before, status: { ...before.status, phase: 'Failed', reason: 'Evicted' } }));
  const after = c.store.get<Pod>('Pod', NS, 'web-1')!;
  assert.notEqual(after.metadata.uid, before.metadata.uid, 'a new web-1');
  assert.equal(after.status?.phase, 'Pending');
  assert.ok(c.advanceUntil(() => readyNames(c).length === 2, 60_000));
});

test('a deleted member comes back with the same name; the set is not waiting for unrelated pods', () => {
  const c = new Cluster();
  c.act(() => c.api.create(statefulSet('web', { claims: false })));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 3, 60_000));
  const uid = c.store.get<Pod>('Pod', NS, 'web-1')!.metadata.uid;
  c.act(() => c.api.delete('Pod', NS, 'web-1'));
  assert.ok(c.store.get<Pod>('Pod', NS, 'web-1')!.metadata.deletionTimestamp, 'Terminating first: no second web-1 meanwhile');
  assert.ok(c.advanceUntil(() => { const p = c.store.get<Pod>('Pod', NS, 'web-1'); return !!p && p.metadata.uid !== uid; }, 60_000));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 3, 60_000));
  assert.deepEqual(podNames(c), ['web-0', 'web-1', 'web-2']);
});

test('an orphan pod named like a member and matching the selector is adopted; one with another name is not', () => {
  const c = new Cluster();
  const pod = (name: string): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: NS, labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }) as Pod;
  c.act(() => c.api.create(pod('web-0')));
  c.act(() => c.api.create(pod('other')));
  c.act(() => c.api.create(statefulSet('web', { replicas: 1, claims: false })));
  const set = sts(c);
  assert.equal(c.store.get<Pod>('Pod', NS, 'web-0')!.metadata.ownerReferences?.[0].uid, set.metadata.uid);
  assert.equal(c.store.get<Pod>('Pod', NS, 'other')!.metadata.ownerReferences, undefined);
});

test('deleting the set deletes its pods (garbage collector), all at once', () => {
  const c = new Cluster();
  c.act(() => c.api.create(statefulSet('web', { claims: false })));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 3, 60_000));
  c.act(() => c.api.delete('StatefulSet', NS, 'web'));
  assert.equal(pods(c, (p) => !!p.metadata.deletionTimestamp).length, 3);
  assert.ok(c.advanceUntil(() => pods(c).length === 0, 60_000));
});
