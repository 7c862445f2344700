/** The TTL-after-finished controller: finished Jobs deleted ttlSecondsAfterFinished after they finished. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Job } from '../../src/api/types/index.ts';
import { ttlExpiry } from '../../src/controllers/ttl-after-finished.ts';
import { getJob, isFinished, jobPods, makeJob } from './job-helpers.ts';

const QUICK = { 'kubesim.io/run': '3s' };

function finishTime(job: Job): number {
  return Date.parse(job.status!.conditions!.find((c) => c.type === 'Complete' || c.type === 'Failed')!.lastTransitionTime!);
}

test('ttlExpiry: finish time + TTL, only for finished Jobs with a TTL', () => {
  const job = makeJob('x', { ttlSecondsAfterFinished: 30 });
  assert.equal(ttlExpiry(job), undefined);
  job.status = { conditions: [{ type: 'Failed', status: 'True', lastTransitionTime: '2025-01-06T09:01:05Z' }] };
  assert.equal(ttlExpiry(job), Date.UTC(2025, 0, 6, 9, 1, 35));
  delete job.spec.ttlSecondsAfterFinished;
  assert.equal(ttlExpiry(job), undefined);
});

test('a completed Job and its pods are deleted exactly TTL seconds after it finished', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('short', { ttlSecondsAfterFinished: 20, behaviour: QUICK })));
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'short')), 60_000));
  const finished = finishTime(getJob(c, 'short')!);
  c.advanceTo(finished + 20_000 - 1);
  assert.ok(getJob(c, 'short'));
  assert.equal(jobPods(c, 'short').length, 1);
  c.advanceBy(1);
  assert.equal(getJob(c, 'short'), undefined);
  assert.equal(jobPods(c, 'short').length, 0);
});

test('a failed Job is cleaned up too; ttlSecondsAfterFinished 0 deletes it at once', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('doomed', { ttlSecondsAfterFinished: 0, backoffLimit: 0, behaviour: { ...QUICK, 'kubesim.io/exit-code': '1' } })));
  let seenFailed = false;
  assert.ok(c.advanceUntil(() => {
    const job = getJob(c, 'doomed');
    if (isFinished(job)) seenFailed = true;
    return !job;
  }, 60_000));
  assert.equal(seenFailed, false, 'gone in the same instant it failed');
  assert.equal(jobPods(c, 'doomed').length, 0);
});

test('no TTL keeps the Job; setting one later on a finished Job deletes it', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('keep', { behaviour: QUICK })));
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'keep')), 60_000));
  c.advanceBy(10 * 60_000);
  assert.ok(getJob(c, 'keep'));
  c.act(() => c.api.patch('Job', 'default', 'keep', 'merge', { spec: { ttlSecondsAfterFinished: 60 } }));
  assert.equal(getJob(c, 'keep'), undefined, 'its TTL ran out long ago');
});
