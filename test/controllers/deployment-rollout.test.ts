/**
 * Rollout timelines: a real Cluster takes a Deployment through an image change and we record, at
 * each virtual instant where the deployment controller acts, the size of every ReplicaSet
 * (oldest revision first) and its ScalingReplicaSet events, in order.
 *
 * The image is pre-pulled (pull time 0), so a pod is Ready — and, minReadySeconds being 0,
 * available — exactly 1 s after it is created (the sandbox takes 1 s). Each second the controller
 * sees a whole batch become available at once and may act several times in that instant: every
 * write to a ReplicaSet wakes it again, and one sync either scales the new ReplicaSet up or the old
 * ones down, never both (rolling.go rolloutRolling).
 *
 * Expected timelines are derived by hand from the arithmetic of kubernetes-behavior.md §1.3-1.4:
 *   surge = maxSurge rounded up, unav = maxUnavailable rounded down (both 0 → unav 1)
 *   maxTotal = replicas + surge, minAvailable = replicas − unav
 *   scale up:   new += min(maxTotal − Σspec, replicas − new)                (if Σspec < maxTotal)
 *   scale down: maxScaledDown = Σspec − minAvailable − (new.spec − new.available); if > 0,
 *               unhealthy old replicas first, then old −= Σavailable − minAvailable (oldest first)
 * Event messages are upstream's: `Scaled up replica set X to N` when a ReplicaSet is created with
 * N > 0, `Scaled up|down replica set X to N from M` afterwards.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clone } from '../../src/api/object-util.ts';
import type { Deployment, KubeEvent, ReplicaSet } from '../../src/api/types/index.ts';
import { Cluster } from '../../src/cluster/cluster.ts';

const NS = 'default';
const IMAGE = 'rollout-demo';

interface Step {
  /** Seconds since the first image change. */
  at: number;
  /** spec.replicas of each ReplicaSet, by revision (v1 first). */
  sizes: number[];
  /** ScalingReplicaSet messages of this instant, ReplicaSet names written web-v<revision>. */
  events: string[];
}

type Strategy = { type: 'Recreate' } | { type: 'RollingUpdate'; rollingUpdate: { maxSurge: number | string; maxUnavailable: number | string } };

interface Run {
  steps: Step[];
  cluster: Cluster;
  /** Every instant's Σspec and Σavailable over the ReplicaSets. */
  watermarks: { spec: number; available: number }[];
  /** For each pod created after the change: how many pods of other templates existed then. */
  othersAtCreation: number[];
}

const rolling = (maxSurge: number | string, maxUnavailable: number | string): Strategy => ({ type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } });

/**
 * Creates `web` at image v1 and lets it settle, then sets the image to v2 (and to v3, v4... at the
 * given offsets in seconds), recording each instant until `seconds` have passed.
 */
