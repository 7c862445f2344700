/**
 * The not-ready NoExecute taint (node lifecycle controller, v1.32 processTaintBaseEviction and
 * doNoExecuteTaintingPass): a node whose kubelet posts Ready=False gets
 * `node.kubernetes.io/not-ready:NoExecute` at the controller's next 5 s monitor pass, and loses it
 * once Ready. A joining node (`sim: node add`, Ready=False for 10 s):
 *
 *   s        worker3 taints
 *   0        not-ready:NoSchedule (TaintNodesByCondition admission)
 *   next 5 s pass   + not-ready:NoExecute (timeAdded = that pass)
 *   10       Ready: both gone
 *
 * Pods tolerate not-ready:NoExecute for 300 s (DefaultTolerationSeconds), so a 10 s spell evicts
 * nothing; kube-proxy tolerates every taint.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { runSimAction } from '../../src/cluster/sim-actions.ts';
import type { KubeEvent, Node, Pod } from '../../src/api/types/index.ts';

const taints = (c: Cluster, name = 'worker3') => (c.store.get<Node>('Node', '', name)!.spec.taints ?? []).map((t) => `${t.key}:${t.effect}`);

test('node add: not-ready:NoExecute at the next monitor pass, gone when Ready; its pods are not evicted', () => {
  const c = new Cluster();
  c.advanceBy(30_000);
  c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } }));
  c.advanceTo(Math.ceil(c.now() / 5000) * 5000 + 2000);
  const t0 = c.now();
  c.act(() => runSimAction(c, 'node add worker3', {} as Parameters<typeof runSimAction>[2]));
  assert.deepEqual(taints(c), ['node.kubernetes.io/not-ready:NoSchedule']);
  c.advanceTo(t0 + 2_999);
  assert.deepEqual(taints(c), ['node.kubernetes.io/not-ready:NoSchedule'], 'before the monitor pass');
  c.advanceTo(t0 + 3_000);
  assert.deepEqual(taints(c), ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
  const ne = c.store.get<Node>('Node', '', 'worker3')!.spec.taints!.find((t) => t.effect === 'NoExecute')!;
  assert.equal(ne.timeAdded, new Date(t0 + 3_000).toISOString().replace('.000Z', 'Z'));
  // kube-proxy (tolerates everything) runs on it through the spell.
  const proxy = c.store.podsOnNode<Pod>('worker3').find((p) => p.metadata.name.startsWith('kube-proxy'))!;
  c.advanceTo(t0 + 10_000);
  assert.deepEqual(taints(c), []);
  c.advanceBy(600_000);
  assert.equal(c.store.get<Pod>('Pod', proxy.metadata.namespace!, proxy.metadata.name)?.metadata.deletionTimestamp, undefined);
  assert.equal(c.store.list<KubeEvent>('Event', {}).filter((e) => e.reason === 'TaintManagerEviction').length, 0);
});

test('a Ready=False node: not-ready:NoExecute in place of unreachable; pods with the default 300 s toleration stay', () => {
  const c = new Cluster();
  c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'default' }, spec: { nodeName: 'worker1', containers: [{ name: 'c', image: 'nginx:1.27' }] } }));
  c.advanceBy(10_000);
  const tol = c.store.get<Pod>('Pod', 'default', 'app')!.spec.tolerations?.find((t) => t.key === 'node.kubernetes.io/not-ready');
  assert.deepEqual([tol?.effect, tol?.tolerationSeconds], ['NoExecute', 300]);
  // The kubelet posts Ready=False (its runtime's network went away).
  const n = structuredClone(c.store.get<Node>('Node', '', 'worker1')!);
  n.status!.conditions = n.status!.conditions!.map((x) => (x.type === 'Ready' ? { ...x, status: 'False', reason: 'KubeletNotReady', message: 'container runtime network not ready' } : x));
  c.act(() => c.api.updateStatus(n));
  c.advanceBy(5_000);
  assert.ok(taints(c, 'worker1').includes('node.kubernetes.io/not-ready:NoExecute'), taints(c, 'worker1').join(','));
  assert.ok(!taints(c, 'worker1').includes('node.kubernetes.io/unreachable:NoExecute'));
  // Until the kubelet's next status report posts Ready again, the pod stays: its 300 s have not run out.
  c.advanceBy(20_000);
  assert.equal(c.store.get<Pod>('Pod', 'default', 'app')!.metadata.deletionTimestamp, undefined);
  assert.equal(c.store.list<KubeEvent>('Event', {}).filter((e) => e.reason === 'TaintManagerEviction').length, 0);
});
