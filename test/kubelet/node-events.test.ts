/**
 * The node events of a kubelet (re)start, as `kubectl describe node` lists them: `Starting
 * kubelet.` first, the container manager's NodeAllocatableEnforced, the pressure setters' events
 * (registration runs them on a fresh Node whose conditions start Unknown), then one more of each for
 * a condition that goes from Unknown to healthy, and NodeReady last.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { KubeEvent, Node } from '../../src/api/types/index.ts';

/** Records the events about `node` as they are emitted. */
function spy(c: Cluster, node: string): string[] {
  const seen: string[] = [];
  const original = c.events.event.bind(c.events);
  c.events.event = (obj, type, reason, message, source, fieldPath) => {
    if (obj.kind === 'Node' && obj.metadata.name === node) seen.push(`${reason} (${source.component}): ${message}`);
    original(obj, type, reason, message, source, fieldPath);
  };
  return seen;
}

function nodeEvent(c: Cluster, node: string, reason: string): KubeEvent | undefined {
  return (c.store.list('Event', { namespace: 'default' }) as unknown as KubeEvent[]).find((e) => e.involvedObject.kind === 'Node' && e.involvedObject.name === node && e.reason === reason);
}

test('a kubelet restarted after the node went NotReady: Starting first, the pressure events again, NodeReady last', () => {
  const c = new Cluster();
  c.act(() => c.components.nodes.stop('worker1'));
  c.advanceBy(60_000);
  const conditions = () => c.store.get<Node>('Node', '', 'worker1')!.status!.conditions!.map((x) => `${x.type}=${x.status}`);
  assert.deepEqual(conditions(), ['MemoryPressure=Unknown', 'DiskPressure=Unknown', 'PIDPressure=Unknown', 'Ready=Unknown']);
  const seen = spy(c, 'worker1');
  c.act(() => c.components.nodes.start('worker1'));
  assert.deepEqual(seen, [
    'Starting (kubelet): Starting kubelet.',
    'NodeAllocatableEnforced (kubelet): Updated Node Allocatable limit across pods',
    'NodeHasSufficientMemory (kubelet): Node worker1 status is now: NodeHasSufficientMemory',
    'NodeHasNoDiskPressure (kubelet): Node worker1 status is now: NodeHasNoDiskPressure',
    'NodeHasSufficientPID (kubelet): Node worker1 status is now: NodeHasSufficientPID',
    'NodeHasSufficientMemory (kubelet): Node worker1 status is now: NodeHasSufficientMemory',
    'NodeHasNoDiskPressure (kubelet): Node worker1 status is now: NodeHasNoDiskPressure',
    'NodeHasSufficientPID (kubelet): Node worker1 status is now: NodeHasSufficientPID',
    'NodeReady (kubelet): Node worker1 status is now: NodeReady',
  ]);
  assert.deepEqual(conditions(), ['MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True']);
  assert.equal(nodeEvent(c, 'worker1', 'NodeHasSufficientMemory')?.count, 2, 'twice at the restart (the one from the join expired after an hour)');
});

test('a kubelet restarted before the node was declared NotReady: no condition changes, no NodeReady', () => {
  const c = new Cluster();
  c.act(() => c.components.nodes.stop('worker2'));
  c.advanceBy(20_000);
  const seen = spy(c, 'worker2');
  c.act(() => c.components.nodes.start('worker2'));
  assert.deepEqual(
    seen.map((e) => e.split(' ')[0]),
    ['Starting', 'NodeAllocatableEnforced', 'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID'],
  );
});
