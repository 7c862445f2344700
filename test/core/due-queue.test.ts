import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DueQueue } from '../../src/sim/due-queue.ts';

test('due time first, then arrival order among equals', () => {
  const q = new DueQueue<{ due: number; name: string }>();
  for (const [name, due] of [['a', 5], ['b', 3], ['c', 5], ['d', 1], ['e', 3]] as const) q.push({ due, name });
  assert.equal(q.size, 5);
  assert.equal(q.peek()?.name, 'd');
  const out: string[] = [];
  for (let x = q.pop(); x; x = q.pop()) out.push(x.name);
  assert.deepEqual(out, ['d', 'b', 'e', 'a', 'c']);
  assert.equal(q.pop(), undefined);
});

test('a thousand items come out sorted and stable', () => {
  const q = new DueQueue<{ due: number; i: number }>();
  for (let i = 0; i < 1000; i++) q.push({ due: (i * 7919) % 97, i });
  let prev = { due: -1, i: -1 };
  for (let x = q.pop(); x; x = q.pop()) {
    assert.ok(x.due > prev.due || (x.due === prev.due && x.i > prev.i), `${JSON.stringify(prev)} before ${JSON.stringify(x)}`);
    prev = x;
  }
});
