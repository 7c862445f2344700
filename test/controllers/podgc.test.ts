import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Deployment, Node, Pod } from '../../src/api/types/index.ts';
import { clone } from '../../src/api/object-util.ts';

const NS = 'default';
const PERIOD = 20_000;

function pinned(name: string, nodeName: string, replicas = 2): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { nodeName, containers: [{ name, image: 'nginx' }] } },
    },
  } as Deployment;
}

function bare(name: string, nodeName?: string, finalizers?: string[]): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS, ...(finalizers ? { finalizers } : {}) },
    spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image: 'nginx' }] },
  } as Pod;
}

const podsOf = (c: Cluster, app: string) => c.store.list<Pod>('Pod', { namespace: NS }).filter((p) => p.metadata.labels?.app === app);
const names = (pods: Pod[]) => pods.map((p) => p.metadata.name).sort();

/** Records each pod's last state before it left the store. */
function lastSeen(c: Cluster): Map<string, { pod: Pod; at: number }> {
  const seen = new Map<string, { pod: Pod; at: number }>();
  c.store.watch('Pod', (e) => {
    if (e.type === 'DELETED') seen.set(e.object.metadata.name, { pod: e.object as Pod, at: c.now() });
  });
  return seen;
}

test('pods bound to a missing node: quarantined at the first 20 s run, deleted 40 s later as Failed, DeletionByPodGC', () => {
  const c = new Cluster({ nodes: [{ name: 'master', role: 'control-plane' }, { name: 'worker1' }] });
  const gone = lastSeen(c);
  c.advanceBy(5_000); // 5 s past a run
  const created = c.now();
  c.act(() => c.api.create(bare('lost', 'worker2')));
  assert.equal(c.store.get<Pod>('Pod', NS, 'lost')!.status?.phase, 'Pending');
  const firstRun = Math.ceil(created / PERIOD) * PERIOD;
  assert.ok(c.advanceUntil(() => !c.store.get('Pod', NS, 'lost'), 120_000));
  const { pod, at } = gone.get('lost')!;
  assert.equal(at, firstRun + 40_000);
  assert.equal(pod.status?.phase, 'Failed');
  const cond = pod.status?.conditions?.find((x) => x.type === 'DisruptionTarget');
  assert.equal(cond?.status, 'True');
  assert.equal(cond?.reason, 'DeletionByPodGC');
  assert.equal(cond?.message, 'PodGC: node no longer exists');
});

test('the replacements of collected pods wait a fresh quarantine: a Deployment pinned to a missing node cycles about once a minute', () => {
  const c = new Cluster({ nodes: [{ name: 'master', role: 'control-plane' }, { name: 'worker1' }] });
  c.advanceBy(5_000);
  c.act(() => c.api.create(pinned('member', 'worker2')));
  const first = names(podsOf(c, 'member'));
  assert.equal(first.length, 2);
  assert.ok(c.advanceUntil(() => names(podsOf(c, 'member')).every((n) => !first.includes(n)), 120_000));
  const replacedAt = c.now();
  const second = names(podsOf(c, 'member'));
  assert.equal(second.length, 2);
  assert.ok(podsOf(c, 'member').every((p) => p.spec.nodeName === 'worker2' && p.status?.phase === 'Pending'));
  // The next run only quarantines worker2 again; the second generation lives 60 s.
  c.advanceBy(59_999);
  assert.deepEqual(names(podsOf(c, 'member')), second);
  c.advanceBy(1);
  assert.ok(names(podsOf(c, 'member')).every((n) => !second.includes(n)), `replaced at ${c.now() - replacedAt} ms`);
});

test('a node that comes back during the quarantine keeps its pods', () => {
  const c = new Cluster({ nodes: [{ name: 'master', role: 'control-plane' }, { name: 'worker1' }] });
  c.act(() => c.api.create(bare('early', 'worker3')));
  c.advanceBy(30_000);
  c.act(() => c.components.nodes.join({ name: 'worker3' }));
  c.advanceBy(120_000);
  assert.ok(c.store.get('Pod', NS, 'early'));
});

