/** Worked examples for the Job controller's pure parts: back-off, index intervals, pod failure policy. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pod } from '../../src/api/types/index.ts';
import { BackoffStore, remainingBackoff } from '../../src/controllers/job/backoff.ts';
import { ensureCondition } from '../../src/controllers/job/conditions.ts';
import { firstPendingIndexes, formatIntervals, matchSuccessPolicy, parseIntervals, withIndexes } from '../../src/controllers/job/indexes.ts';
import { generateNameWithIndex } from '../../src/controllers/job/job-pod.ts';
import { matchPodFailurePolicy } from '../../src/controllers/job/pod-failure-policy.ts';

const T = Date.UTC(2025, 0, 6, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function finishedPod(name: string, finishedAt: number, exitCode = 1, conditions: { type: string; status: 'True' | 'False' }[] = []): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name, creationTimestamp: iso(finishedAt - 60_000) },
    spec: { containers: [{ name: 'main' }] },
    status: {
      phase: exitCode === 0 ? 'Succeeded' : 'Failed',
      conditions,
      containerStatuses: [{ name: 'main', ready: false, restartCount: 0, image: '', imageID: '', lastState: {}, state: { terminated: { exitCode, finishedAt: iso(finishedAt) } } }],
    },
  };
}

test('back-off doubles from 10 s and is capped at 10 minutes', () => {
  const waits = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => remainingBackoff(n, T, T));
  assert.deepEqual(waits, [10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000, 600_000, 600_000]);
  // Measured from the last failure's finish: 2 failures, 2 s later, 18 s remain; none once over.
  assert.equal(remainingBackoff(2, T, T + 2_000), 18_000);
  assert.equal(remainingBackoff(2, T, T + 25_000), 0);
  assert.equal(remainingBackoff(0, T, T), 0);
});

test('the back-off record counts failures after the last success', () => {
  const store = new BackoffStore();
  let rec = store.next('ns/pi', [], [finishedPod('a', T), finishedPod('b', T + 5_000)]);
  assert.equal(rec.failuresAfterLastSuccess, 2);
  assert.equal(rec.lastFailureTime, T + 5_000);
  store.update(rec);
  // A success after them resets; a failure after the success counts again.
  rec = store.next('ns/pi', [finishedPod('ok', T + 6_000, 0)], [finishedPod('c', T + 3_000), finishedPod('d', T + 9_000)]);
  assert.equal(rec.failuresAfterLastSuccess, 1);
  assert.equal(rec.lastFailureTime, T + 9_000);
  store.remove('ns/pi');
  assert.equal(store.next('ns/pi', [], []).failuresAfterLastSuccess, 0);
});

test('completed indexes are written as intervals, pairs with a comma', () => {
  assert.equal(formatIntervals(withIndexes([], [0, 1, 2, 3, 5])), '0-3,5');
  assert.equal(formatIntervals(withIndexes([], [1, 2])), '1,2');
  assert.equal(formatIntervals(withIndexes(parseIntervals('0,2', 10), [1, 4])), '0-2,4');
  // Indexes at or beyond completions are dropped when read back.
  assert.equal(formatIntervals(parseIntervals('1-3,7-9', 8)), '1-3,7');
  assert.deepEqual(firstPendingIndexes(parseIntervals('0,2-3', 6), 2, 6), [1, 4]);
  assert.deepEqual(firstPendingIndexes(parseIntervals('0-5', 6), 2, 6), []);
});

test('success policy rules match by indexes or by count', () => {
  const policy = { rules: [{ succeededIndexes: '0-2' }, { succeededCount: 4 }] };
  assert.equal(matchSuccessPolicy(policy, 10, parseIntervals('0,1', 10)), undefined);
  assert.equal(matchSuccessPolicy(policy, 10, parseIntervals('0-2', 10)), 'Matched rules at index 0');
  assert.equal(matchSuccessPolicy(policy, 10, parseIntervals('5-8', 10)), 'Matched rules at index 1');
  assert.equal(matchSuccessPolicy({ rules: [{ succeededIndexes: '0-4', succeededCount: 2 }] }, 10, parseIntervals('3,7', 10)), undefined);
  assert.equal(matchSuccessPolicy({ rules: [{ succeededIndexes: '0-4', succeededCount: 2 }] }, 10, parseIntervals('3-4', 10)), 'Matched rules at index 0');
});

test('indexed pods are named <job>-<index>-, a long job name is cut', () => {
  assert.equal(generateNameWithIndex('pi', 3), 'pi-3-');
  const long = 'x'.repeat(60);
  assert.equal(generateNameWithIndex(long, 12), `${'x'.repeat(54)}-12-`);
});

test('pod failure policy: first matching rule decides, with the FailJob message', () => {
  const policy = {
    rules: [
      { action: 'Ignore' as const, onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
      { action: 'FailJob' as const, onExitCodes: { containerName: 'main', operator: 'In' as const, values: [42] } },
      { action: 'Count' as const, onExitCodes: { operator: 'NotIn' as const, values: [0] } },
    ],
  };
  const failJob = matchPodFailurePolicy(policy, finishedPod('pi-abcde', T, 42));
  assert.equal(failJob.failJobMessage, 'Container main for pod default/pi-abcde failed with exit code 42 matching FailJob rule at index 1');
  assert.equal(failJob.action, 'FailJob');
  const evicted = matchPodFailurePolicy(policy, finishedPod('pi-x', T, 137, [{ type: 'DisruptionTarget', status: 'True' }]));
  assert.deepEqual(evicted, { countFailed: false, action: 'Ignore' });
  assert.deepEqual(matchPodFailurePolicy(policy, finishedPod('pi-y', T, 3)), { countFailed: true, action: 'Count' });
  assert.deepEqual(matchPodFailurePolicy(undefined, finishedPod('pi-z', T, 3)), { countFailed: true });
});

test('ensureCondition replaces on change, never adds a False condition', () => {
  const r1 = ensureCondition([], 'Suspended', 'False', 'JobResumed', 'Job resumed', T);
  assert.equal(r1.changed, false);
  const r2 = ensureCondition([], 'Suspended', 'True', 'JobSuspended', 'Job suspended', T);
  assert.deepEqual(r2.conditions, [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: iso(T), lastTransitionTime: iso(T) }]);
  const r3 = ensureCondition(r2.conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', T + 1000);
  assert.equal(r3.changed, true);
  assert.equal(r3.conditions[0].status, 'False');
  assert.equal(r3.conditions[0].lastTransitionTime, iso(T + 1000));
});
