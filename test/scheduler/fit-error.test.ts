import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitErrorMessage, histogram, preemptionMessage, type DiagnosisMessage } from '../../src/scheduler/fit-error.ts';
import type { Status } from '../../src/scheduler/framework/types.ts';

const uu = (r: string): Status => ({ code: 'UnschedulableAndUnresolvable', reasons: [r] });
const un = (...r: string[]): Status => ({ code: 'Unschedulable', reasons: r });

test('the taint and selector example of the reference, with the v1.32 double period', () => {
  const d: DiagnosisMessage = {
    numNodes: 3,
    nodeStatuses: new Map([
      ['master', uu('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }')],
      ['worker1', uu("node(s) didn't match Pod's node affinity/selector")],
      ['worker2', uu("node(s) didn't match Pod's node affinity/selector")],
    ]),
  };
  assert.equal(
    fitErrorMessage(d, preemptionMessage(d, true)),
    "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
  );
});

test('counts of 10 or more sort as strings before smaller ones', () => {
  const reasons = [...Array(10).fill('Insufficient cpu'), 'Too many pods', 'Too many pods'];
  assert.equal(histogram(reasons), '10 Insufficient cpu, 2 Too many pods');
  const statuses = new Map<string, Status>();
  for (let i = 0; i < 12; i++) statuses.set(`n${i}`, i < 10 ? un('Insufficient memory') : uu("node(s) didn't match Pod's node affinity/selector"));
  const d: DiagnosisMessage = { numNodes: 12, nodeStatuses: statuses };
  assert.equal(
    fitErrorMessage(d, preemptionMessage(d, true)),
    "0/12 nodes are available: 10 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/12 nodes are available: 10 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
  );
});

test('a node with several shortages counts each, and no nodes is its own message', () => {
  const d: DiagnosisMessage = { numNodes: 1, nodeStatuses: new Map([['w', un('Insufficient cpu', 'Insufficient memory')]]) };
  assert.match(fitErrorMessage(d, ''), /^0\/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory\.$/);
  assert.equal(fitErrorMessage({ numNodes: 0, nodeStatuses: new Map() }, ''), 'no nodes available to schedule pods');
  assert.equal(preemptionMessage(d, false), 'preemption: not eligible due to preemptionPolicy=Never.');
});
