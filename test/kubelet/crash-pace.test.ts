/**
 * The pace of a crash loop, as a 1.32 node shows it. Upstream: kuberuntime doBackOff checks
 * IsInBackOffSince(key, finishedAt) at every sync (back-off 10 s doubling to 300 s, advanced by
 * Next at each restart); a sync in back-off fails, so the pod worker requeues it backOffPeriod
 * (10 s) later (pod_workers.go completeWork; kubesim takes the base value, without the 0-50 %
 * jitter); the first sync after an exit is the PLEG relist's (1 s). And generateAPIPodStatus runs
 * at the start of each sync, from the PLEG cache and the reason cache the previous sync left: a
 * restarted container shows at the next relist, CrashLoopBackOff at the sync after the one that
 * found the back-off. For busybox:1.36 running `exit 1` (started at 2 s, each run exits at once):
 *
 *   s     STATUS             RESTARTS  why
 *   0     ContainerCreating  0
 *   2     Running            0         started (it has already exited; the relist has not seen it)
 *   3     Error              0         relist sees the exit; no back-off entry: restart now (10 s)
 *   4     Error              1         relist sees run 2 exit at 3; 1 s < 10 s: back-off, requeue
 *   14    CrashLoopBackOff   1         shown from this sync; 11 s >= 10 s: restart (20 s)
 *   15    Error              2         relist; back-off; syncs at 25 (11 s < 20 s), 35 (21 s)
 *   25    CrashLoopBackOff   2         restart at 35 (40 s)
 *   36    Error              3         syncs 46 ... 76: 41 s since the exit at 35, restart (80 s)
 *   46    CrashLoopBackOff   3
 *   77    Error              4         syncs 87 ... 157: 81 s, restart (160 s)
 *   87    CrashLoopBackOff   4
 *   158   Error              5         syncs 168 ... 318: 161 s, restart (300 s, the cap)
 *   168   CrashLoopBackOff   5
 *   319   Error              6         next restart at 619 (301 s after the exit at 318)
 *   329   CrashLoopBackOff   6
 *
 * BackOff `Back-off restarting failed container c in pod ...` is recorded at every sync in
 * back-off: 4, 15, 25, 36, 46, 56, 66, 77, 87 ... s.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { podSummary } from '../../src/printers/pod.ts';
import type { KubeEvent, Pod } from '../../src/api/types/index.ts';

function crasher(c: Cluster, script: string): void {
  c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', script] }] } }));
}

function timeline(c: Cluster, seconds: number): [number, string, number][] {
  const t0 = c.now();
  const out: [number, string, number][] = [];
  for (let s = 0; s <= seconds; s++) {
    c.advanceTo(t0 + s * 1000);
    const { status, restarts } = podSummary(c.store.get<Pod>('Pod', 'default', 'crash')!);
    const last = out.at(-1);
    if (!last || last[1] !== status || last[2] !== restarts) out.push([s, status, restarts]);
  }
  return out;
}

test('exit 1 at once: STATUS and RESTARTS second by second for six minutes', () => {
  const c = new Cluster();
  crasher(c, 'exit 1');
  assert.deepEqual(timeline(c, 360), [
    [0, 'ContainerCreating', 0],
    [2, 'Running', 0],
    [3, 'Error', 0],
    [4, 'Error', 1],
    [14, 'CrashLoopBackOff', 1],
    [15, 'Error', 2],
    [25, 'CrashLoopBackOff', 2],
    [36, 'Error', 3],
    [46, 'CrashLoopBackOff', 3],
    [77, 'Error', 4],
    [87, 'CrashLoopBackOff', 4],
    [158, 'Error', 5],
    [168, 'CrashLoopBackOff', 5],
    [319, 'Error', 6],
    [329, 'CrashLoopBackOff', 6],
  ]);
});

test('exit 1 at once: a BackOff event at every sync in back-off, the waiting message with the back-off', () => {
  const c = new Cluster();
  crasher(c, 'exit 1');
  const t0 = c.now();
  const backoffs = () => c.store.list<KubeEvent>('Event', { namespace: 'default' }).find((e) => e.involvedObject.name === 'crash' && e.reason === 'BackOff')?.count ?? 0;
  // [second, BackOff count]: syncs in back-off at 4, 15, 25, 36, 46, 56, 66, 77 s.
  for (const [s, n] of [[3, 0], [4, 1], [14, 1], [15, 2], [25, 3], [35, 3], [36, 4], [66, 7], [77, 8]] as const) {
    c.advanceTo(t0 + s * 1000);
    assert.equal(backoffs(), n, `at ${s} s`);
  }
  c.advanceTo(t0 + 170_000);
  const cs = c.store.get<Pod>('Pod', 'default', 'crash')!.status!.containerStatuses![0];
  assert.match(cs.state.waiting?.message ?? '', /^back-off 2m40s restarting failed container=c pod=crash_default\(.+\)$/);
  assert.equal(cs.lastState.terminated?.reason, 'Error');
});

test('a container that runs 1 s: Running shows at the relist after each restart', () => {
  const c = new Cluster();
  crasher(c, 'sleep 1; exit 1');
  assert.deepEqual(timeline(c, 45), [
    [0, 'ContainerCreating', 0],
    [2, 'Running', 0],
    [4, 'Error', 0],
    [5, 'Running', 1],
    [6, 'Error', 1],
    [16, 'CrashLoopBackOff', 1],
    [17, 'Running', 2],
    [18, 'Error', 2],
    [28, 'CrashLoopBackOff', 2],
    [39, 'Running', 3],
    [40, 'Error', 3],
  ]);
});

test('the pod is not Ready while the last status still shows the crashed container', () => {
  const c = new Cluster();
  // Runs 2 s: exits at 4, restarted at 5, exits at 7, back-off until 17: restarted at the 18 s sync.
  crasher(c, 'sleep 2; exit 1');
  const t0 = c.now();
  c.advanceTo(t0 + 18_000);
  const ready = c.store.get<Pod>('Pod', 'default', 'crash')!.status!.conditions!.find((x) => x.type === 'Ready')!;
  assert.equal(ready.status, 'False', 'restarted at 18 s, shown at 19 s');
  assert.equal(podSummary(c.store.get<Pod>('Pod', 'default', 'crash')!).status, 'CrashLoopBackOff');
  c.advanceTo(t0 + 19_000);
  assert.equal(podSummary(c.store.get<Pod>('Pod', 'default', 'crash')!).status, 'Running');
  assert.equal(c.store.get<Pod>('Pod', 'default', 'crash')!.status!.conditions!.find((x) => x.type === 'Ready')!.status, 'True');
});
