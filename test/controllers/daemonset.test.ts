import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { DaemonSet, Node, Pod } from '../../src/api/types/index.ts';
import { daemonSet, edit, events, NS, pods } from './statefulset-fixtures.ts';

const ds = (c: Cluster) => c.store.get<DaemonSet>('DaemonSet', NS, 'fluentd')!;
const live = (c: Cluster) => pods(c, (p) => !p.metadata.deletionTimestamp);
const nodesOf = (c: Cluster) => live(c).map((p) => p.spec.nodeName ?? '?').sort();
const CONTROL_PLANE_TOLERATION = { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' as const, effect: 'NoSchedule' as const };

test('one pod per worker: the control-plane taint keeps master out unless tolerated', () => {
  const c = new Cluster();
  c.act(() => c.api.create(daemonSet('fluentd')));
  assert.deepEqual(nodesOf(c), ['worker1', 'worker2']);
  assert.ok(c.advanceUntil(() => ds(c).status?.numberReady === 2, 60_000));
  assert.deepEqual(ds(c).status, {
    currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 2,
    observedGeneration: 1, updatedNumberScheduled: 2, numberAvailable: 2,
  });
  const c2 = new Cluster();
  c2.act(() => c2.api.create(daemonSet('fluentd', { tolerations: [CONTROL_PLANE_TOLERATION] })));
  assert.deepEqual(nodesOf(c2), ['master', 'worker1', 'worker2']);
});

test('daemon pods: <ds>-xxxxx, revision and generation labels, pinned by matchFields, the daemon tolerations, bound by the scheduler', () => {
  const c = new Cluster();
  c.act(() => c.api.create(daemonSet('fluentd', { tolerations: [CONTROL_PLANE_TOLERATION] })));
  const hash = c.store.list('ControllerRevision', { namespace: NS })[0].metadata.labels!['controller-revision-hash'];
  const pod = live(c).find((p) => p.spec.nodeName === 'worker1')!;
  assert.match(pod.metadata.name, /^fluentd-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.deepEqual(pod.metadata.labels, { app: 'fluentd', 'controller-revision-hash': hash, 'pod-template-generation': '1' });
  assert.deepEqual(pod.spec.affinity, {
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker1'] }] }] } },
  });
  assert.deepEqual(pod.spec.tolerations?.map((t) => `${t.key}:${t.effect}`), [
    'node-role.kubernetes.io/control-plane:NoSchedule',
    'node.kubernetes.io/not-ready:NoExecute',
    'node.kubernetes.io/unreachable:NoExecute',
    'node.kubernetes.io/disk-pressure:NoSchedule',
    'node.kubernetes.io/memory-pressure:NoSchedule',
    'node.kubernetes.io/pid-pressure:NoSchedule',
    'node.kubernetes.io/unschedulable:NoSchedule',
  ]);
  assert.ok(pod.spec.tolerations!.every((t) => t.tolerationSeconds === undefined), 'tolerated forever: no 300 s default');
  const created = events(c, 'DaemonSet', 'fluentd').filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message);
  assert.deepEqual(created.sort(), live(c).map((p) => `Created pod: ${p.metadata.name}`).sort());
  const scheduled = c.store.list<{ involvedObject: { name: string }; reason: string; message: string } & Pod>('Event', { namespace: NS }).filter((e) => e.reason === 'Scheduled' && e.involvedObject.name === pod.metadata.name);
  assert.equal(scheduled[0].message, `Successfully assigned default/${pod.metadata.name} to worker1`);
});

test('nodeSelector and node affinity choose the nodes; relabelling a node adds or removes its pod', () => {
  const c = new Cluster();
  c.act(() => c.api.create(daemonSet('fluentd', { nodeSelector: { disk: 'ssd' } })));
  assert.deepEqual(nodesOf(c), []);
  assert.equal(ds(c).status?.desiredNumberScheduled, 0);
  edit<Node>(c, 'Node', 'worker2', (n) => (n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' }));
  assert.deepEqual(nodesOf(c), ['worker2']);
  edit<Node>(c, 'Node', 'worker2', (n) => delete n.metadata.labels!.disk);
  assert.deepEqual(nodesOf(c), [], 'the pod is deleted at once');

  const c2 = new Cluster();
  const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn' as const, values: ['worker1'] }] }] } } };
  c2.act(() => c2.api.create(daemonSet('fluentd', { affinity, tolerations: [CONTROL_PLANE_TOLERATION] })));
  assert.deepEqual(nodesOf(c2), ['master', 'worker2']);
});

test('taints: an untolerated NoSchedule taint keeps new pods off but lets a running one stay; NoExecute removes it', () => {
  const c = new Cluster({ nodes: [{ name: 'worker1' }, { name: 'worker2', taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }] });
  c.act(() => c.api.create(daemonSet('fluentd')));
  assert.deepEqual(nodesOf(c), ['worker1']);
  assert.ok(c.advanceUntil(() => ds(c).status?.numberReady === 1, 60_000));
  edit<Node>(c, 'Node', 'worker1', (n) => (n.spec.taints = [{ key: 'maintenance', effect: 'NoSchedule' }]));
  assert.deepEqual(nodesOf(c), ['worker1'], 'NoSchedule: the existing pod continues');
  assert.equal(ds(c).status?.desiredNumberScheduled, 0);
  assert.equal(ds(c).status?.numberMisscheduled, 1);
  edit<Node>(c, 'Node', 'worker1', (n) => (n.spec.taints = [{ key: 'maintenance', effect: 'NoExecute' }]));
  assert.deepEqual(nodesOf(c), [], 'NoExecute: deleted');
});

test('a node joining gets a pod; a node removed takes its pod away and DESIRED drops', () => {
  const c = new Cluster();
  c.act(() => c.api.create(daemonSet('fluentd')));
  c.act(() => c.components.nodes.join({ name: 'worker3' }));
  assert.deepEqual(nodesOf(c), ['worker1', 'worker2', 'worker3']);
  assert.ok(c.advanceUntil(() => ds(c).status?.numberReady === 3, 60_000));
  c.act(() => c.components.nodes.remove('worker3'));
  assert.equal(ds(c).status?.desiredNumberScheduled, 2);
  assert.equal(ds(c).status?.currentNumberScheduled, 2);
  assert.ok(c.advanceUntil(() => nodesOf(c).length === 2, 120_000), 'PodGC removes the orphaned pod');
});

test('an extra daemon pod on a node is deleted, keeping the oldest', () => {
  const c = new Cluster();
  c.act(() => c.api.create(daemonSet('fluentd')));
  const keep = live(c).find((p) => p.spec.nodeName === 'worker1')!;
  c.advanceBy(5_000);
  const extra: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: NS, labels: { app: 'fluentd' } }, spec: { nodeName: 'worker1', containers: [{ name: 'f', image: 'fluentd' }] } } as Pod;
  c.act(() => c.api.create(extra));
  assert.ok(!live(c).some((p) => p.metadata.name === 'stray'), 'adopted, then deleted as the newer one');
  assert.ok(live(c).some((p) => p.metadata.uid === keep.metadata.uid));
  assert.ok(events(c, 'DaemonSet', 'fluentd').some((e) => e.reason === 'SuccessfulDelete' && e.message === 'Deleted pod: stray'));
});

test('a Failed daemon pod is killed and recreated, with a per-node back-off of 1 s, 2 s, ...', () => {
  const c = new Cluster({ nodes: [{ name: 'worker1' }] });
  c.act(() => c.api.create(daemonSet('fluentd')));
  assert.ok(c.advanceUntil(() => ds(c).status?.numberReady === 1, 60_000));
  // With the kubelet stopped, nothing overwrites the Failed phase we give the pods.
  c.act(() => c.components.nodes.stop('worker1'));
  const fail = () => {
    const p = live(c)[0];
    c.act(() => c.api.updateStatus({ ...p, status: { ...p.status, phase: 'Failed' } }));
    return p.metadata.uid;
  };
  const first = fail();
  assert.ok(!live(c).some((p) => p.metadata.uid === first), 'deleted and replaced at once');
  assert.equal(live(c).length, 1);
  const warn = events(c, 'DaemonSet', 'fluentd').find((e) => e.reason === 'FailedDaemonPod')!;
  assert.equal(warn.type, 'Warning');
  assert.match(warn.message, /^Found failed daemon pod default\/fluentd-\w{5} on node worker1, will try to kill it$/);
  c.advanceBy(500);
  const second = fail();
  assert.ok(pods(c).some((p) => p.metadata.uid === second), 'within the 1 s back-off the failed pod stays');
  c.advanceBy(499);
  assert.ok(pods(c).some((p) => p.metadata.uid === second));
  c.advanceBy(1);
  assert.ok(!pods(c).some((p) => p.metadata.uid === second), 'killed when the back-off ends');
  assert.equal(live(c).length, 1);
});
