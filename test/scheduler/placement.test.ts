import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Pod } from '../../src/api/types/index.ts';

function deployment(name: string, replicas: number, spec: Partial<Pod['spec']> = {}, labels: Record<string, string> = { app: name }) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name, image: 'nginx' }], ...spec } } },
  };
}

const podsOf = (c: Cluster, app: string) => c.store.list<Pod>('Pod', { namespace: 'default' }).filter((p) => p.metadata.labels?.app === app);
const events = (c: Cluster, reason: string) => c.store.list('Event').filter((e) => (e as { reason?: string }).reason === reason) as unknown as { message: string; count: number; involvedObject: { name: string } }[];

test('a nodeSelector no node matches: Pending with FailedScheduling, scheduled as soon as a node is labelled', () => {
  const c = new Cluster();
  c.act(() => c.api.create(deployment('member', 1, { nodeSelector: { 'kubernetes.io/zone': 'public-a' } }) as never));
  const [p] = podsOf(c, 'member');
  assert.equal(p.spec.nodeName, undefined);
  const ev = events(c, 'FailedScheduling')[0];
  assert.equal(
    ev.message,
    "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
  );
  assert.equal(p.status?.conditions?.find((x) => x.type === 'PodScheduled')?.reason, 'Unschedulable');
  c.advanceBy(60_000);
  assert.equal(podsOf(c, 'member')[0].spec.nodeName, undefined);
  c.act(() => c.api.patch('Node', '', 'worker1', 'merge', { metadata: { labels: { 'kubernetes.io/zone': 'public-a' } } }));
  assert.equal(podsOf(c, 'member')[0].spec.nodeName, 'worker1');
  assert.equal(events(c, 'Scheduled').filter((e) => e.involvedObject.name === p.metadata.name).length, 1);
});

test('unschedulable pods are retried after 5 minutes even without a change, counting the event up', () => {
  const c = new Cluster();
  c.act(() => c.api.create(deployment('x', 1, { nodeSelector: { nope: 'nope' } }) as never));
  c.advanceBy(5 * 60_000 + 1);
  assert.equal(events(c, 'FailedScheduling')[0].count, 2);
});

test('self anti-affinity on hostname leaves one pod Pending per extra replica; recommend follows member', () => {
  const c = new Cluster({ nodes: [{ name: 'master', role: 'control-plane' }, { name: 'worker1', labels: { 'compute.power': 'high' } }] });
  const anti = (app: string) => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' }] } });
  c.act(() => c.api.create(deployment('member', 2, { affinity: anti('member') }) as never));
  const member = podsOf(c, 'member');
  assert.deepEqual(member.map((p) => p.spec.nodeName ?? 'Pending').sort(), ['Pending', 'worker1']);
  assert.ok(events(c, 'FailedScheduling').some((e) => /1 node\(s\) didn't match pod anti-affinity rules/.test(e.message)));
  c.act(() =>
    c.api.create(
      deployment('recommend', 2, {
        affinity: {
          ...anti('recommend'),
          podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'member' } }, topologyKey: 'kubernetes.io/hostname' }] },
        },
      }) as never,
    ),
  );
  assert.deepEqual(podsOf(c, 'recommend').map((p) => p.spec.nodeName ?? 'Pending').sort(), ['Pending', 'worker1']);
  // Scaling member and recommend to 1 leaves each with its pod on worker1.
  c.act(() => c.api.patch('Deployment', 'default', 'member', 'merge', { spec: { replicas: 1 } }));
  c.act(() => c.api.patch('Deployment', 'default', 'recommend', 'merge', { spec: { replicas: 1 } }));
  assert.deepEqual(podsOf(c, 'member').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.nodeName), ['worker1']);
  assert.deepEqual(podsOf(c, 'recommend').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.nodeName), ['worker1']);
});

test('required affinity to pods that do not exist yet waits, then schedules when they land', () => {
  const c = new Cluster();
  c.act(() =>
    c.api.create(deployment('follower', 1, { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'leader' } }, topologyKey: 'kubernetes.io/hostname' }] } } }) as never),
  );
  assert.equal(podsOf(c, 'follower')[0].spec.nodeName, undefined);
  assert.ok(events(c, 'FailedScheduling').some((e) => /2 node\(s\) didn't match pod affinity rules/.test(e.message)));
  c.act(() => c.api.create(deployment('leader', 1) as never));
  const leaderNode = podsOf(c, 'leader')[0].spec.nodeName;
  c.advanceBy(2_000);
  assert.equal(podsOf(c, 'follower')[0].spec.nodeName, leaderNode);
});

test('spreading: three replicas of a Deployment land on both workers (system default spreading)', () => {
  const c = new Cluster();
  c.act(() => c.api.create(deployment('web', 4) as never));
  const byNode = new Map<string, number>();
  for (const p of podsOf(c, 'web')) byNode.set(p.spec.nodeName!, (byNode.get(p.spec.nodeName!) ?? 0) + 1);
  assert.deepEqual([...byNode.values()].sort(), [2, 2]);
});

test('a DoNotSchedule topology spread constraint refuses the node that would exceed maxSkew', () => {
  const c = new Cluster();
  const spread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' as const, labelSelector: { matchLabels: { app: 'spread' } } }] };
  c.act(() => c.api.create(deployment('spread', 2, { ...spread, nodeSelector: { 'node-role.kubernetes.io/worker': 'worker' } }) as never));
  assert.deepEqual(podsOf(c, 'spread').map((p) => p.spec.nodeName).sort(), ['worker1', 'worker2']);
  c.act(() => c.api.patch('Node', '', 'worker2', 'merge', { spec: { unschedulable: true } }));
  c.act(() => c.api.patch('Deployment', 'default', 'spread', 'merge', { spec: { replicas: 4 } }));
  const pending = podsOf(c, 'spread').filter((p) => !p.spec.nodeName);
  assert.equal(pending.length, 1);
});
