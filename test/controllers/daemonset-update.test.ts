import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { ControllerRevision, DaemonSet, Node, PodSpec } from '../../src/api/types/index.ts';
import { nodeShouldRunDaemonPod } from '../../src/controllers/daemonset/node-should-run.ts';
import {
  addDaemonTolerations, allowsSurge, createPodTemplate, replaceNodeNameAffinity, surgeCount, targetNodeName, unavailableCount,
} from '../../src/controllers/daemonset/util.ts';
import { isPodAvailable } from '../../src/controllers/util/pod.ts';
import { daemonSet, NS, pods, setDaemonImage } from './statefulset-fixtures.ts';

const TOLERATE_ALL = [{ operator: 'Exists' as const }];
const withStrategy = (s: DaemonSet['spec']['updateStrategy']) => daemonSet('fluentd', { tolerations: TOLERATE_ALL }, { updateStrategy: s });
const ds = (c: Cluster) => c.store.get<DaemonSet>('DaemonSet', NS, 'fluentd')!;
const hashOf = (c: Cluster) => {
  const revs = c.store.list<ControllerRevision>('ControllerRevision', { namespace: NS });
  const newest = revs.reduce((a, b) => (b.revision > a.revision ? b : a));
  return newest.metadata.labels!['controller-revision-hash'];
};

/** Per node: whether it has an available daemon pod at the current revision or not. */
function snapshot(c: Cluster, hash: string) {
  const live = pods(c, (p) => !p.metadata.deletionTimestamp);
  const nodes = ['master', 'worker1', 'worker2'];
  return {
    pods: pods(c).length,
    live: live.length,
    available: nodes.filter((n) => live.some((p) => p.spec.nodeName === n && isPodAvailable(p, 0, c.now()))).length,
    updated: nodes.filter((n) => live.some((p) => p.spec.nodeName === n && p.metadata.labels?.['controller-revision-hash'] === hash && isPodAvailable(p, 0, c.now()))).length,
  };
}

function startReady(c: Cluster, strategy: DaemonSet['spec']['updateStrategy']): void {
  c.act(() => c.api.create(withStrategy(strategy)));
  assert.ok(c.advanceUntil(() => ds(c).status?.numberAvailable === 3, 60_000));
}

test('budgets scale against the desired node count, rounding up', () => {
  const d = (u: DaemonSet['spec']['updateStrategy']) => daemonSet('x', {}, { updateStrategy: u });
  assert.equal(unavailableCount(d({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } }), 3), 1);
  assert.equal(unavailableCount(d({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } }), 3), 1);
  assert.equal(unavailableCount(d({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%' } }), 3), 2);
  assert.equal(surgeCount(d({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } }), 3), 1);
  assert.equal(surgeCount(d({ type: 'OnDelete' }), 3), 0);
  assert.ok(allowsSurge(d({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } })));
  assert.ok(!allowsSurge(d({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } })));
});

