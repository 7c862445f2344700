import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { KubeEvent, Node, Pod } from '../../src/api/types/index.ts';

const NS = 'default';

function pod(name: string, nodeName: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: NS }, spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] } } as Pod;
}

const node = (c: Cluster, name: string) => c.store.get<Node>('Node', '', name)!;
const ready = (n: Node) => n.status!.conditions!.find((x) => x.type === 'Ready')!;
const nodeEvents = (c: Cluster, name: string) =>
  c.store.list<KubeEvent>('Event', { namespace: NS }).filter((e) => e.involvedObject.kind === 'Node' && e.involvedObject.name === name);

function running(c: Cluster, name: string): void {
  c.act(() => c.api.create(pod(name, 'worker1')));
  assert.ok(c.advanceUntil(() => c.store.get<Pod>('Pod', NS, name)?.status?.phase === 'Running', 60_000));
}

test('a stopped kubelet: NotReady after the 50 s grace, Unknown conditions, unreachable taints, pods not ready but their containers as last reported', () => {
  const c = new Cluster();
  running(c, 'app');
  c.act(() => c.components.nodes.stop('worker1'));
  const stopped = c.now();
  assert.ok(c.advanceUntil(() => ready(node(c, 'worker1')).status === 'Unknown', 120_000));
  const after = c.now() - stopped;
  assert.ok(after >= 40_000 && after <= 60_000, `NotReady ${after} ms after the last heartbeat`);
  const n = node(c, 'worker1');
  for (const cond of n.status!.conditions!) {
    assert.deepEqual([cond.status, cond.reason, cond.message], ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.']);
  }
  assert.deepEqual(n.spec.taints?.map((t) => `${t.key}:${t.effect}`).sort(), ['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
  const p = c.store.get<Pod>('Pod', NS, 'app')!;
  assert.equal(p.status?.conditions?.find((x) => x.type === 'Ready')?.status, 'False');
  assert.equal(p.status?.phase, 'Running');
  assert.equal(p.status?.containerStatuses?.[0].ready, true, 'MarkPodsNotReady changes only the pod condition');
  assert.ok(nodeEvents(c, 'worker1').some((e) => e.reason === 'NodeNotReady' && e.message === 'Node worker1 status is now: NodeNotReady'));
  const podEvent = c.store.list<KubeEvent>('Event', { namespace: NS }).find((e) => e.involvedObject.name === 'app' && e.reason === 'NodeNotReady');
  assert.deepEqual([podEvent?.type, podEvent?.message], ['Warning', 'Node is not ready']);
});

test('the kubelet back before the eviction: Ready, taints lifted, the pending evictions cancelled', () => {
  const c = new Cluster();
  running(c, 'app');
  c.act(() => c.components.nodes.stop('worker1'));
  assert.ok(c.advanceUntil(() => ready(node(c, 'worker1')).status === 'Unknown', 120_000));
  c.advanceBy(60_000);
  c.act(() => c.components.nodes.start('worker1'));
  assert.equal(ready(node(c, 'worker1')).status, 'True');
  assert.equal(node(c, 'worker1').spec.taints, undefined);
  const cancelled = c.store.list<KubeEvent>('Event', { namespace: NS }).filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.message);
  assert.deepEqual(cancelled, ['Cancelling deletion of Pod default/app']);
  c.advanceBy(600_000);
  assert.equal(c.store.get<Pod>('Pod', NS, 'app')?.metadata.deletionTimestamp, undefined);
});

test('a deleted Node: RemovingNode at the controller\'s next 5 s pass', () => {
  const c = new Cluster();
  c.advanceBy(2_000);
  c.act(() => c.components.nodes.remove('worker2'));
  assert.equal(nodeEvents(c, 'worker2').filter((e) => e.reason === 'RemovingNode').length, 0);
  const at = Math.ceil(c.now() / 5_000) * 5_000;
  c.advanceTo(at);
  const ev = nodeEvents(c, 'worker2').filter((e) => e.reason === 'RemovingNode');
  assert.equal(ev.length, 1);
  assert.deepEqual([ev[0].type, ev[0].message, ev[0].source?.component], ['Normal', 'Node worker2 event: Removing Node worker2 from Controller', 'node-controller']);
});
