import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DaemonSet, Node, Pod } from '../../src/api/types/index.ts';
import { ownerRefTo } from '../../src/api/object-util.ts';
import { rfc3339 } from '../../src/api/duration.ts';
import { newSession, ok } from './helpers.ts';

const STATIC_WEB = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: static-web\nspec:\n  containers:\n  - {name: web, image: nginx}\n';

function cluster() {
  const t = newSession({
    cluster: {
      nodes: [
        { name: 'master', role: 'control-plane' },
        { name: 'worker1', staticPods: { 'static-web.yaml': STATIC_WEB } },
        { name: 'worker2' },
      ],
    },
  });
  const api = t.cluster.api;
  const pod = (name: string, extra: Partial<Pod['metadata']> = {}): Pod =>
    api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', ...extra },
      spec: { nodeName: 'worker1', containers: [{ name: 'c', image: 'nginx' }] },
    });
  const ds = api.create<DaemonSet>({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'fluentd' }] } } },
  });
  t.cluster.settle();
  // The DaemonSet controller places a pod on worker1; without one, a pod it would have made stands in.
  let agent = api.list<Pod>('Pod', 'default').find((p) => p.spec.nodeName === 'worker1' && p.metadata.ownerReferences?.[0]?.uid === ds.metadata.uid);
  agent ??= pod('agent-x1', { labels: { app: 'agent' }, ownerReferences: [ownerRefTo(ds)] });
  pod('solo');
  t.cluster.settle();
  t.cluster.advanceBy(20_000);
  // kube-system runs on worker1 too: a kube-proxy pod (DaemonSet) and maybe a coredns pod.
  const onWorker1 = (prefix: string) => api.list<Pod>('Pod', 'kube-system').find((p) => p.spec.nodeName === 'worker1' && p.metadata.name.startsWith(prefix));
  const proxy = `kube-system/${onWorker1('kube-proxy-')!.metadata.name}`;
  const dns = onWorker1('coredns-')?.metadata.name;
  return { ...t, agent: `default/${agent.metadata.name}`, daemons: `default/${agent.metadata.name}, ${proxy}`, dns };
}

test('drain stops at DaemonSet pods and pods without a controller, after cordoning', () => {
  const t = cluster();
  const r = t.run('drain worker1');
  assert.equal(r.exitCode, 1);
  assert.equal(r.stdout, 'node/worker1 cordoned\n');
  assert.equal(
    r.stderr,
    `error: unable to drain node "worker1" due to error: [cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${t.daemons}, ` +
      'cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo], continuing command...\n' +
      'There are pending nodes to be drained:\n worker1\n' +
      `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${t.daemons}\n` +
      'cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo\n',
  );
  assert.equal(t.cluster.api.get<Node>('Node', '', 'worker1').spec.unschedulable, true);
  assert.ok(t.cluster.api.tryGet('Pod', 'default', 'solo'), 'nothing was evicted');
});

test('drain --ignore-daemonsets --force evicts the rest, skipping mirror pods', () => {
  const t = cluster();
  const r = t.run('drain worker1 --ignore-daemonsets --force');
  assert.equal(r.exitCode, 0);
  const dnsEvicting = t.dns ? `evicting pod kube-system/${t.dns}\n` : '';
  const dnsEvicted = t.dns ? `pod/${t.dns} evicted\n` : '';
  assert.equal(r.stdout, `node/worker1 cordoned\nevicting pod default/solo\n${dnsEvicting}pod/solo evicted\n${dnsEvicted}node/worker1 drained\n`);
  assert.equal(
    r.stderr,
    `Warning: ignoring DaemonSet-managed Pods: ${t.daemons}; deleting Pods that declare no controller: default/solo\n`,
  );
  const solo = t.cluster.api.tryGet('Pod', 'default', 'solo');
  assert.ok(!solo || solo.metadata.deletionTimestamp, 'solo is being deleted');
  assert.ok(t.cluster.api.get('Pod', 'default', t.agent.split('/')[1]), 'the DaemonSet pod stays');
  assert.ok(t.cluster.api.get('Pod', 'default', 'static-web-worker1'));
  // Once solo has terminated, nothing on the node stops a drain any more.
  t.cluster.advanceBy(40_000);
  assert.equal(t.cluster.api.tryGet('Pod', 'default', 'solo'), undefined);
  assert.equal(ok(t, 'drain worker1 --ignore-daemonsets'), 'node/worker1 already cordoned\nnode/worker1 drained\n');
});

