import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { computeRevisionHash, computeTemplateHash } from '../../src/api/names.ts';
import type { ControllerRevision, DaemonSet, PodTemplateSpec, StatefulSet } from '../../src/api/types/index.ts';
import {
  compareRevisions, controllerRevisionName, equalRevision, nextRevision, revisionData, sortRevisions, templateFromRevision,
} from '../../src/controllers/history/controller-revision.ts';
import { daemonSetRevisionsToPrune, statefulSetRevisionsToPrune } from '../../src/controllers/history/prune.ts';
import { daemonSet, edit, NS, readyNames, setDaemonImage, statefulSet } from './statefulset-fixtures.ts';

const template: PodTemplateSpec = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } };
const rev = (name: string, revision: number, created = '2025-01-06T09:00:00Z', image = name): ControllerRevision => ({
  apiVersion: 'apps/v1',
  kind: 'ControllerRevision',
  metadata: { name, namespace: NS, creationTimestamp: created, labels: { 'controller-revision-hash': name } },
  data: revisionData({ spec: { containers: [{ name: 'c', image }] } }),
  revision,
});
const names = (list: ControllerRevision[]) => list.map((r) => r.metadata.name);

test('a revision records its template as a replace patch, and gives it back', () => {
  const data = revisionData(template);
  assert.deepEqual(data, { spec: { template: { $patch: 'replace', metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: template.spec } } });
  assert.deepEqual(templateFromRevision({ ...rev('x', 1), data }), template);
  assert.deepEqual(templateFromRevision({ ...rev('x', 1), data: revisionData({ spec: template.spec }) }), { spec: template.spec });
});

test('names are <owner>-<hash>, the owner cut to 223 characters', () => {
  assert.equal(controllerRevisionName('web', '6bf54c9c6b'), 'web-6bf54c9c6b');
  assert.equal(controllerRevisionName('a'.repeat(300), 'h').length, 225);
});

test('revisions sort by number, then creation time, then name; the next number follows the highest', () => {
  const list = [rev('c', 2), rev('b', 1, '2025-01-06T09:00:05Z'), rev('a', 1, '2025-01-06T09:00:05Z'), rev('z', 1, '2025-01-06T09:00:01Z')];
  assert.deepEqual(names(sortRevisions(list)), ['z', 'a', 'b', 'c']);
  assert.ok(compareRevisions(list[0], list[1]) > 0);
  assert.equal(nextRevision([]), 1);
  assert.equal(nextRevision(list), 3);
  assert.ok(equalRevision(rev('p', 1, undefined, 'same'), rev('q', 9, undefined, 'same')), 'equality is the recorded data');
  assert.ok(!equalRevision(rev('p', 1), rev('q', 1)));
});

test('StatefulSet history: live revisions are never counted nor deleted; the oldest others go beyond the limit', () => {
  const list = [1, 2, 3, 4, 5].map((n) => rev(`r${n}`, n));
  assert.deepEqual(names(statefulSetRevisionsToPrune(list, new Set(['r3', 'r5']), 2)), ['r1']);
  assert.deepEqual(names(statefulSetRevisionsToPrune(list, new Set(['r5']), 0)), ['r1', 'r2', 'r3', 'r4']);
  assert.deepEqual(names(statefulSetRevisionsToPrune(list, new Set(['r5']), 10)), []);
});

test('DaemonSet history: len(old) − limit go oldest first, skipping hashes a pod still carries', () => {
  const old = [1, 2, 3].map((n) => rev(`r${n}`, n));
  const hash = (r: ControllerRevision) => r.metadata.labels?.['controller-revision-hash'];
  assert.deepEqual(names(daemonSetRevisionsToPrune(old, new Set(['r1']), 1, hash)), ['r2', 'r3']);
  assert.deepEqual(names(daemonSetRevisionsToPrune(old, new Set(['r2']), 2, hash)), ['r1']);
  assert.deepEqual(names(daemonSetRevisionsToPrune(old, new Set(), 3, hash)), []);
});

const revisions = (c: Cluster, owner: string) =>
  sortRevisions(c.store.list<ControllerRevision>('ControllerRevision', { namespace: NS }).filter((r) => r.metadata.ownerReferences?.[0].name === owner));

test('a StatefulSet revision is <set>-<FNV-1 hash of the patch>, labelled with the hash, owned by the set', () => {
  const c = new Cluster();
  c.act(() => c.api.create(statefulSet('web', { replicas: 1, claims: false })));
  const set = c.store.get<StatefulSet>('StatefulSet', NS, 'web')!;
  const [r] = revisions(c, 'web');
  const hash = computeRevisionHash(revisionData(set.spec.template));
  assert.equal(r.metadata.name, `web-${hash}`);
  assert.equal(r.revision, 1);
  assert.deepEqual(r.metadata.labels, { app: 'web', 'controller.kubernetes.io/hash': hash });
  assert.equal(r.metadata.ownerReferences?.[0].uid, set.metadata.uid);
  assert.equal(set.status?.currentRevision, r.metadata.name);
});

test('rolling back to an earlier template reuses its revision, renumbered max+1', () => {
  const c = new Cluster();
  c.act(() => c.api.create(statefulSet('web', { replicas: 1, claims: false })));
  const [first] = revisions(c, 'web');
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.template.spec.containers[0].image = 'nginx:1.26'));
  assert.deepEqual(revisions(c, 'web').map((r) => r.revision), [1, 2]);
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.template.spec.containers[0].image = 'nginx:1.25'));
  const after = revisions(c, 'web');
  assert.deepEqual(after.map((r) => [r.metadata.name === first.metadata.name, r.revision]), [[false, 2], [true, 3]]);
  assert.equal(c.store.get<StatefulSet>('StatefulSet', NS, 'web')!.status?.updateRevision, first.metadata.name);
});

test('revisionHistoryLimit prunes unused StatefulSet revisions once no pod carries them', () => {
  const c = new Cluster();
  c.act(() => c.api.create(statefulSet('web', { replicas: 1, claims: false, extra: { revisionHistoryLimit: 1 } })));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 1, 60_000));
  for (const image of ['nginx:1.26', 'nginx:1.27', 'busybox']) {
    edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.template.spec.containers[0].image = image));
    const want = c.store.get<StatefulSet>('StatefulSet', NS, 'web')!.status!.updateRevision;
    assert.ok(c.advanceUntil(() => c.store.get<StatefulSet>('StatefulSet', NS, 'web')!.status!.currentRevision === want, 120_000));
  }
  const left = revisions(c, 'web');
  assert.deepEqual(left.map((r) => r.revision), [3, 4], 'the current one and one more');
});

test('a DaemonSet revision is <ds>-<pod-template hash>, labelled controller-revision-hash, with the set\'s annotations', () => {
  const c = new Cluster();
  c.act(() => c.api.create(daemonSet('fluentd')));
  const ds = c.store.get<DaemonSet>('DaemonSet', NS, 'fluentd')!;
  const [r] = revisions(c, 'fluentd');
  const hash = computeTemplateHash(ds.spec.template);
  assert.equal(r.metadata.name, `fluentd-${hash}`);
  assert.deepEqual(r.metadata.labels, { app: 'fluentd', 'controller-revision-hash': hash });
  assert.deepEqual(r.metadata.annotations, { 'deprecated.daemonset.template.generation': '1' });
  setDaemonImage(c, 'fluentd', 'fluentd:v2');
  setDaemonImage(c, 'fluentd', 'fluentd');
  assert.deepEqual(revisions(c, 'fluentd').map((x) => [x.metadata.name === r.metadata.name, x.revision]), [[false, 2], [true, 3]]);
});
