/**
 * A ReplicaSet whose pods cannot live where they are put (spec.nodeName on a node with a NoExecute
 * taint they do not tolerate, or without room for them) loses each pod in the instant it creates
 * it and makes another: the cluster churns at about ten pods a second (CHURN_TURN_MS), as a real
 * one does at API speed, instead of looping forever within one virtual instant.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clone } from '../../src/api/object-util.ts';
import type { KubeEvent, Node, Pod, ReplicaSet } from '../../src/api/types/index.ts';
import { Cluster } from '../../src/cluster/cluster.ts';
import { CHURN_TURN_MS } from '../../src/controllers/replicaset/replica-set.ts';

const NS = 'default';

function pinned(name: string, replicas: number, resources?: Record<string, string>): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: NS },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { nodeName: 'worker1', containers: [{ name: 'c', image: 'nginx', ...(resources ? { resources: { requests: resources } } : {}) }] },
      },
    },
  } as ReplicaSet;
}

function taintWorker1(c: Cluster): void {
  const node = clone(c.store.get<Node>('Node', '', 'worker1')!);
  node.spec.taints = [{ key: 'maintenance', value: 'true', effect: 'NoExecute' }];
  c.act(() => c.api.update(node));
}

const messages = (c: Cluster, reason: string) =>
  c.store
    .list<KubeEvent>('Event', { namespace: NS })
    .filter((e) => e.reason === reason)
    .map((e) => e.message ?? '');

test('a pod pinned to a node whose NoExecute taint it does not tolerate: created and evicted ten times a second', () => {
  assert.equal(CHURN_TURN_MS, 100);
  const c = new Cluster();
  taintWorker1(c);
  const t0 = c.now();
  c.act(() => c.api.create(pinned('pinned', 1)));
  // The first pod is created, rejected by the kubelet and evicted at once; the next one waits a turn.
  assert.equal(messages(c, 'SuccessfulCreate').length, 1);
  assert.deepEqual(messages(c, 'TaintManagerEviction'), [`Marking for deletion Pod default/${messages(c, 'SuccessfulCreate')[0].slice('Created pod: '.length)}`]);
  c.advanceBy(CHURN_TURN_MS - 1);
  assert.equal(messages(c, 'SuccessfulCreate').length, 1, 'nothing before the turn is over');
  c.advanceTo(t0 + 10_000);
  // t0, t0 + 0.1 s, ..., t0 + 10 s: 101 pods, each evicted as it came.
  const created = messages(c, 'SuccessfulCreate').map((m) => m.slice('Created pod: '.length));
  assert.equal(created.length, 101);
  assert.equal(new Set(created).size, 101, 'a new name each time');
  assert.deepEqual(
    messages(c, 'TaintManagerEviction').sort(),
    created.map((n) => `Marking for deletion Pod default/${n}`).sort(),
  );
  const live = c.store.list<Pod>('Pod', { namespace: NS }).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed');
  assert.deepEqual(live, [], 'no pod of the set ever runs');
  assert.equal(c.store.get<ReplicaSet>('ReplicaSet', NS, 'pinned')!.status?.availableReplicas, undefined);
});

test('a pod pinned to a node without room for it: rejected by the kubelet (OutOfcpu), replaced each turn, the failed ones kept', () => {
  const c = new Cluster();
  const t0 = c.now();
  c.act(() => c.api.create(pinned('big', 1, { cpu: '64' })));
  c.advanceTo(t0 + 5_000);
  const pods = c.store.list<Pod>('Pod', { namespace: NS });
  assert.equal(pods.length, 51);
  assert.ok(pods.every((p) => p.status?.phase === 'Failed' && p.status.reason === 'OutOfcpu'));
  assert.equal(messages(c, 'SuccessfulCreate').length, 51);
});

test('pods lost later than the instant they were made in are replaced at once, whatever took them', () => {
  const c = new Cluster();
  c.act(() => c.api.create({ ...pinned('web', 2), spec: { ...pinned('web', 2).spec, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } }));
  c.advanceBy(30_000);
  const [first] = c.store.list<Pod>('Pod', { namespace: NS });
  c.act(() => c.api.delete('Pod', NS, first.metadata.name));
  const active = c.store.list<Pod>('Pod', { namespace: NS }).filter((p) => !p.metadata.deletionTimestamp);
  assert.equal(active.length, 2, 'the replacement exists in the same instant');
  // Pods the ReplicaSet itself removed in the instant it made them are no churn either: up to 4,
  // down to 1 (the two new pods go first), up to 3, all at the same instant.
  const scale = (n: number) =>
    c.act(() => {
      const cur = clone(c.store.get<ReplicaSet>('ReplicaSet', NS, 'web')!);
      c.api.update({ ...cur, spec: { ...cur.spec, replicas: n } });
    });
  scale(4);
  scale(1);
  scale(3);
  assert.equal(c.store.list<Pod>('Pod', { namespace: NS }).filter((p) => !p.metadata.deletionTimestamp).length, 3);
});
