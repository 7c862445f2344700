import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Pod, StatefulSet } from '../../src/api/types/index.ts';
import { at, edit, NS, pods, readyNames, statefulSet, timeline } from './statefulset-fixtures.ts';

const sts = (c: Cluster) => c.store.get<StatefulSet>('StatefulSet', NS, 'web')!;
const revisionOf = (c: Cluster, name: string) => c.store.get<Pod>('Pod', NS, name)?.metadata.labels?.['controller-revision-hash'];
const imageOf = (c: Cluster, name: string) => c.store.get<Pod>('Pod', NS, name)?.spec.containers[0].image;

function ready3(c: Cluster, extra: Partial<StatefulSet['spec']> = {}): string {
  c.act(() => c.api.create(statefulSet('web', { claims: false, extra })));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 3, 60_000));
  return sts(c).status!.currentRevision!;
}

test('RollingUpdate replaces pods from the highest ordinal down, one at a time, each after the previous is Ready again', () => {
  const c = new Cluster();
  const rev1 = ready3(c);
  const times = timeline(c);
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.template.spec.containers[0].image = 'nginx:1.26'));
  const rev2 = sts(c).status!.updateRevision!;
  assert.notEqual(rev2, rev1);
  assert.deepEqual(pods(c, (p) => !!p.metadata.deletionTimestamp).map((p) => p.metadata.name), ['web-2']);
  assert.ok(c.advanceUntil(() => sts(c).status!.currentRevision === rev2, 300_000));
  const [old0, old1, old2] = ['web-0', 'web-1', 'web-2'].map((n) => at(times, n, 0));
  const [new1, new2] = ['web-1', 'web-2'].map((n) => at(times, n, 1));
  assert.equal(new2.created, old2.gone, 'the new web-2 is made once the old one is gone');
  assert.equal(old1.terminating, new2.ready, 'web-1 goes when the new web-2 is Ready');
  assert.equal(old0.terminating, new1.ready);
  assert.deepEqual(['web-0', 'web-1', 'web-2'].map((n) => imageOf(c, n)), ['nginx:1.26', 'nginx:1.26', 'nginx:1.26']);
  const s = sts(c).status!;
  assert.equal(s.currentReplicas, 3);
  assert.equal(s.updatedReplicas, 3);
});

test('a partition keeps the lower ordinals at the current revision; lowering it finishes the rollout', () => {
  const c = new Cluster();
  const rev1 = ready3(c, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.template.spec.containers[0].image = 'nginx:1.26'));
  const rev2 = sts(c).status!.updateRevision!;
  c.advanceBy(120_000);
  assert.deepEqual(['web-0', 'web-1', 'web-2'].map((n) => revisionOf(c, n)), [rev1, rev1, rev2]);
  let s = sts(c).status!;
  assert.equal(s.currentRevision, rev1, 'a partitioned rollout does not complete');
  assert.equal(s.currentReplicas, 2);
  assert.equal(s.updatedReplicas, 1);
  // A deleted pod below the partition comes back at the current revision.
  c.act(() => c.api.delete('Pod', NS, 'web-0'));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 3, 120_000));
  assert.equal(revisionOf(c, 'web-0'), rev1);
  assert.equal(imageOf(c, 'web-0'), 'nginx:1.25');
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s2) => (s2.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }));
  assert.ok(c.advanceUntil(() => sts(c).status!.currentRevision === rev2, 300_000));
  s = sts(c).status!;
  assert.deepEqual([s.currentReplicas, s.updatedReplicas, s.readyReplicas], [3, 3, 3]);
  assert.deepEqual(['web-0', 'web-1', 'web-2'].map((n) => revisionOf(c, n)), [rev2, rev2, rev2]);
});

test('OnDelete leaves pods alone until they are deleted; a deleted pod comes back at the update revision', () => {
  const c = new Cluster();
  const rev1 = ready3(c, { updateStrategy: { type: 'OnDelete' } });
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.template.spec.containers[0].image = 'nginx:1.26'));
  const rev2 = sts(c).status!.updateRevision!;
  c.advanceBy(120_000);
  assert.deepEqual(['web-0', 'web-1', 'web-2'].map((n) => revisionOf(c, n)), [rev1, rev1, rev1]);
  assert.equal(pods(c, (p) => !!p.metadata.deletionTimestamp).length, 0);
  c.act(() => c.api.delete('Pod', NS, 'web-1'));
  assert.ok(c.advanceUntil(() => revisionOf(c, 'web-1') === rev2 && readyNames(c).length === 3, 120_000));
  assert.equal(imageOf(c, 'web-1'), 'nginx:1.26');
  assert.deepEqual([revisionOf(c, 'web-0'), revisionOf(c, 'web-2')], [rev1, rev1]);
  assert.equal(sts(c).status!.currentRevision, rev1, 'OnDelete never completes a rolling update');
  assert.equal(sts(c).status!.updatedReplicas, 1);
});

test('scaling comes before updating: a scale-up and a template change together create the new ordinal first', () => {
  const c = new Cluster();
  ready3(c);
  const times = timeline(c);
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => {
    s.spec.replicas = 4;
    s.spec.template.spec.containers[0].image = 'nginx:1.26';
  });
  assert.ok(at(times, 'web-3').created !== undefined, 'web-3 is created at once');
  assert.equal(pods(c, (p) => !!p.metadata.deletionTimestamp).length, 0, 'no pod is replaced before web-3 is Ready');
  assert.equal(imageOf(c, 'web-3'), 'nginx:1.26', 'new ordinals are made at the update revision');
  assert.ok(c.advanceUntil(() => at(times, 'web-2').terminating !== undefined, 120_000));
  assert.equal(at(times, 'web-2').terminating, at(times, 'web-3').ready, 'the update starts when web-3 is Ready');
});