test('pod template, pinning and eligibility helpers', () => {
  const t = createPodTemplate({ metadata: { labels: { app: 'x' } }, spec: { containers: [], hostNetwork: true, tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }] } }, 4, 'abc');
  assert.deepEqual(t.metadata?.labels, { app: 'x', 'pod-template-generation': '4', 'controller-revision-hash': 'abc' });
  assert.equal(t.spec.tolerations!.filter((x) => x.key === 'node.kubernetes.io/not-ready').length, 1, 'not doubled');
  assert.ok(t.spec.tolerations!.some((x) => x.key === 'node.kubernetes.io/network-unavailable'), 'hostNetwork pods tolerate network-unavailable');
  const spec: PodSpec = { containers: [] };
  addDaemonTolerations(spec);
  assert.equal(spec.tolerations?.length, 6);
  assert.ok(!spec.tolerations!.some((x) => x.key === 'node.kubernetes.io/network-unavailable'));
  const a = replaceNodeNameAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }] }, preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'b', operator: 'Exists' }] } }] } }, 'n1');
  assert.deepEqual(a.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution, { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] });
  assert.equal(a.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length, 1);
  assert.equal(targetNodeName({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [], affinity: a } }), 'n1');
  const node = (taints: Node['spec']['taints']): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels: {} }, spec: { taints } });
  const plain = daemonSet('x');
  assert.deepEqual(nodeShouldRunDaemonPod(node([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), plain), { shouldRun: true, shouldContinueRunning: true }, 'cordoned nodes keep daemons');
  assert.deepEqual(nodeShouldRunDaemonPod(node([{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }]), plain), { shouldRun: true, shouldContinueRunning: true });
  assert.deepEqual(nodeShouldRunDaemonPod(node([{ key: 'gpu', effect: 'NoSchedule' }]), plain), { shouldRun: false, shouldContinueRunning: true });
  assert.deepEqual(nodeShouldRunDaemonPod(node([{ key: 'gpu', effect: 'NoExecute' }]), plain), { shouldRun: false, shouldContinueRunning: false });
  assert.deepEqual(nodeShouldRunDaemonPod(node([]), daemonSet('x', { nodeName: 'other' })), { shouldRun: false, shouldContinueRunning: false });
});

test('RollingUpdate maxUnavailable 1: one node at a time, delete then create, never two nodes down', () => {
  const c = new Cluster();
  startReady(c, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  setDaemonImage(c, 'fluentd', 'fluentd:v2');
  const hash = hashOf(c);
  let minAvailable = 3;
  let maxPods = 0;
  const done = c.advanceUntil(() => {
    const s = snapshot(c, hash);
    minAvailable = Math.min(minAvailable, s.available);
    maxPods = Math.max(maxPods, s.pods);
    return s.updated === 3;
  }, 300_000);
  assert.ok(done);
  assert.equal(minAvailable, 2, 'exactly one node without an available pod at the worst');
  assert.equal(maxPods, 3, 'no surge');
  const status = ds(c).status!;
  assert.deepEqual([status.updatedNumberScheduled, status.numberAvailable, status.numberUnavailable], [3, 3, undefined]);
});

test('RollingUpdate maxSurge 1: the new pod starts beside the old one, which goes once the new one is available', () => {
  const c = new Cluster();
  startReady(c, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
  setDaemonImage(c, 'fluentd', 'fluentd:v2');
  const hash = hashOf(c);
  assert.equal(pods(c).length, 4, 'one surge pod at once');
  let minAvailable = 3;
  let maxPods = 0;
  const done = c.advanceUntil(() => {
    const s = snapshot(c, hash);
    minAvailable = Math.min(minAvailable, s.available);
    maxPods = Math.max(maxPods, s.live);
    return s.updated === 3 && s.pods === 3;
  }, 300_000);
  assert.ok(done);
  assert.equal(minAvailable, 3, 'every node keeps an available pod');
  assert.equal(maxPods, 4, 'at most one extra pod (not counting old ones terminating)');
});

test('OnDelete: the template applies only to pods deleted by hand', () => {
  const c = new Cluster();
  startReady(c, { type: 'OnDelete' });
  const oldHash = hashOf(c);
  setDaemonImage(c, 'fluentd', 'fluentd:v2');
  const hash = hashOf(c);
  assert.notEqual(hash, oldHash);
  c.advanceBy(60_000);
  assert.equal(snapshot(c, hash).updated, 0);
  assert.equal(ds(c).status?.updatedNumberScheduled, undefined);
  const victim = pods(c).find((p) => p.spec.nodeName === 'worker2')!;
  c.act(() => c.api.delete('Pod', NS, victim.metadata.name));
  assert.ok(c.advanceUntil(() => snapshot(c, hash).updated === 1, 60_000));
  const fresh = pods(c, (p) => p.spec.nodeName === 'worker2' && !p.metadata.deletionTimestamp)[0];
  assert.equal(fresh.spec.containers[0].image, 'fluentd:v2');
  assert.equal(ds(c).status?.updatedNumberScheduled, 1);
});
