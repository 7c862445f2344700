import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { KubeEvent, Pod } from '../../src/api/types/index.ts';

const MIN = 60_000;

function setup() {
  const c = new Cluster();
  c.act(() => c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as never));
  const pod = c.store.get<Pod>('Pod', 'default', 'p')!;
  const mine = () => c.store.list<KubeEvent>('Event', { namespace: 'default' }).filter((e) => e.reason === 'Tested');
  return { c, pod, mine };
}

test('an identical event is the same Event counted up; another message is a new Event', () => {
  const { c, pod, mine } = setup();
  const source = { component: 'tester' };
  c.act(() => c.events.event(pod, 'Normal', 'Tested', 'once', source));
  c.advanceBy(10_000);
  c.act(() => c.events.event(pod, 'Normal', 'Tested', 'once', source));
  c.act(() => c.events.event(pod, 'Normal', 'Tested', 'twice', source));
  c.act(() => c.events.event(pod, 'Warning', 'Tested', 'once', source));
  const evs = mine();
  assert.equal(evs.length, 3);
  const once = evs.find((e) => e.message === 'once' && e.type === 'Normal')!;
  assert.equal(once.count, 2);
  assert.notEqual(once.firstTimestamp, once.lastTimestamp);
});

test('events expire an hour after their last occurrence, each on its own time', () => {
  const { c, pod, mine } = setup();
  const source = { component: 'tester' };
  c.act(() => c.events.event(pod, 'Normal', 'Tested', 'early', source));
  c.advanceBy(20 * MIN);
  c.act(() => c.events.event(pod, 'Normal', 'Tested', 'late', source));
  c.advanceBy(10 * MIN);
  c.act(() => c.events.event(pod, 'Normal', 'Tested', 'early', source)); // early again at 30 min
  c.advanceBy(55 * MIN); // 85 min: late (20 + 60) has expired, early (last at 30 min, so 90) has not
  assert.deepEqual(mine().map((e) => e.message), ['early']);
  c.advanceBy(6 * MIN); // 91 min
  assert.deepEqual(mine(), []);
  // Expired events are forgotten: the same message again starts a new Event at count 1.
  c.act(() => c.events.event(pod, 'Normal', 'Tested', 'early', source));
  assert.equal(mine()[0].count, 1);
});