test('the pods of a deleted Node are collected after the quarantine, Terminating ones included', () => {
  const c = new Cluster({ nodes: [{ name: 'master', role: 'control-plane' }, { name: 'worker1' }, { name: 'worker2' }] });
  c.act(() => {
    c.api.create(bare('a', 'worker2'));
    c.api.create(bare('b', 'worker2'));
  });
  const running = () => ['a', 'b'].every((n) => c.store.get<Pod>('Pod', NS, n)?.status?.phase === 'Running');
  assert.ok(c.advanceUntil(running, 60_000));
  c.act(() => c.components.nodes.stop('worker2'));
  c.act(() => c.api.delete('Pod', NS, 'a'));
  c.advanceBy(60_000);
  assert.ok(c.store.get<Pod>('Pod', NS, 'a')?.metadata.deletionTimestamp, 'Terminating while the kubelet is away');
  c.act(() => c.components.nodes.remove('worker2'));
  const removedAt = c.now();
  assert.ok(c.store.get('Pod', NS, 'a') && c.store.get('Pod', NS, 'b'));
  assert.ok(c.advanceUntil(() => !c.store.get('Pod', NS, 'a') && !c.store.get('Pod', NS, 'b'), 120_000));
  const waited = c.now() - removedAt;
  assert.ok(waited >= 40_000 && waited <= 60_000, `collected ${waited} ms after the node went`);
});

test('a terminating pod that was never scheduled is force-deleted at the next run', () => {
  const c = new Cluster({ nodes: [{ name: 'master', role: 'control-plane' }] });
  c.advanceBy(5_000);
  c.act(() => c.api.create(bare('stuck', undefined, ['example.com/hold'])));
  c.act(() => c.api.delete('Pod', NS, 'stuck'));
  assert.ok(c.store.get<Pod>('Pod', NS, 'stuck')?.metadata.deletionTimestamp);
  const next = Math.ceil(c.now() / PERIOD) * PERIOD;
  c.advanceTo(next - 1);
  assert.ok(c.store.get('Pod', NS, 'stuck'));
  c.advanceTo(next);
  const p = c.store.get<Pod>('Pod', NS, 'stuck');
  // Grace 0 with a finalizer left: the object stays until the finalizer goes, but it is Failed.
  assert.equal(p?.status?.phase, 'Failed');
});

test('the out-of-service taint on a not-ready node: its terminating pods are force-deleted at the next run', () => {
  const c = new Cluster({ nodes: [{ name: 'master', role: 'control-plane' }, { name: 'worker1' }, { name: 'worker2' }] });
  c.act(() => c.api.create(bare('web', 'worker2')));
  assert.ok(c.advanceUntil(() => c.store.get<Pod>('Pod', NS, 'web')?.status?.phase === 'Running', 60_000));
  c.act(() => c.components.nodes.stop('worker2'));
  assert.ok(c.advanceUntil(() => c.store.get<Node>('Node', '', 'worker2')!.status!.conditions!.find((x) => x.type === 'Ready')!.status === 'Unknown', 120_000));
  const pod = c.store.get<Pod>('Pod', NS, 'web')!;
  c.act(() => c.api.delete('Pod', NS, 'web'));
  c.advanceBy(60_000);
  assert.ok(c.store.get<Pod>('Pod', NS, 'web')?.metadata.deletionTimestamp, 'still Terminating');
  const node = clone(c.store.get<Node>('Node', '', 'worker2')!);
  node.spec.taints = [...(node.spec.taints ?? []), { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }];
  c.act(() => c.api.update(node));
  const at = c.now();
  assert.ok(c.advanceUntil(() => !c.store.get('Pod', NS, pod.metadata.name), 60_000));
  assert.ok(c.now() - at <= PERIOD);
});
