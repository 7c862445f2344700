/**
 * imagePullSecrets naming Secrets that do not exist: the kubelet's FailedToRetrieveImagePullSecret
 * warning on the pod at its first sync, repeated by each periodic resync (the event's count grows),
 * and the pull goes on with the secrets that exist, or none.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { KubeEvent, Pod } from '../../src/api/types/index.ts';

function warnings(c: Cluster): KubeEvent[] {
  return c.store.list<KubeEvent>('Event', { namespace: 'default' }).filter((e) => e.reason === 'FailedToRetrieveImagePullSecret');
}

function create(c: Cluster, name: string, image: string, secrets: string[]): void {
  c.act(() =>
    c.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default' },
      spec: { imagePullSecrets: secrets.map((s) => ({ name: s })), containers: [{ name: 'c', image }] },
    }),
  );
}

test('a missing pull secret: a Warning on the pod, the public image still pulls, the count grows each resync', () => {
  const c = new Cluster();
  c.act(() => c.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'present', namespace: 'default' }, type: 'Opaque', data: {} }));
  create(c, 'web', 'nginx:1.27', ['regcred', 'present', 'other']);
  c.advanceBy(10_000);
  assert.equal(c.store.get<Pod>('Pod', 'default', 'web')!.status?.phase, 'Running');
  const [w] = warnings(c);
  assert.equal(w.type, 'Warning');
  assert.equal(w.message, 'Unable to retrieve some image pull secrets (regcred, other); attempting to pull the image may not succeed.');
  assert.equal(w.source?.component, 'kubelet');
  assert.equal(w.involvedObject.fieldPath, undefined);
  assert.equal(w.count ?? 1, 1);
  c.advanceBy(125_000);
  assert.equal(warnings(c).length, 1, 'one event, aggregated');
  assert.equal(warnings(c)[0].count, 3);
});

test('no warning when every pull secret exists or none is named', () => {
  const c = new Cluster();
  c.act(() => c.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'default' }, type: 'Opaque', data: {} }));
  create(c, 'a', 'nginx:1.27', ['regcred']);
  create(c, 'b', 'nginx:1.27', []);
  c.advanceBy(70_000);
  assert.deepEqual(warnings(c), []);
});

test('a private image with its pull secret missing: the warning, then the pull fails without credentials', () => {
  const c = new Cluster({ images: [{ image: 'docker.io/team/private', private: true, credentials: { server: 'docker.io', username: 'u', password: 'p' }, run: 'forever' }] });
  create(c, 'p', 'team/private:1.0', ['regcred']);
  assert.ok(c.advanceUntil(() => c.store.get<Pod>('Pod', 'default', 'p')!.status?.containerStatuses?.[0]?.state.waiting?.reason === 'ErrImagePull', 10_000));
  assert.equal(warnings(c).length, 1);
});
