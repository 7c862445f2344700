import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSelector } from '../../src/api/selector.ts';
import { ObjectStore, type WatchEvent } from '../../src/api/store.ts';
import type { KubeObject } from '../../src/api/types/index.ts';

function pod(name: string, ns: string, labels: Record<string, string>, extra: Partial<KubeObject['metadata']> = {}, node?: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels, uid: `uid-${ns}-${name}`, ...extra }, spec: { nodeName: node, containers: [] } };
}

test('list is sorted by namespace then name and filtered by namespace and selector', () => {
  const s = new ObjectStore();
  s.put(pod('b', 'ott', { app: 'member', tier: 'web' }));
  s.put(pod('a', 'ott', { app: 'member' }));
  s.put(pod('c', 'default', { app: 'member' }));
  s.put(pod('d', 'ott', { app: 'recommend' }));
  assert.deepEqual(s.list('Pod').map((p) => p.metadata.name), ['c', 'a', 'b', 'd']);
  assert.deepEqual(s.list('Pod', { namespace: 'ott', selector: parseSelector('app=member') }).map((p) => p.metadata.name), ['a', 'b']);
  assert.deepEqual(s.list('Pod', { selector: parseSelector('tier') }).map((p) => p.metadata.name), ['b']);
  assert.deepEqual(s.list('Pod', { selector: parseSelector('app!=member') }).map((p) => p.metadata.name), ['d']);
  assert.equal(s.count('Pod'), 4);
  assert.equal(s.count('Pod', 'ott'), 3);
});

test('the list order is kept across updates and follows adds and removes (cached between them)', () => {
  const s = new ObjectStore();
  for (const [n, ns] of [['b', 'ott'], ['a', 'ott'], ['c', 'default']]) s.put(pod(n, ns, {}));
  const names = (ns?: string) => s.list('Pod', ns ? { namespace: ns } : {}).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  assert.deepEqual(names(), ['default/c', 'ott/a', 'ott/b']);
  const first = s.list('Pod');
  first.reverse(); // a caller's array is its own
  s.put(pod('a', 'ott', { changed: 'yes' }));
  assert.deepEqual(names(), ['default/c', 'ott/a', 'ott/b']);
  assert.equal(s.list('Pod', { namespace: 'ott' })[0].metadata.labels?.changed, 'yes', 'the listing holds the current object');
  s.put(pod('aa', 'ott', {}));
  s.put(pod('x', 'kube-system', {}));
  assert.deepEqual(names(), ['default/c', 'kube-system/x', 'ott/a', 'ott/aa', 'ott/b']);
  s.remove('Pod', 'ott', 'a');
  s.remove('Pod', 'default', 'c');
  assert.deepEqual(names(), ['kube-system/x', 'ott/aa', 'ott/b']);
  assert.deepEqual(names('ott'), ['ott/aa', 'ott/b']);
  assert.deepEqual(names('default'), []);
  s.put({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'w2' } } as KubeObject);
  s.put({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'w1' } } as KubeObject);
  assert.deepEqual(s.list('Node').map((n) => n.metadata.name), ['w1', 'w2'], 'cluster-scoped kinds too');
});

test('the label index follows label changes and removals', () => {
  const s = new ObjectStore();
  s.put(pod('a', 'ns', { app: 'x' }));
  s.put(pod('a', 'ns', { app: 'y' }));
  assert.equal(s.list('Pod', { selector: parseSelector('app=x') }).length, 0);
  assert.equal(s.list('Pod', { selector: parseSelector('app=y') }).length, 1);
  s.remove('Pod', 'ns', 'a');
  assert.equal(s.list('Pod', { selector: parseSelector('app=y') }).length, 0);
  assert.equal(s.count('Pod'), 0);
});

test('owner, uid and node indexes', () => {
  const s = new ObjectStore();
  const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', controller: true };
  s.put(pod('a', 'ns', {}, { ownerReferences: [owner] }, 'worker1'));
  s.put(pod('b', 'ns', {}, { ownerReferences: [owner] }, 'worker2'));
  s.put(pod('c', 'ns', {}, {}, 'worker1'));
  assert.deepEqual(s.dependentsOf('rs-uid').map((p) => p.metadata.name).sort(), ['a', 'b']);
  assert.deepEqual(s.podsOnNode('worker1').map((p) => p.metadata.name).sort(), ['a', 'c']);
  // Moving a pod to another node and dropping its owner updates both indexes.
  s.put(pod('a', 'ns', {}, {}, 'worker2'));
  assert.deepEqual(s.dependentsOf('rs-uid').map((p) => p.metadata.name), ['b']);
  assert.deepEqual(s.podsOnNode('worker2').map((p) => p.metadata.name).sort(), ['a', 'b']);
  assert.equal(s.getByUid('uid-ns-c')?.metadata.name, 'c');
  s.remove('Pod', 'ns', 'c');
  assert.equal(s.getByUid('uid-ns-c'), undefined);
  assert.equal(s.podCountOnNode('worker1'), 0);
});

test('watchers see ADDED, MODIFIED with the old object, and DELETED', () => {
  const s = new ObjectStore();
  const seen: string[] = [];
  const stop = s.watch('Pod', (e: WatchEvent) => seen.push(`${e.type} ${e.object.metadata.labels?.v ?? ''} ${e.old?.metadata.labels?.v ?? ''}`));
  const all: string[] = [];
  s.watch('*', (e) => all.push(`${e.type} ${e.object.kind}`));
  s.put(pod('a', 'ns', { v: '1' }));
  s.put(pod('a', 'ns', { v: '2' }));
  s.remove('Pod', 'ns', 'a');
  s.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns' } });
  stop();
  s.put(pod('b', 'ns', {}));
  assert.deepEqual(seen, ['ADDED 1 ', 'MODIFIED 2 1', 'DELETED 2 2']);
  assert.deepEqual(all, ['ADDED Pod', 'MODIFIED Pod', 'DELETED Pod', 'ADDED ConfigMap', 'ADDED Pod']);
});

test('stored objects are frozen: readers cannot change the store behind its back', () => {
  const s = new ObjectStore();
  const stored = s.put(pod('a', 'ns', { app: 'x' }));
  assert.throws(() => {
    (stored.metadata.labels as Record<string, string>).app = 'y';
  });
});
