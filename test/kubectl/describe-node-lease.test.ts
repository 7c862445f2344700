/**
 * describe node's Lease section: the kubelet renews its lease every 10 s, so RenewTime trails the
 * clock by less than 10 s while the kubelet runs, and stays at its last renewal once it stops.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newSession } from './helpers.ts';

const renewTime = (out: string) => /^ {2}RenewTime: +(.*)$/m.exec(out)?.[1];

test('RenewTime follows the lease renewals, not the 5-minute status report', () => {
  const t = newSession();
  t.cluster.advanceBy(155_000);
  assert.equal(renewTime(t.run('describe node worker1').stdout), 'Mon, 06 Jan 2025 09:02:30 +0000');
  t.cluster.act(() => t.cluster.components.nodes.stop('worker1'));
  t.cluster.advanceBy(60_000);
  assert.equal(renewTime(t.run('describe node worker1').stdout), 'Mon, 06 Jan 2025 09:02:30 +0000', 'a stopped kubelet renews no more');
  t.cluster.act(() => t.cluster.components.nodes.start('worker1'));
  t.cluster.advanceBy(12_000);
  assert.equal(renewTime(t.run('describe node worker1').stdout), 'Mon, 06 Jan 2025 09:03:45 +0000');
});
