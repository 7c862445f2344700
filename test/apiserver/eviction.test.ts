import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../src/cluster/cluster.ts';
import { rfc3339 } from '../../src/api/duration.ts';
import { ApiError } from '../../src/apiserver/errors.ts';
import type { Namespace, Pod } from '../../src/api/types/index.ts';

function running(name: string, namespace = 'default'): { cluster: Cluster; pod: Pod } {
  const cluster = new Cluster();
  cluster.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: [{ name: 'c', image: 'nginx' }], terminationGracePeriodSeconds: 30 },
  });
  cluster.settle();
  cluster.advanceBy(10_000);
  const pod = cluster.api.get<Pod>('Pod', namespace, name);
  assert.equal(pod.status?.phase, 'Running');
  return { cluster, pod };
}

const disruption = (pod: Pod) => pod.status?.conditions?.filter((c) => c.type === 'DisruptionTarget') ?? [];

test('evict marks the pod DisruptionTarget (EvictionByEvictionAPI) and deletes it gracefully', () => {
  const { cluster } = running('web');
  const at = cluster.now();
  cluster.api.evict('default', 'web');
  const pod = cluster.api.get<Pod>('Pod', 'default', 'web');
  assert.deepEqual(disruption(pod), [
    { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(at), reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' },
  ]);
  assert.equal(pod.metadata.deletionTimestamp, rfc3339(at + 30_000));
  assert.equal(pod.metadata.deletionGracePeriodSeconds, 30);
  // UpdatePodCondition appends it (the kubelet's next status write moves it ahead of its own).
  assert.equal(pod.status?.conditions?.at(-1)?.type, 'DisruptionTarget');
  cluster.settle();
  assert.equal(disruption(cluster.api.get<Pod>('Pod', 'default', 'web')).length, 1);
  cluster.advanceBy(40_000);
  assert.equal(cluster.api.tryGet('Pod', 'default', 'web'), undefined);
});

test('evict passes the grace period on; a second eviction keeps the first transition time', () => {
  const { cluster } = running('web');
  const at = cluster.now();
  cluster.api.evict('default', 'web', { gracePeriodSeconds: 10 });
  cluster.advanceBy(1_000);
  cluster.api.evict('default', 'web', { gracePeriodSeconds: 5 });
  const pod = cluster.api.get<Pod>('Pod', 'default', 'web');
  assert.equal(disruption(pod).length, 1);
  assert.equal(disruption(pod)[0].lastTransitionTime, rfc3339(at));
  assert.equal(pod.metadata.deletionGracePeriodSeconds, 5);
});

test('evict: dry run changes nothing; a missing pod is NotFound; a uid precondition must match', () => {
  const { cluster, pod } = running('web');
  cluster.api.evict('default', 'web', { dryRun: true });
  const same = cluster.api.get<Pod>('Pod', 'default', 'web');
  assert.equal(same.metadata.resourceVersion, pod.metadata.resourceVersion);
  assert.throws(() => cluster.api.evict('default', 'nope'), (e: unknown) => e instanceof ApiError && e.reason === 'NotFound' && e.message === 'pods "nope" not found');
  assert.throws(
    () => cluster.api.evict('default', 'web', { uid: 'other' }),
    (e: unknown) => e instanceof ApiError && e.reason === 'Conflict' && e.message.startsWith('Operation cannot be fulfilled on pods "web": Precondition failed: UID in precondition: other'),
  );
  assert.equal(disruption(cluster.api.get<Pod>('Pod', 'default', 'web')).length, 0);
});

test('evict in a terminating namespace is Forbidden', () => {
  const cluster = new Cluster();
  cluster.api.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ott' } });
  cluster.settle();
  cluster.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'ott' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  cluster.settle();
  cluster.advanceBy(10_000);
  cluster.api.delete('Namespace', '', 'ott');
  assert.ok(cluster.api.get<Pod>('Pod', 'ott', 'web').metadata.deletionTimestamp === undefined, 'the namespace controller has not yet acted');
  assert.throws(
    () => cluster.api.evict('ott', 'web'),
    (e: unknown) => e instanceof ApiError && e.reason === 'Forbidden' && e.message === 'pods "web" is forbidden: unable to create new content in namespace ott because it is being terminated',
  );
});
