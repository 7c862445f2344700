import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StatefulSet } from '../../src/api/types/index.ts';
import { edit, NS, pods, readyNames, statefulSet } from './statefulset-fixtures.ts';

const claims = (c: Cluster) => c.store.list<PersistentVolumeClaim>('PersistentVolumeClaim', { namespace: NS });
const claimOf = (c: Cluster, name: string) => c.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', NS, name);
const volumes = (c: Cluster) => c.store.list<PersistentVolume>('PersistentVolume');

function start(c: Cluster, replicas: number, policy?: StatefulSet['spec']['persistentVolumeClaimRetentionPolicy']): StatefulSet {
  const set = statefulSet('web', { replicas, extra: policy ? { persistentVolumeClaimRetentionPolicy: policy } : {} });
  c.act(() => c.api.create(set));
  assert.ok(c.advanceUntil(() => readyNames(c).length === replicas, 120_000));
  return c.store.get<StatefulSet>('StatefulSet', NS, 'web')!;
}

test('each member gets a claim <template>-<set>-<ordinal>, labelled with the selector, Bound to a provisioned volume on its node', () => {
  const c = new Cluster();
  start(c, 3);
  assert.deepEqual(claims(c).map((p) => p.metadata.name), ['www-web-0', 'www-web-1', 'www-web-2']);
  for (const pvc of claims(c)) {
    assert.deepEqual(pvc.metadata.labels, { app: 'web' });
    assert.equal(pvc.spec.storageClassName, 'standard');
    assert.equal(pvc.status?.phase, 'Bound');
    assert.deepEqual(pvc.status?.capacity, { storage: '1Gi' });
    assert.deepEqual(pvc.metadata.finalizers, ['kubernetes.io/pvc-protection']);
    assert.equal(pvc.metadata.ownerReferences, undefined, 'Retain/Retain: no owner');
    const pv = c.store.get<PersistentVolume>('PersistentVolume', '', pvc.spec.volumeName!)!;
    assert.equal(pv.metadata.name, `pvc-${pvc.metadata.uid}`);
    const pod = c.store.get<Pod>('Pod', NS, pvc.metadata.name.replace('www-', ''))!;
    assert.deepEqual(pv.spec.nodeAffinity?.required?.nodeSelectorTerms[0].matchExpressions?.[0].values, [pod.spec.nodeName]);
    assert.equal(pv.spec.persistentVolumeReclaimPolicy, 'Delete');
  }
  const reasons = c.store
    .list<Pod & { involvedObject: { name: string }; reason: string }>('Event', { namespace: NS })
    .filter((e) => e.involvedObject.name === 'www-web-1')
    .map((e) => e.reason);
  assert.deepEqual(reasons, ['WaitForFirstConsumer', 'ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded'], 'the claim is synced before its pod is seen');
});

test('scaling down keeps the claims (Retain); scaling back up re-attaches the same claim and volume', () => {
  const c = new Cluster();
  start(c, 3);
  const before = claimOf(c, 'www-web-2')!;
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.replicas = 1));
  assert.ok(c.advanceUntil(() => pods(c).length === 1, 120_000));
  assert.equal(claims(c).length, 3);
  assert.equal(claimOf(c, 'www-web-2')!.status?.phase, 'Bound');
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.replicas = 3));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 3, 120_000));
  const after = claimOf(c, 'www-web-2')!;
  assert.equal(after.metadata.uid, before.metadata.uid);
  assert.equal(after.spec.volumeName, before.spec.volumeName);
  assert.equal(volumes(c).length, 3, 'no new volume');
  const pod = c.store.get<Pod>('Pod', NS, 'web-2')!;
  const pv = c.store.get<PersistentVolume>('PersistentVolume', '', before.spec.volumeName!)!;
  assert.equal(pod.spec.nodeName, pv.spec.nodeAffinity?.required?.nodeSelectorTerms[0].matchExpressions?.[0].values?.[0], 'the pod follows its volume');
});

test('deleting the set keeps the claims by default (whenDeleted Retain)', () => {
  const c = new Cluster();
  start(c, 2);
  c.act(() => c.api.delete('StatefulSet', NS, 'web'));
  assert.ok(c.advanceUntil(() => pods(c).length === 0, 120_000));
  c.advanceBy(30_000);
  assert.deepEqual(claims(c).map((p) => `${p.metadata.name}:${p.status?.phase}`), ['www-web-0:Bound', 'www-web-1:Bound']);
});

test('whenDeleted Delete: claims are owned by the set and go with it, then their volumes (reclaim Delete)', () => {
  const c = new Cluster();
  const set = start(c, 2, { whenDeleted: 'Delete', whenScaled: 'Retain' });
  for (const pvc of claims(c)) {
    assert.deepEqual(pvc.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  }
  c.act(() => c.api.delete('StatefulSet', NS, 'web'));
  assert.ok(claims(c).every((p) => p.metadata.deletionTimestamp), 'claims are Terminating while their pods run');
  assert.equal(claims(c).length, 2);
  assert.ok(c.advanceUntil(() => claims(c).length === 0, 120_000));
  assert.ok(c.advanceUntil(() => volumes(c).length === 0, 30_000));
});

test('whenScaled Delete: a condemned pod\'s claim is owned by the pod and goes after it; scaling up makes a new claim', () => {
  const c = new Cluster();
  start(c, 3, { whenDeleted: 'Retain', whenScaled: 'Delete' });
  assert.equal(claimOf(c, 'www-web-2')!.metadata.ownerReferences, undefined, 'in range: no owner');
  const old = claimOf(c, 'www-web-2')!;
  const pod2 = c.store.get<Pod>('Pod', NS, 'web-2')!;
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.replicas = 2));
  assert.deepEqual(claimOf(c, 'www-web-2')!.metadata.ownerReferences?.map((r) => [r.kind, r.uid]), [['Pod', pod2.metadata.uid]]);
  assert.ok(c.advanceUntil(() => !claimOf(c, 'www-web-2'), 120_000));
  assert.ok(claimOf(c, 'www-web-1'), 'the others stay');
  edit<StatefulSet>(c, 'StatefulSet', 'web', (s) => (s.spec.replicas = 3));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 3, 120_000));
  assert.notEqual(claimOf(c, 'www-web-2')!.metadata.uid, old.metadata.uid);
});

test('a claim being deleted blocks its pod: FailedCreate until it is gone, then a fresh claim', () => {
  const c = new Cluster();
  start(c, 1);
  const old = claimOf(c, 'www-web-0')!;
  c.act(() => c.api.delete('PersistentVolumeClaim', NS, 'www-web-0'));
  assert.ok(claimOf(c, 'www-web-0')!.metadata.deletionTimestamp, 'protected while web-0 runs');
  c.act(() => c.api.delete('Pod', NS, 'web-0'));
  assert.ok(c.advanceUntil(() => { const p = claimOf(c, 'www-web-0'); return !!p && p.metadata.uid !== old.metadata.uid; }, 120_000));
  assert.ok(c.advanceUntil(() => readyNames(c).length === 1, 120_000));
  const failures = c.store
    .list<{ involvedObject: { name: string }; reason: string; message: string } & Pod>('Event', { namespace: NS })
    .filter((e) => e.involvedObject.name === 'web' && e.reason === 'FailedCreate');
  assert.ok(failures.length > 0);
  assert.equal(failures[0].message, 'create Pod web-0 in StatefulSet web failed error: pvc www-web-0 is being deleted');
});
