import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { KubeEvent, Node, Pod, Taint, Toleration } from '../../src/api/types/index.ts';
import { clone } from '../../src/api/object-util.ts';

const NS = 'default';
const MAINTENANCE: Taint = { key: 'maintenance', value: 'true', effect: 'NoExecute' };

function pod(name: string, tolerations: Toleration[] = []): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS },
    spec: { nodeName: 'worker1', tolerations, containers: [{ name: 'c', image: 'nginx' }] },
  } as Pod;
}

const tolerate = (seconds?: number): Toleration => ({ key: 'maintenance', operator: 'Exists', effect: 'NoExecute', ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}) });

function setTaints(c: Cluster, taints: Taint[]): void {
  const node = clone(c.store.get<Node>('Node', '', 'worker1')!);
  node.spec.taints = taints;
  c.act(() => c.api.update(node));
}

const evictions = (c: Cluster) =>
  c.store
    .list<KubeEvent>('Event', { namespace: NS })
    .filter((e) => e.reason === 'TaintManagerEviction')
    .map((e) => e.message);

const terminating = (c: Cluster, name: string) => !!c.store.get<Pod>('Pod', NS, name)?.metadata.deletionTimestamp;

function started(c: Cluster, ...pods: Pod[]): void {
  c.act(() => pods.forEach((p) => c.api.create(p)));
  assert.ok(c.advanceUntil(() => pods.every((p) => c.store.get<Pod>('Pod', NS, p.metadata.name)?.status?.phase === 'Running'), 60_000));
}

test('NoExecute: an untolerating pod is evicted at once, a tolerating one after tolerationSeconds, one tolerating forever stays', () => {
  const c = new Cluster();
  started(c, pod('bare'), pod('minute', [tolerate(60)]), pod('stay', [tolerate()]));
  setTaints(c, [MAINTENANCE]);
  assert.ok(terminating(c, 'bare'));
  const cond = c.store.get<Pod>('Pod', NS, 'bare')!.status!.conditions!.find((x) => x.type === 'DisruptionTarget')!;
  assert.deepEqual([cond.status, cond.reason, cond.message], ['True', 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint']);
  assert.deepEqual(evictions(c), ['Marking for deletion Pod default/bare']);
  c.advanceBy(59_999);
  assert.ok(!terminating(c, 'minute'));
  c.advanceBy(1);
  assert.ok(terminating(c, 'minute'));
  c.advanceBy(600_000);
  assert.ok(c.store.get<Pod>('Pod', NS, 'stay') && !terminating(c, 'stay'));
  assert.deepEqual(evictions(c).sort(), ['Marking for deletion Pod default/bare', 'Marking for deletion Pod default/minute']);
});

test('the events name the pod without its uid, so describe does not show them', () => {
  const c = new Cluster();
  started(c, pod('bare'));
  setTaints(c, [MAINTENANCE]);
  const ev = c.store.list<KubeEvent>('Event', { namespace: NS }).find((e) => e.reason === 'TaintManagerEviction')!;
  assert.deepEqual(ev.involvedObject, { apiVersion: 'v1', kind: 'Pod', name: 'bare', namespace: NS });
  assert.deepEqual(ev.source, { component: 'taint-eviction-controller' });
  assert.equal(ev.type, 'Normal');
});

test('removing the taint before tolerationSeconds cancels the eviction, with an event', () => {
  const c = new Cluster();
  started(c, pod('cache', [tolerate(300)]), pod('stay', [tolerate()]));
  setTaints(c, [MAINTENANCE]);
  c.advanceBy(90_000);
  setTaints(c, []);
  assert.deepEqual(evictions(c), ['Cancelling deletion of Pod default/cache']);
  c.advanceBy(600_000);
  assert.ok(!terminating(c, 'cache'));
  assert.deepEqual(evictions(c), ['Cancelling deletion of Pod default/cache']);
});

test('a pod deleted during its countdown: the eviction is cancelled, with an event, once the pod is gone', () => {
  const c = new Cluster();
  started(c, pod('cache', [tolerate(300)]));
  setTaints(c, [MAINTENANCE]);
  c.act(() => c.api.delete('Pod', NS, 'cache', { gracePeriodSeconds: 0 }));
  assert.deepEqual(evictions(c), ['Cancelling deletion of Pod default/cache']);
});

test('a second NoExecute taint the pod does not tolerate: countdown cancelled, pod evicted at once', () => {
  const c = new Cluster();
  started(c, pod('cache', [tolerate(300)]));
  setTaints(c, [MAINTENANCE]);
  c.advanceBy(10_000);
  setTaints(c, [MAINTENANCE, { key: 'broken', effect: 'NoExecute' }]);
  assert.ok(terminating(c, 'cache'));
  assert.deepEqual(evictions(c), ['Cancelling deletion of Pod default/cache', 'Marking for deletion Pod default/cache']);
});
