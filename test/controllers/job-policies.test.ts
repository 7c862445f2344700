/** podReplacementPolicy, backoffLimitPerIndex and successPolicy on a real simulated cluster. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Pod } from '../../src/api/types/index.ts';
import { byCreation, conditionTypes, created, getJob, isFinished, jobPods, makeJob } from './job-helpers.ts';

const indexOf = (p: Pod) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'];

test('podReplacementPolicy: TerminatingOrFailed replaces a deleted pod while it terminates, Failed once it has failed', () => {
  for (const policy of ['TerminatingOrFailed', 'Failed'] as const) {
    const c = new Cluster();
    c.act(() => c.api.create(makeJob('r', { podReplacementPolicy: policy, backoffLimit: 6, command: ['sleep', '3600'] })));
    c.advanceBy(10_000);
    const victim = jobPods(c, 'r')[0];
    const deletedAt = c.now();
    c.act(() => c.api.delete('Pod', 'default', victim.metadata.name));
    assert.ok(c.advanceUntil(() => jobPods(c, 'r').some((p) => p.metadata.name !== victim.metadata.name), 2 * 60_000));
    const replacement = jobPods(c, 'r').find((p) => p.metadata.name !== victim.metadata.name)!;
    const wait = created(replacement) - Math.floor(deletedAt / 1000) * 1000;
    if (policy === 'TerminatingOrFailed') {
      // The Terminating pod counts as failed; the first retry waits the 10 s back-off.
      assert.equal(wait, 10_000, policy);
    } else {
      // sleep ignores SIGTERM: the pod fails when its 30 s grace period ends; the retry waits 10 s more.
      assert.equal(wait, 40_000, policy);
    }
    assert.equal(getJob(c, 'r')?.status?.failed, 1);
  }
});

test('backoffLimitPerIndex: an index that keeps failing is marked failed; the others complete', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('per', { completions: 3, parallelism: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1, behaviour: { 'kubesim.io/run': '2s' } })));
  const sabotaged = new Set<string>();
  const done = c.advanceUntil(() => {
    for (const p of jobPods(c, 'per')) {
      if (indexOf(p) === '1' && !sabotaged.has(p.metadata.name)) {
        sabotaged.add(p.metadata.name);
        c.act(() => c.api.patch('Pod', 'default', p.metadata.name, 'merge', { metadata: { annotations: { 'kubesim.io/exit-code': '1' } } }));
      }
    }
    return isFinished(getJob(c, 'per'));
  }, 5 * 60_000);
  assert.ok(done);
  const job = getJob(c, 'per')!;
  assert.deepEqual(job.status!.conditions!.map((x) => [x.type, x.reason, x.message]), [
    ['FailureTarget', 'FailedIndexes', 'Job has failed indexes'],
    ['Failed', 'FailedIndexes', 'Job has failed indexes'],
  ]);
  assert.equal(job.status?.failedIndexes, '1');
  assert.equal(job.status?.completedIndexes, '0,2');
  assert.equal(job.status?.failed, 2);
  const tries = byCreation(jobPods(c, 'per').filter((p) => indexOf(p) === '1'));
  assert.equal(tries.length, 2, 'index 1 ran twice');
  assert.equal(tries[1].metadata.annotations?.['batch.kubernetes.io/job-index-failure-count'], '1');
  assert.equal(tries[0].metadata.annotations?.['batch.kubernetes.io/job-index-failure-count'], '0');
});

test('successPolicy: the Job completes when the named indexes succeed, the rest are stopped', () => {
  const c = new Cluster();
  c.act(() =>
    c.api.create(
      makeJob('leader', {
        completions: 3,
        parallelism: 3,
        completionMode: 'Indexed',
        successPolicy: { rules: [{ succeededIndexes: '0' }] },
        behaviour: { 'kubesim.io/run': 'forever' },
      }),
    ),
  );
  const leader = jobPods(c, 'leader').find((p) => indexOf(p) === '0')!;
  c.act(() => c.api.patch('Pod', 'default', leader.metadata.name, 'merge', { metadata: { annotations: { 'kubesim.io/run': '3s' } } }));
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'leader')), 5 * 60_000));
  const job = getJob(c, 'leader')!;
  assert.deepEqual(conditionTypes(job), ['SuccessCriteriaMet', 'Complete']);
  assert.deepEqual([job.status?.conditions?.[1].reason, job.status?.conditions?.[1].message], ['SuccessPolicy', 'Matched rules at index 0']);
  assert.equal(job.status?.completedIndexes, '0');
  assert.equal(jobPods(c, 'leader').filter((p) => p.metadata.deletionTimestamp === undefined && p.status?.phase === 'Running').length, 0);
});
