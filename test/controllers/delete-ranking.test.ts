import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pod } from '../../src/api/types/index.ts';
import { podsToDelete } from '../../src/controllers/replicaset/delete-ranking.ts';

const NOW = Date.UTC(2025, 0, 6, 12, 0, 0);
const iso = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');

function pod(name: string, o: { node?: string; phase?: string; ready?: number; created?: number; restarts?: number; cost?: string; uid?: string } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      uid: o.uid ?? name,
      creationTimestamp: iso(o.created ?? 1000),
      ...(o.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
    },
    spec: { containers: [], nodeName: o.node },
    status: {
      phase: (o.phase ?? 'Running') as 'Running',
      conditions: o.ready !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: iso(o.ready) }] : [{ type: 'Ready', status: 'False' }],
      containerStatuses: [{ name: 'c', ready: o.ready !== undefined, restartCount: o.restarts ?? 0, image: '', imageID: '', state: {}, lastState: {} }],
    },
  };
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);

test('unassigned, then pending, then not ready go first', () => {
  const pods = [pod('running', { node: 'n1', ready: 100 }), pod('pending', { node: 'n1', phase: 'Pending' }), pod('unassigned', { phase: 'Pending' }), pod('notready', { node: 'n1' })];
  assert.deepEqual(names(podsToDelete(pods, pods, 3, NOW)), ['unassigned', 'pending', 'notready']);
});

test('deletion cost, then doubled-up nodes, then recently ready', () => {
  const costly = [pod('cheap', { node: 'n1', ready: 100, cost: '-5' }), pod('dear', { node: 'n1', ready: 100, cost: '5' })];
  assert.deepEqual(names(podsToDelete(costly, costly, 1, NOW)), ['cheap']);
  // a and b share n1 (rank 2), c is alone on n2 (rank 1): one of n1's goes first.
  const spread = [pod('a', { node: 'n1', ready: 5000 }), pod('b', { node: 'n1', ready: 5000, uid: 'b' }), pod('c', { node: 'n2', ready: 10 })];
  assert.deepEqual(names(podsToDelete(spread, spread, 1, NOW)), ['a']);
  // Same rank: ready 10 s ago (log2 bucket 33) goes before ready 1000 s ago (bucket 39).
  const fresh = [pod('old', { node: 'n1', ready: 1000 }), pod('new', { node: 'n2', ready: 10 })];
  assert.deepEqual(names(podsToDelete(fresh, fresh, 1, NOW)), ['new']);
});

test('ready times in the same log2 bucket are broken by uid, then restarts decide', () => {
  // 100 s and 130 s ago are both in bucket floor(log2(1e11)) = 36.
  const same = [pod('p2', { node: 'n1', ready: 130, uid: 'uid-b' }), pod('p1', { node: 'n2', ready: 100, uid: 'uid-a' })];
  assert.deepEqual(names(podsToDelete(same, same, 1, NOW)), ['p1']);
  const crashy = [pod('calm', { node: 'n1' }), pod('crashy', { node: 'n2', restarts: 4 })];
  assert.deepEqual(names(podsToDelete(crashy, crashy, 1, NOW)), ['crashy']);
  const ages = [pod('older', { node: 'n1', created: 5000 }), pod('newer', { node: 'n2', created: 10 })];
  assert.deepEqual(names(podsToDelete(ages, ages, 1, NOW)), ['newer']);
});
