/**
 * Back-off events as a real node records them: the pod worker resyncs every 10 s while a container
 * is in back-off, and each sync records the back-off again, so `kubectl get events` shows growing
 * counts: `Back-off pulling image "X"` with `Error: ImagePullBackOff`, and `Back-off restarting
 * failed container NAME in pod NAME_NS(UID)`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { KubeEvent, Pod } from '../../src/api/types/index.ts';

function counts(c: Cluster, pod: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of c.store.list<KubeEvent>('Event', { namespace: 'default' })) {
    if (e.involvedObject.name === pod) out.set(`${e.reason}: ${e.message}`, e.count ?? 1);
  }
  return out;
}

function create(c: Cluster, name: string, image: string, command?: string[]): void {
  c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image, ...(command ? { command } : {}) }] } }));
}

test('image pull back-off: BackOff and Error: ImagePullBackOff recorded at every sync in back-off', () => {
  const c = new Cluster();
  create(c, 'ghost', 'example.com/no/such:1.0');
  // Pulls fail at 2 s (back-off to 12 s), 14 s (to 34 s), 35 s (to 75 s); the syncs in between
  // (the PLEG one at 3 s, then every 10 s after the last) are in back-off: 3, 24, 45, 55, 65 s.
  c.advanceBy(70_000);
  const n = counts(c, 'ghost');
  assert.equal(n.get('BackOff: Back-off pulling image "example.com/no/such:1.0"'), 5);
  assert.equal(n.get('Failed: Error: ImagePullBackOff'), 5);
  assert.equal(n.get('Failed: Error: ErrImagePull'), 3);
  assert.equal(c.store.get<Pod>('Pod', 'default', 'ghost')!.status!.containerStatuses![0].state.waiting?.reason, 'ImagePullBackOff');
});

test('crash back-off: the BackOff restarting event count grows between restarts', () => {
  const c = new Cluster();
  create(c, 'crash', 'busybox:1.36', ['sh', '-c', 'exit 1']);
  c.advanceBy(120_000);
  const uid = c.store.get<Pod>('Pod', 'default', 'crash')!.metadata.uid;
  const backoffs = counts(c, 'crash').get(`BackOff: Back-off restarting failed container c in pod crash_default(${uid})`) ?? 0;
  assert.ok(backoffs >= 6, `BackOff recorded ${backoffs} times in 2 minutes`);
});