function rollout(replicas: number, strategy: Strategy, opts: { later?: number[]; seconds?: number } = {}): Run {
  const c = new Cluster({ images: [{ image: IMAGE, pullSeconds: 0, run: 'forever' }] });
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: NS },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      strategy,
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: `${IMAGE}:v1` }] } },
    },
  } as Deployment;
  c.act(() => c.api.create(d));
  c.advanceBy(60_000);
  assert.equal(c.api.get<Deployment>('Deployment', NS, 'web').status?.availableReplicas, replicas, 'v1 fully available before the change');

  const pending: string[] = [];
  c.store.watch('Event', (e) => {
    const ev = e.object as KubeEvent;
    const counted = e.type === 'ADDED' || (e.type === 'MODIFIED' && (ev.count ?? 1) !== ((e.old as KubeEvent | undefined)?.count ?? 1));
    if (counted && ev.reason === 'ScalingReplicaSet') pending.push(ev.message ?? '');
  });
  const sets = () =>
    c.store
      .list<ReplicaSet>('ReplicaSet', { namespace: NS })
      .sort((a, b) => revision(a) - revision(b));
  const othersAtCreation: number[] = [];
  c.store.watch('Pod', (e) => {
    if (e.type !== 'ADDED') return;
    const hash = e.object.metadata.labels?.['pod-template-hash'];
    othersAtCreation.push(c.store.list('Pod', { namespace: NS }).filter((p) => p.metadata.labels?.['pod-template-hash'] !== hash).length);
  });
  const steps: Step[] = [];
  const watermarks: Run['watermarks'] = [];
  const t0 = c.now();
  let last = '';
  const snapshot = () => {
    const rs = sets();
    const sizes = rs.map((r) => r.spec.replicas ?? 1);
    watermarks.push({ spec: sizes.reduce((a, b) => a + b, 0), available: rs.reduce((a, r) => a + (r.status?.availableReplicas ?? 0), 0) });
    const key = sizes.join(',');
    if (pending.length === 0 && key === last) return;
    last = key;
    const named = pending.splice(0).map((m) => rs.reduce((msg, r) => msg.replaceAll(r.metadata.name, `web-v${revision(r)}`), m));
    steps.push({ at: (c.now() - t0) / 1000, sizes, events: named });
  };
  snapshot();
  pending.length = 0;
  steps.length = 0;
  const changes = [0, ...(opts.later ?? [])];
  const end = t0 + (opts.seconds ?? 20) * 1000;
  changes.forEach((offset, i) => {
    const at = t0 + offset * 1000;
    while (c.stepToNextEvent(at - 1)) snapshot();
    c.advanceTo(at);
    c.act(() => {
      const cur = clone(c.api.get<Deployment>('Deployment', NS, 'web'));
      cur.spec.template.spec!.containers[0].image = `${IMAGE}:v${i + 2}`;
      c.api.update(cur);
    });
    snapshot();
  });
  while (c.stepToNextEvent(end)) snapshot();
  return { steps, cluster: c, watermarks, othersAtCreation };
}

function revision(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
}

/** The rollout ends complete: every replica updated and available, the old ReplicaSets at 0. */
function assertComplete(run: Run, replicas: number): void {
  const d = run.cluster.api.get<Deployment>('Deployment', NS, 'web');
  assert.deepEqual([d.status?.replicas, d.status?.updatedReplicas, d.status?.availableReplicas], [replicas, replicas, replicas]);
  assert.deepEqual(d.status?.conditions?.find((x) => x.type === 'Progressing')?.reason, 'NewReplicaSetAvailable');
}

/** RollingUpdate's promise at every instant: at most replicas + surge pods wanted, at least replicas − unav available. */
function assertBounds(run: Run, maxTotal: number, minAvailable: number): void {
  for (const w of run.watermarks) {
    assert.ok(w.spec <= maxTotal, `Σspec ${w.spec} > ${maxTotal}`);
    assert.ok(w.available >= minAvailable, `Σavailable ${w.available} < ${minAvailable}`);
  }
}

test('1 replica, 25%/25% (surge 1, unav 0): the new pod first, then the old one goes', () => {
  // maxTotal 2, minAvailable 1.
  // t0: new RS created with min(2 − 1, 1) = 1. Old: maxScaledDown = 2 − 1 − (1 − 0) = 0 → wait.
  // t1: new available. Old: 2 − 1 − 0 = 1; Σavailable 2 − 1 = 1 → old 1 → 0.
  const run = rollout(1, rolling('25%', '25%'));
  assert.deepEqual(run.steps, [
    { at: 0, sizes: [1, 1], events: ['Scaled up replica set web-v2 to 1'] },
    { at: 1, sizes: [0, 1], events: ['Scaled down replica set web-v1 to 0 from 1'] },
  ]);
  assertBounds(run, 2, 1);
  assertComplete(run, 1);
});

test('3 replicas, 25%/25% (surge 1, unav 0): one pod at a time, two syncs each second', () => {
  // maxTotal 4, minAvailable 3.
  // t0: new = min(4 − 3, 3) = 1 (created). Old: 4 − 3 − 1 = 0 → wait.
  // t1: new 1 available. Sync: Σspec 4 = maxTotal, no scale-up; old: 4 − 3 − 0 = 1, Σavailable
  //     4 − 3 = 1 → old 3 → 2. Next sync: Σspec 3 → new += min(1, 2) → 2. Next: 4 − 3 − 1 = 0.
  // t2: new 2 available → old 2 → 1, then new 2 → 3.
  // t3: new 3 available → old 1 → 0.
  const run = rollout(3, rolling('25%', '25%'));
  assert.deepEqual(run.steps, [
    { at: 0, sizes: [3, 1], events: ['Scaled up replica set web-v2 to 1'] },
    { at: 1, sizes: [2, 2], events: ['Scaled down replica set web-v1 to 2 from 3', 'Scaled up replica set web-v2 to 2 from 1'] },
    { at: 2, sizes: [1, 3], events: ['Scaled down replica set web-v1 to 1 from 2', 'Scaled up replica set web-v2 to 3 from 2'] },
    { at: 3, sizes: [0, 3], events: ['Scaled down replica set web-v1 to 0 from 1'] },
  ]);
  assertBounds(run, 4, 3);
  assertComplete(run, 3);
});

