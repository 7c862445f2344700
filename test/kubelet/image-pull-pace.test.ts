/**
 * The pace of a pull that keeps failing, as a 1.32 node shows it (see ensureImage in
 * container-starter.ts for the derivation from pod_workers.go, kubelet.go and image_manager.go).
 * For nginx:1.161 (a tag the registry does not have) created at 0 s, sandbox up at 1 s, each
 * failing pull taking 1 s, and the pod worker's 10 s requeue taken without jitter:
 *
 *   s     STATUS             why
 *   0     ContainerCreating
 *   2     ErrImagePull       pull 1 (started 1 s) fails; image back-off 10 s
 *   3     ImagePullBackOff   the sandbox's PLEG event syncs the pod again at the next relist
 *   14    ErrImagePull       sync at 13 s (3 + 10): 11 s since the failure, pull 2; back-off 20 s
 *   24    ImagePullBackOff   sync at 24 s: 10 s < 20 s
 *   35    ErrImagePull       sync at 34 s: 20 s since the failure, pull 3; back-off 40 s
 *   45    ImagePullBackOff   syncs at 45, 55, 65 s in back-off
 *   76    ErrImagePull       pull 4 at 75 s; back-off 80 s
 *   86    ImagePullBackOff   syncs at 86 ... 146 s
 *   157   ErrImagePull       pull 5 at 156 s; back-off 160 s
 *   167   ImagePullBackOff   syncs at 167 ... 307 s
 *   318   ErrImagePull       pull 6 at 317 s; back-off 300 s (the cap) from then on
 *   328   ImagePullBackOff
 *
 * Events: Pulling, `Failed to pull image`, `Error: ErrImagePull` once per pull; BackOff and
 * `Error: ImagePullBackOff` once per sync in back-off (3, 24, 45, 55, 65, 86 ... s).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { KubeEvent, Pod } from '../../src/api/types/index.ts';

function status(c: Cluster): string {
  const p = c.store.get<Pod>('Pod', 'default', 'web')!;
  return p.status?.containerStatuses?.[0]?.state.waiting?.reason ?? 'ContainerCreating';
}

function count(c: Cluster, reason: string, message: string): number {
  const e = c.store.list<KubeEvent>('Event', { namespace: 'default' }).find((x) => x.involvedObject.name === 'web' && x.reason === reason && (x.message ?? '').startsWith(message));
  return e?.count ?? 0;
}

test('nginx:1.161: ErrImagePull and ImagePullBackOff alternate at the pod worker pace, second by second', () => {
  const c = new Cluster();
  c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.161' }] } }));
  const t0 = c.now();
  const changes: [number, string][] = [];
  for (let s = 0; s <= 330; s++) {
    c.advanceTo(t0 + s * 1000);
    const now = status(c);
    if (changes.at(-1)?.[1] !== now) changes.push([s, now]);
  }
  assert.deepEqual(changes, [
    [0, 'ContainerCreating'],
    [2, 'ErrImagePull'],
    [3, 'ImagePullBackOff'],
    [14, 'ErrImagePull'],
    [24, 'ImagePullBackOff'],
    [35, 'ErrImagePull'],
    [45, 'ImagePullBackOff'],
    [76, 'ErrImagePull'],
    [86, 'ImagePullBackOff'],
    [157, 'ErrImagePull'],
    [167, 'ImagePullBackOff'],
    [318, 'ErrImagePull'],
    [328, 'ImagePullBackOff'],
  ]);
});

test('nginx:1.161: the event counts along the timeline', () => {
  const c = new Cluster();
  c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.161' }] } }));
  const t0 = c.now();
  // [second, pulls so far, syncs in back-off so far]
  const checkpoints: [number, number, number][] = [
    [2, 1, 0],
    [3, 1, 1],
    [12, 1, 1],
    [13, 2, 1],
    [24, 2, 2],
    [34, 3, 2],
    [65, 3, 5],
    [74, 3, 5],
    [75, 4, 5],
    [120, 4, 9],
    [180, 5, 14],
    [330, 6, 28],
  ];
  for (const [s, pulls, backoffs] of checkpoints) {
    c.advanceTo(t0 + s * 1000);
    const at = `at ${s} s`;
    assert.equal(count(c, 'Pulling', 'Pulling image "nginx:1.161"'), pulls, `Pulling ${at}`);
    // The Failed with the registry's error is recorded when the pull ends, 1 s after Pulling.
    const ended = pulls - (s === 13 || s === 34 || s === 75 ? 1 : 0);
    assert.equal(count(c, 'Failed', 'Failed to pull image "nginx:1.161"'), ended, `Failed to pull ${at}`);
    assert.equal(count(c, 'Failed', 'Error: ErrImagePull'), ended, `ErrImagePull ${at}`);
    assert.equal(count(c, 'BackOff', 'Back-off pulling image "nginx:1.161"'), backoffs, `BackOff ${at}`);
    assert.equal(count(c, 'Failed', 'Error: ImagePullBackOff'), backoffs, `ImagePullBackOff ${at}`);
  }
});

test('a second pod started later on the same node keeps its own pace (the back-off is per pod and image)', () => {
  const c = new Cluster();
  const mk = (name: string) => c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: 'worker1', containers: [{ name: 'c', image: 'nginx:1.161' }] } }));
  mk('web');
  const t0 = c.now();
  c.advanceTo(t0 + 20_000);
  mk('other');
  c.advanceTo(t0 + 23_000);
  const other = c.store.get<Pod>('Pod', 'default', 'other')!.status?.containerStatuses?.[0]?.state.waiting?.reason;
  assert.equal(other, 'ImagePullBackOff', 'its own first failure at 22 s, PLEG sync at 23 s');
  assert.equal(status(c), 'ErrImagePull', 'web is between pull 2 (14 s) and its next sync (24 s)');
});
