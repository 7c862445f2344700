/**
 * The kubelet's back-off sequences, on a real cluster: a crashing container restarts at once the
 * first time, then after 10 s, 20 s, 40 s... capped at 5 minutes (CrashLoopBackOff); a failing
 * image pull is retried after 10 s, 20 s, 40 s... (ErrImagePull / ImagePullBackOff).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { ContainerRun } from '../../src/kubelet/container-run.ts';
import type { Pod } from '../../src/api/types/index.ts';

function pod(name: string, image: string, extra: Partial<Pod['spec']> = {}, annotations?: Record<string, string>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) }, spec: { containers: [{ name: 'c', image }], ...extra } };
}

test('ContainerRun.backoff: restart now, then 10, 20, 40 ... 300 s after each exit; forgotten after 10 minutes', () => {
  const r = new ContainerRun({ name: 'c' }, 'regular', 'ContainerCreating');
  let t = 0;
  // First exit: no entry yet, restart at once (and the entry starts at 10 s).
  assert.equal(r.backoff(t, t + 2000), undefined);
  const waits: number[] = [];
  for (let i = 0; i < 8; i++) {
    const exitAt = t + 5000;
    const until = r.backoff(exitAt, exitAt + 2000)!;
    waits.push((until - exitAt) / 1000);
    t = until;
    assert.equal(r.backoff(exitAt, until), undefined, 'restarts once the back-off has passed');
  }
  assert.deepEqual(waits, [10, 20, 40, 80, 160, 300, 300, 300]);
  // An exit more than 10 minutes after the last restart starts afresh.
  assert.equal(r.backoff(t + 601_000, t + 601_000), undefined);
  assert.equal(r.currentBackoffMs(), 10_000);
});

test('a crashing container: RESTARTS grows as the back-off doubles, STATUS alternates Error and CrashLoopBackOff', () => {
  const c = new Cluster();
  c.act(() => c.api.create(pod('crash', 'busybox', { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 1; exit 1'] }] })));
  const restarts: [number, number][] = [];
  const start = c.now();
  let last = -1;
  c.advanceUntil(() => {
    const p = c.store.get<Pod>('Pod', 'default', 'crash')!;
    const n = p.status?.containerStatuses?.[0]?.restartCount ?? 0;
    if (n !== last) restarts.push([n, Math.round((c.now() - start) / 1000)]);
    last = n;
    return n >= 5;
  }, 10 * 60_000);
  // After the first (immediate) restart, each gap is the 1 s run + the 1 s relist that notices the
  // exit + the pod worker's requeues every 10 s until the back-off (10, 20, 40, 80 s, from the
  // exit) has passed + 0.8 s for the registry check of an untagged image (imagePullPolicy
  // Always): 12.8, 22.8, 42.8, 82.8 s (see crash-pace.test.ts).
  const gaps = restarts.slice(1).map(([, t], i) => t - restarts[i][1]);
  assert.deepEqual(gaps.slice(1), [13, 23, 43, 83]);
  const p = c.store.get<Pod>('Pod', 'default', 'crash')!;
  assert.equal(p.status?.containerStatuses?.[0]?.lastState.terminated?.reason, 'Error');
});

test('an image that does not exist: ErrImagePull, then ImagePullBackOff, pulls spaced 10 s, 20 s, 40 s', () => {
  const c = new Cluster();
  c.act(() => c.api.create(pod('ghost', 'example.com/no/such:1.0')));
  const pulls: number[] = [];
  const start = c.now();
  const seen = new Set<string>();
  c.advanceUntil(() => {
    const evs = c.store.list('Event', { namespace: 'default' }) as unknown as { reason: string; involvedObject: { name: string }; count: number }[];
    const pulling = evs.find((e) => e.reason === 'Pulling' && e.involvedObject.name === 'ghost');
    if (pulling && pulls.length < pulling.count) pulls.push(Math.round((c.now() - start) / 1000));
    const reason = c.store.get<Pod>('Pod', 'default', 'ghost')!.status?.containerStatuses?.[0]?.state.waiting?.reason;
    if (reason) seen.add(reason);
    return pulls.length >= 4;
  }, 5 * 60_000);
  assert.ok(seen.has('ErrImagePull') && seen.has('ImagePullBackOff'), [...seen].join(','));
  const gaps = pulls.slice(1).map((t, i) => t - pulls[i]);
  // Each failed pull takes 1 s and the back-off counts from its failure, but only a pod worker
  // sync (every 10 s after a failed one) pulls again: 1 s, 13 s, 34 s, 75 s.
  assert.deepEqual(gaps, [12, 21, 41]);
});