test('4 replicas, 25%/25% (surge 1, unav 1): the first sync scales both ways, then two pods at a time', () => {
  // maxTotal 5, minAvailable 3.
  // t0: new created with min(5 − 4, 4) = 1. In the same sync, no scale-up (Σspec 5), so old:
  //     maxScaledDown 5 − 3 − 1 = 1, Σavailable 4 − 3 = 1 → old 4 → 3. Next sync: Σspec 4 →
  //     new += min(1, 3) → 2. Next: 5 − 3 − 2 = 0.
  // t1: both new pods available. Old: 5 − 3 − 0 = 2, Σavailable 5 − 3 = 2 → old 3 → 1; then
  //     Σspec 3 → new += min(2, 2) → 4.
  // t2: Σavailable 1 + 4 − 3 = 2 ≥ 1 → old 1 → 0.
  const run = rollout(4, rolling('25%', '25%'));
  assert.deepEqual(run.steps, [
    { at: 0, sizes: [3, 2], events: ['Scaled up replica set web-v2 to 1', 'Scaled down replica set web-v1 to 3 from 4', 'Scaled up replica set web-v2 to 2 from 1'] },
    { at: 1, sizes: [1, 4], events: ['Scaled down replica set web-v1 to 1 from 3', 'Scaled up replica set web-v2 to 4 from 2'] },
    { at: 2, sizes: [0, 4], events: ['Scaled down replica set web-v1 to 0 from 1'] },
  ]);
  assertBounds(run, 5, 3);
  assertComplete(run, 4);
});

test('10 replicas, 25%/25% (surge 3, unav 2): 3 then 5 new pods at once (upstream rolling.go case 1)', () => {
  // maxTotal 13, minAvailable 8.
  // t0: new = min(13 − 10, 10) = 3; old: 13 − 8 − 3 = 2, Σavailable 10 − 8 = 2 → old 10 → 8;
  //     Σspec 11 → new += min(2, 7) → 5; then 13 − 8 − 5 = 0.
  // t1: 5 new available: old: 13 − 8 − 0 = 5, Σavailable 13 − 8 = 5 → old 8 → 3; Σspec 8 → new 10.
  // t2: old: 13 − 8 − 0 = 5, Σavailable 13 − 8 = 5 ≥ 3 → old 3 → 0.
  const run = rollout(10, rolling('25%', '25%'));
  assert.deepEqual(run.steps, [
    { at: 0, sizes: [8, 5], events: ['Scaled up replica set web-v2 to 3', 'Scaled down replica set web-v1 to 8 from 10', 'Scaled up replica set web-v2 to 5 from 3'] },
    { at: 1, sizes: [3, 10], events: ['Scaled down replica set web-v1 to 3 from 8', 'Scaled up replica set web-v2 to 10 from 5'] },
    { at: 2, sizes: [0, 10], events: ['Scaled down replica set web-v1 to 0 from 3'] },
  ]);
  assertBounds(run, 13, 8);
  assertComplete(run, 10);
});