test('drain of a node that does not exist; of nothing', () => {
  const t = newSession();
  assert.equal(t.run('drain nope').stderr, 'Error from server (NotFound): nodes "nope" not found\n');
  assert.equal(t.run('drain').stderr, "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n");
  // worker2 holds only kube-system pods: its kube-proxy (a DaemonSet) stops a plain drain.
  const plain = t.run('drain worker2');
  assert.equal(plain.exitCode, 1);
  assert.match(plain.stderr, /cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kube-proxy-/);
  const r = t.run('drain worker2 --ignore-daemonsets');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.match(r.stdout, /^node\/worker2 already cordoned\n(evicting pod kube-system\/coredns-\S+\n)*(pod\/coredns-\S+ evicted\n)*node\/worker2 drained\n$/);
});

test('drain evicts through the Eviction API: the pod gets DisruptionTarget before it terminates', () => {
  const t = cluster();
  const at = t.cluster.now();
  const r = t.run('drain worker1 --ignore-daemonsets --force --grace-period=20');
  assert.equal(r.exitCode, 0, r.stderr);
  const solo = t.cluster.api.get<Pod>('Pod', 'default', 'solo');
  const target = solo.status?.conditions?.find((c) => c.type === 'DisruptionTarget');
  assert.deepEqual(target, {
    type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(at),
    reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting',
  });
  assert.equal(solo.metadata.deletionGracePeriodSeconds, 20);
  assert.match(ok(t, `get pod solo -o 'jsonpath={.status.conditions[?(@.type=="DisruptionTarget")].reason}'`), /^EvictionByEvictionAPI$/);
});

test('drain --disable-eviction deletes instead: no DisruptionTarget, "deleted" lines, no "evicting" lines', () => {
  const t = cluster();
  const r = t.run('drain worker1 --ignore-daemonsets --force --disable-eviction --pod-selector=!app');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.match(r.stdout, /^node\/worker1 cordoned\n(pod\/\S+ deleted\n)*node\/worker1 drained\n$/);
  assert.match(r.stdout, /pod\/solo deleted\n/);
  const solo = t.cluster.api.get<Pod>('Pod', 'default', 'solo');
  assert.ok(solo.metadata.deletionTimestamp);
  assert.equal(solo.status?.conditions?.find((c) => c.type === 'DisruptionTarget'), undefined);
});

test('drain --dry-run=server: evictions checked by the server, nothing evicted or reported evicted', () => {
  const t = cluster();
  const r = t.run('drain worker1 --ignore-daemonsets --force --dry-run=server --pod-selector=!app');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.match(r.stdout, /^node\/worker1 cordoned \(server dry run\)\n(evicting pod \S+ \(server dry run\)\n)+node\/worker1 drained \(server dry run\)\n$/);
  assert.match(r.stdout, /evicting pod default\/solo \(server dry run\)\n/);
  const solo = t.cluster.api.get<Pod>('Pod', 'default', 'solo');
  assert.equal(solo.metadata.deletionTimestamp, undefined);
  assert.equal(t.cluster.api.get<Node>('Node', '', 'worker1').spec.unschedulable, undefined);
});

test('an eviction the server refuses: the pending pods, the node left undrained', () => {
  const t = cluster();
  ok(t, 'create namespace ott');
  t.cluster.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'lone', namespace: 'ott' }, spec: { nodeName: 'worker1', containers: [{ name: 'c', image: 'nginx' }] } });
  t.cluster.advanceBy(10_000);
  // The namespace is terminating, and its controller has not yet deleted the pod.
  t.cluster.api.delete('Namespace', '', 'ott');
  const r = t.run('drain worker1 --ignore-daemonsets --force --pod-selector=!app');
  assert.equal(r.exitCode, 1);
  const refused = 'error when evicting pods/"lone" -n "ott": pods "lone" is forbidden: unable to create new content in namespace ott because it is being terminated';
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  assert.match(r.stderr, new RegExp(`\nThere are pending pods in node "worker1" when an error occurred: ${esc(refused)}\n(pod/\\S+\n)*pod/lone\n`));
  // The aggregate of one error CheckErr prints is a list of one line, without "error: ".
  assert.ok(r.stderr.endsWith(`error: unable to drain node "worker1" due to error: ${refused}, continuing command...\nThere are pending nodes to be drained:\n worker1\n${refused}\n`), r.stderr);
  assert.match(r.stdout, /evicting pod default\/solo\n/);
  assert.match(r.stdout, /pod\/solo evicted\n/);
  assert.doesNotMatch(r.stdout, /drained/);
});
