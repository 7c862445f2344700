import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { SchedulingQueue } from '../../src/scheduler/queue.ts';

test('a waiting pod wakes only on the cluster events that can help the plugins that rejected it', () => {
  const q = new SchedulingQueue();
  q.recordFailure('ns/too-big', 0, new Set(['NodeResourcesFit']));
  q.recordFailure('ns/follows-member', 0, new Set(['InterPodAffinity']));
  q.recordFailure('ns/selector', 0, new Set(['NodeAffinity', 'TaintToleration']));
  q.recordFailure('ns/claim', 0, new Set(['VolumeBinding']));
  q.recordFailure('ns/no-nodes', 0);
  assert.deepEqual(q.unschedulableKeys('AssignedPodAdd'), ['ns/follows-member', 'ns/no-nodes']);
  assert.deepEqual(q.unschedulableKeys('AssignedPodDelete'), ['ns/too-big', 'ns/follows-member', 'ns/no-nodes']);
  assert.deepEqual(q.unschedulableKeys('Storage'), ['ns/claim', 'ns/no-nodes']);
  assert.deepEqual(q.unschedulableKeys('Node'), ['ns/too-big', 'ns/follows-member', 'ns/selector', 'ns/claim', 'ns/no-nodes']);
});

const failedCount = (c: Cluster, pod: string) =>
  (c.store.list('Event') as unknown as { reason: string; count: number; involvedObject: { name: string } }[]).find((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === pod)?.count ?? 0;

test('a pod too big for every node is not retried when other pods are bound, but is when one is deleted', () => {
  const c = new Cluster();
  const pod = (name: string, cpu: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] },
  });
  c.act(() => c.api.create(pod('huge', '64') as never));
  assert.equal(failedCount(c, 'huge'), 1);
  c.advanceBy(30_000);
  c.act(() => c.api.create(pod('small', '100m') as never));
  c.advanceBy(30_000);
  assert.equal(failedCount(c, 'huge'), 1, 'binding another pod frees nothing');
  c.act(() => c.api.delete('Pod', 'default', 'small', { gracePeriodSeconds: 0 }));
  c.advanceBy(1_000);
  assert.equal(failedCount(c, 'huge'), 2, 'a deleted pod frees resources: retried');
});

test('a pod naming its node with matchFields is filtered on that node only; the others did not satisfy NodeAffinity', () => {
  const c = new Cluster();
  const pinned = (name: string, node: string, cpu: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } },
      containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }],
    },
  });
  c.act(() => c.api.create(pinned('fits', 'worker2', '100m') as never));
  assert.equal((c.store.get('Pod', 'default', 'fits') as unknown as { spec: { nodeName?: string } }).spec.nodeName, 'worker2');
  c.act(() => c.api.create(pinned('too-big', 'worker1', '64') as never));
  const ev = (c.store.list('Event') as unknown as { reason: string; message: string; involvedObject: { name: string } }[]).find((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === 'too-big');
  assert.equal(
    ev?.message,
    "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
  );
});
