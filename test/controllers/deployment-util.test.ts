import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment, ReplicaSet } from '../../src/api/types/index.ts';
import { maxUnavailable, newRSNewReplicas, proportion, resolveFenceposts, scaledValue } from '../../src/controllers/deployment/util.ts';

function deploy(replicas: number, maxSurge: number | string = '25%', maxUnav: number | string = '25%'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { replicas, selector: {}, template: { spec: { containers: [] } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable: maxUnav } } },
  };
}

function rs(name: string, replicas: number, ann: Record<string, string> = {}): ReplicaSet {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, annotations: ann }, spec: { replicas, selector: {} } };
}

test('fenceposts: surge rounds up, unavailable rounds down, never both zero', () => {
  const cases: [number, string | number, string | number, number, number][] = [
    [1, '25%', '25%', 1, 0],
    [3, '25%', '25%', 1, 0],
    [4, '25%', '25%', 1, 1],
    [10, '25%', '25%', 3, 2],
    [2, '25%', '25%', 1, 0],
    [10, 0, 1, 0, 1],
    [10, '100%', 0, 10, 0],
    [5, 0, 0, 0, 1],
    [1, '0%', '10%', 0, 1],
  ];
  for (const [n, s, u, ws, wu] of cases) assert.deepEqual(resolveFenceposts(deploy(n, s, u)), [ws, wu], `${n} ${s}/${u}`);
  assert.equal(maxUnavailable(deploy(0)), 0);
  assert.equal(scaledValue('33%', 10, true), 4);
  assert.equal(scaledValue('33%', 10, false), 3);
});

test('the new ReplicaSet grows only within replicas + maxSurge', () => {
  // 3 replicas, surge 1: old at 3, new at 0 → new may have 1.
  const d3 = deploy(3);
  const n = rs('new', 0);
  assert.equal(newRSNewReplicas(d3, [rs('old', 3), n], n), 1);
  // 10 replicas, surge 3: old 10 → new 3 at once.
  const d10 = deploy(10);
  const n10 = rs('new', 0);
  assert.equal(newRSNewReplicas(d10, [rs('old', 10), n10], n10), 3);
  // Already at the maximum total: no growth.
  const n2 = rs('new', 1);
  assert.equal(newRSNewReplicas(d3, [rs('old', 3), n2], n2), 1);
  // Surge 100%: the new ReplicaSet gets every replica at once.
  const dAll = deploy(4, '100%', 0);
  const nAll = rs('new', 0);
  assert.equal(newRSNewReplicas(dAll, [rs('old', 4), nAll], nAll), 4);
});

test('proportional scaling mid-rollout splits the added replicas by size', () => {
  // 10 → 15 with surge 25% (3 → 4): old 8 and new 5 were sized for max 13.
  const d = deploy(15);
  const ann = { 'deployment.kubernetes.io/max-replicas': '13' };
  const old = rs('old', 8, ann);
  const neu = rs('new', 5, ann);
  const toAdd = 15 + 4 - 13;
  const pOld = proportion(old, d, toAdd, 0);
  const pNew = proportion(neu, d, toAdd, pOld);
  assert.deepEqual([pOld, pNew], [4, 2]);
  // Scaling down to zero takes each ReplicaSet's whole size.
  assert.equal(proportion(old, deploy(0), -13, 0), -8);
});