test('10 replicas, maxSurge 0 / maxUnavailable 1: the new ReplicaSet starts empty, one pod down, one up, each second', () => {
  // maxTotal 10, minAvailable 9.
  // t0: new created with 0 (Σspec 10 = maxTotal): no event. No scale-up; old: 10 − 9 − 0 = 1,
  //     Σavailable 10 − 9 = 1 → old 10 → 9. Next sync: Σspec 9 → new 0 → 1 (its first event has
  //     "from 0"). Then 10 − 9 − 1 = 0.
  // tk (k = 1..9): k new available: old: 10 − 9 − 0 = 1, Σavailable 10 − 9 = 1 → old −1; then new +1.
  const run = rollout(10, rolling(0, 1));
  const expected: Step[] = [{ at: 0, sizes: [9, 1], events: ['Scaled down replica set web-v1 to 9 from 10', 'Scaled up replica set web-v2 to 1 from 0'] }];
  for (let k = 1; k <= 9; k++) {
    expected.push({
      at: k,
      sizes: [9 - k, k + 1],
      events: [`Scaled down replica set web-v1 to ${9 - k} from ${10 - k}`, `Scaled up replica set web-v2 to ${k + 1} from ${k}`],
    });
  }
  assert.deepEqual(run.steps, expected);
  assertBounds(run, 10, 9);
  assertComplete(run, 10);
});

test('4 replicas, maxSurge 100% / maxUnavailable 0: a full new set, then the old one at once', () => {
  // surge 4, unav 0: maxTotal 8, minAvailable 4.
  // t0: new = min(8 − 4, 4) = 4; old: 8 − 4 − 4 = 0.   t1: old: 8 − 4 − 0 = 4 → old 4 → 0.
  const run = rollout(4, rolling('100%', 0));
  assert.deepEqual(run.steps, [
    { at: 0, sizes: [4, 4], events: ['Scaled up replica set web-v2 to 4'] },
    { at: 1, sizes: [0, 4], events: ['Scaled down replica set web-v1 to 0 from 4'] },
  ]);
  assertBounds(run, 8, 4);
  assertComplete(run, 4);
});

test('rollover: a second image mid-rollout (upstream rolling.go case 2: the newest starts at 0, the unhealthy middle set goes first)', () => {
  // 10 replicas, surge 3, unav 2: maxTotal 13, minAvailable 8. t0 as above: v1 8, v2 5 (none available).
  // t0.5, image v3: v3 created with 0 (Σspec 13): no event. No scale-up; old: 13 − 8 − 0 = 5.
  //     cleanupUnhealthyReplicas, oldest first: v1 8/8 healthy; v2 5 − 0 = 5 unhealthy → v2 5 → 0.
  //     Σavailable 8 − 8 = 0 → nothing more. Next sync: Σspec 8 → v3 += min(5, 10) → 5.
  // t1.5: v3's 5 available: old: 13 − 8 − 0 = 5; v1 8 → 3; then v3 5 → 10.
  // t2.5: v1 3 → 0.
  const run = rollout(10, rolling('25%', '25%'), { later: [0.5] });
  assert.deepEqual(run.steps, [
    { at: 0, sizes: [8, 5], events: ['Scaled up replica set web-v2 to 3', 'Scaled down replica set web-v1 to 8 from 10', 'Scaled up replica set web-v2 to 5 from 3'] },
    { at: 0.5, sizes: [8, 0, 5], events: ['Scaled down replica set web-v2 to 0 from 5', 'Scaled up replica set web-v3 to 5 from 0'] },
    { at: 1.5, sizes: [3, 0, 10], events: ['Scaled down replica set web-v1 to 3 from 8', 'Scaled up replica set web-v3 to 10 from 5'] },
    { at: 2.5, sizes: [0, 0, 10], events: ['Scaled down replica set web-v1 to 0 from 3'] },
  ]);
  assertBounds(run, 13, 8);
  assertComplete(run, 10);
});

test('Recreate, 3 replicas: all old pods go, and only when the last is gone is the new set created, full size', () => {
  // t0: no new ReplicaSet yet (recreate.go creates it only after); old 3 → 0. The old pods
  //     terminate (a container takes at least 1 s to stop) and still count as running meanwhile.
  // t1: the last old pod is gone → new ReplicaSet created with all 3 replicas.
  // t2: the new pods are available; nothing more to scale.
  const run = rollout(3, { type: 'Recreate' });
  assert.deepEqual(run.steps, [
    { at: 0, sizes: [0], events: ['Scaled down replica set web-v1 to 0 from 3'] },
    { at: 1, sizes: [0, 3], events: ['Scaled up replica set web-v2 to 3'] },
  ]);
  assert.deepEqual(run.othersAtCreation, [0, 0, 0], 'no new pod while an old one exists');
  assertComplete(run, 3);
});
