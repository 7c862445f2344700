import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VirtualClock } from '../../src/sim/clock.ts';

test('timers fire in due order, then insertion order', () => {
  const c = new VirtualClock(1000);
  const fired: string[] = [];
  c.at(3000, () => fired.push('c'));
  c.at(2000, () => fired.push('a'));
  c.at(2000, () => fired.push('b'));
  c.after(500, () => fired.push('first'));
  while (c.fireNext(10_000));
  assert.deepEqual(fired, ['first', 'a', 'b', 'c']);
  assert.equal(c.now(), 3000);
});

test('fireNext moves the clock only to due timers within the limit', () => {
  const c = new VirtualClock(0);
  let n = 0;
  c.at(100, () => n++);
  c.at(200, () => n++);
  assert.equal(c.fireNext(150), true);
  assert.equal(c.now(), 100);
  assert.equal(c.fireNext(150), false);
  assert.equal(c.nextDue(), 200);
  c.setTime(150);
  assert.equal(n, 1);
});

test('cancelled timers never fire and do not count as next', () => {
  const c = new VirtualClock(0);
  let fired = false;
  const id = c.at(50, () => (fired = true));
  c.at(80, () => {});
  c.cancel(id);
  assert.equal(c.nextDue(), 80);
  while (c.fireNext(100));
  assert.equal(fired, false);
});

test('the clock refuses to go back, and a timer in the past is due now', () => {
  const c = new VirtualClock(1000);
  assert.throws(() => c.setTime(999), /cannot go back/);
  c.at(10, () => {});
  assert.equal(c.nextDue(), 1000);
});

test('a timer added while firing at the same instant fires after the current one', () => {
  const c = new VirtualClock(0);
  const order: string[] = [];
  c.at(10, () => {
    order.push('outer');
    c.at(10, () => order.push('inner'));
  });
  c.at(10, () => order.push('second'));
  while (c.fireNext(10));
  assert.deepEqual(order, ['outer', 'second', 'inner']);
});
