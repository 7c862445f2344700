/**
 * A node joining a running cluster (`sim: node add`), as kubeadm join or kind shows it: the Node
 * registers NotReady (Ready=False, KubeletNotReady, the runtime's "cni plugin not initialized"),
 * with the `node.kubernetes.io/not-ready:NoSchedule` taint, until its pod network is up 10 s later.
 *
 *   s    worker3                                 pods
 *   0    NotReady, tainted not-ready:NoSchedule  kube-proxy (tolerates everything) bound at once;
 *                                                a pod pinned to worker3 Pending; a DaemonSet
 *                                                without tolerations skips worker3
 *   10   Ready (event NodeReady), taint lifted   the pinned pod and the DaemonSet's pod scheduled
 *
 * No NodeNotReady event: the kubelet's Ready setter only records one on a True → False change,
 * and the registered Node's condition is new.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { runSimAction } from '../../src/cluster/sim-actions.ts';
import type { DaemonSet, KubeEvent, Node, Pod } from '../../src/api/types/index.ts';

const MESSAGE = 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';

function node(c: Cluster, name = 'worker3'): Node {
  return c.store.get<Node>('Node', '', name)!;
}

function ready(c: Cluster, name = 'worker3') {
  return node(c, name).status!.conditions!.find((x) => x.type === 'Ready')!;
}

function nodeEvents(c: Cluster, name = 'worker3'): string[] {
  return c.store.list<KubeEvent>('Event', {}).filter((e) => e.involvedObject.kind === 'Node' && e.involvedObject.name === name).map((e) => e.reason ?? '');
}

function setUp() {
  const c = new Cluster();
  c.act(() =>
    c.api.create<DaemonSet>({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'sample-ds', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'ds' } }, template: { metadata: { labels: { app: 'ds' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    }),
  );
  c.advanceBy(30_000);
  const t0 = c.now();
  c.act(() => runSimAction(c, 'node add worker3', {} as Parameters<typeof runSimAction>[2]));
  c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pinned', namespace: 'default' }, spec: { nodeSelector: { 'kubernetes.io/hostname': 'worker3' }, containers: [{ name: 'c', image: 'nginx:1.27' }] } }));
  return { c, t0 };
}

test('node add: NotReady with the network error and the not-ready taint, Ready 10 s later', () => {
  const { c, t0 } = setUp();
  const at0 = ready(c);
  assert.deepEqual([at0.status, at0.reason, at0.message], ['False', 'KubeletNotReady', MESSAGE]);
  // Added at 0 s here (a node lifecycle monitor pass falls on it): not-ready:NoExecute too, see
  // test/controllers/node-not-ready-taint.test.ts.
  assert.deepEqual(node(c).spec.taints?.map((t) => `${t.key}:${t.effect}`), ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
  for (const s of [5, 9.999]) {
    c.advanceTo(t0 + s * 1000);
    assert.equal(ready(c).status, 'False', `still NotReady at ${s} s`);
    assert.equal(c.store.get<Pod>('Pod', 'default', 'pinned')!.spec.nodeName, undefined, `pinned pod unscheduled at ${s} s`);
  }
  c.advanceTo(t0 + 10_000);
  const at10 = ready(c);
  assert.deepEqual([at10.status, at10.reason, at10.message], ['True', 'KubeletReady', 'kubelet is posting ready status']);
  assert.equal(at10.lastTransitionTime, new Date(t0 + 10_000).toISOString().replace('.000Z', 'Z'));
  assert.deepEqual(node(c).spec.taints ?? [], []);
  assert.equal(c.store.get<Pod>('Pod', 'default', 'pinned')!.spec.nodeName, 'worker3');
  // The initial nodes were Ready from the start, untainted (but for the control plane's own taint).
  assert.equal(ready(c, 'worker1').status, 'True');
  assert.deepEqual(node(c, 'worker1').spec.taints ?? [], []);
});

test('node add: tolerating pods run at once; a DaemonSet without tolerations waits for Ready', () => {
  const { c, t0 } = setUp();
  const onNode = () => c.store.podsOnNode<Pod>('worker3').map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, ''));
  assert.deepEqual(onNode(), ['kube-proxy']);
  const ds = () => c.store.get<DaemonSet>('DaemonSet', 'default', 'sample-ds')!.status!;
  c.advanceTo(t0 + 5_000);
  assert.equal(c.store.podsOnNode<Pod>('worker3')[0].status?.phase, 'Running', 'kube-proxy runs on the NotReady node (host network)');
  assert.equal(ds().desiredNumberScheduled, 2);
  c.advanceTo(t0 + 10_000);
  assert.equal(ds().desiredNumberScheduled, 3);
  assert.deepEqual(onNode().sort(), ['kube-proxy', 'pinned', 'sample-ds']);
});

test('node add: the node events, NodeReady only when it becomes Ready', () => {
  const { c, t0 } = setUp();
  const before = ['Starting', 'NodeAllocatableEnforced', 'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'RegisteredNode'];
  assert.deepEqual(nodeEvents(c), before);
  c.advanceTo(t0 + 9_000);
  assert.deepEqual(nodeEvents(c), before);
  c.advanceTo(t0 + 10_000);
  assert.deepEqual(nodeEvents(c), [...before, 'NodeReady']);
  assert.ok(!nodeEvents(c).includes('NodeNotReady'));
});
