/** Job failure handling: back-off between retries, backoffLimit (Never and OnFailure), deadlines, suspend, podFailurePolicy. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { byCreation, conditionTypes, created, events, finishedAt, getJob, isFinished, jobPods, makeJob, reasons } from './job-helpers.ts';

const FAIL = { 'kubesim.io/run': '1s', 'kubesim.io/exit-code': '1' };

test('Never: each failed pod counts; replacements wait 10 s, 20 s, 40 s … capped at 10 min', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('flaky', { backoffLimit: 8, behaviour: FAIL })));
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'flaky')), 3 * 3600_000));
  const pods = byCreation(jobPods(c, 'flaky'));
  assert.equal(pods.length, 9, 'the first pod and 8 retries');
  const waits = pods.slice(1).map((p, i) => (created(p) - finishedAt(pods[i])) / 1000);
  assert.deepEqual(waits, [10, 20, 40, 80, 160, 320, 600, 600]);
  const job = getJob(c, 'flaky')!;
  assert.equal(job.status?.failed, 9);
  assert.deepEqual(
    job.status!.conditions!.map((x) => [x.type, x.reason, x.message]),
    [
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ],
  );
  const last = events(c, 'Job', 'flaky').at(-1)!;
  assert.deepEqual([last.type, last.reason, last.message], ['Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit']);
});

test('backoffLimit 1: a failed pod gets exactly one retry', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('once', { backoffLimit: 1, behaviour: FAIL })));
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'once')), 10 * 60_000));
  const pods = jobPods(c, 'once');
  assert.equal(pods.length, 2);
  assert.ok(pods.every((p) => p.status?.phase === 'Failed'));
  assert.equal(getJob(c, 'once')?.status?.failed, 2);
  assert.deepEqual(conditionTypes(getJob(c, 'once')), ['FailureTarget', 'Failed']);
  c.advanceBy(30 * 60_000);
  assert.equal(jobPods(c, 'once').length, 2, 'no pod after the Job failed');
});

test('OnFailure: the kubelet restarts in place; restarts reaching backoffLimit fail the Job', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('restarts', { backoffLimit: 2, restartPolicy: 'OnFailure', behaviour: FAIL })));
  const pod = jobPods(c, 'restarts')[0];
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'restarts')), 10 * 60_000));
  const job = getJob(c, 'restarts')!;
  assert.deepEqual(conditionTypes(job), ['FailureTarget', 'Failed']);
  assert.equal(job.status?.conditions?.[1].reason, 'BackoffLimitExceeded');
  // One pod only, restarted twice, then deleted by the controller and counted as failed.
  assert.deepEqual(reasons(c, 'Job', 'restarts'), ['SuccessfulCreate', 'SuccessfulDelete', 'BackoffLimitExceeded']);
  assert.equal(job.status?.failed, 1);
  assert.equal(jobPods(c, 'restarts').length, 0);
  const restarts = events(c, 'Pod', pod.metadata.name).filter((e) => e.reason === 'Started');
  assert.equal(restarts.reduce((n, e) => n + (e.count ?? 1), 0), 3, 'started three times: the first run and two restarts');
});

test('activeDeadlineSeconds: running pods are killed, the Job fails with DeadlineExceeded', () => {
  const c = new Cluster();
  const start = c.now();
  c.act(() => c.api.create(makeJob('slow', { activeDeadlineSeconds: 20, parallelism: 2, completions: 2, command: ['sleep', '3600'] })));
  c.advanceBy(20_000 - 1);
  assert.deepEqual(conditionTypes(getJob(c, 'slow')), []);
  c.advanceBy(1);
  const job = getJob(c, 'slow')!;
  assert.deepEqual(job.status!.conditions!.map((x) => [x.type, x.reason, x.message]), [['FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline']]);
  assert.ok(jobPods(c, 'slow').every((p) => p.metadata.deletionTimestamp), 'pods are being deleted');
  assert.equal(job.status?.terminating, 2);
  // sleep ignores SIGTERM, so the pods take the whole 30 s grace period; then the Job is Failed.
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'slow')), 5 * 60_000));
  assert.ok(c.now() - start >= 50_000);
  const failed = getJob(c, 'slow')!;
  assert.deepEqual(conditionTypes(failed), ['FailureTarget', 'Failed']);
  assert.equal(failed.status?.conditions?.[1].reason, 'DeadlineExceeded');
  assert.equal(failed.status?.failed, 2);
  assert.equal(failed.status?.terminating, 0);
  const ev = events(c, 'Job', 'slow').at(-1)!;
  assert.deepEqual([ev.type, ev.reason, ev.message], ['Warning', 'DeadlineExceeded', 'Job was active longer than specified deadline']);
});

test('suspend deletes active pods without counting them; resume restarts them and resets startTime', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('pausable', { parallelism: 2, completions: 4, command: ['sleep', '3600'] })));
  c.advanceBy(10_000);
  const firstStart = getJob(c, 'pausable')!.status!.startTime;
  c.act(() => c.api.patch('Job', 'default', 'pausable', 'merge', { spec: { suspend: true } }));
  let job = getJob(c, 'pausable')!;
  assert.equal(job.status?.active, undefined);
  assert.deepEqual(job.status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message]), [['Suspended', 'True', 'JobSuspended', 'Job suspended']]);
  assert.equal(jobPods(c, 'pausable').filter((p) => !p.metadata.deletionTimestamp).length, 0);
  assert.ok(c.advanceUntil(() => jobPods(c, 'pausable').length === 0, 60_000));
  assert.equal(getJob(c, 'pausable')?.status?.failed, undefined, 'deleted pods are not failures');
  assert.equal(getJob(c, 'pausable')?.status?.startTime, firstStart);
  c.advanceBy(60_000);
  c.act(() => c.api.patch('Job', 'default', 'pausable', 'merge', { spec: { suspend: false } }));
  job = getJob(c, 'pausable')!;
  assert.deepEqual(job.status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message]), [['Suspended', 'False', 'JobResumed', 'Job resumed']]);
  assert.equal(Date.parse(job.status!.startTime!), Math.floor(c.now() / 1000) * 1000);
  assert.equal(jobPods(c, 'pausable').length, 2);
  // As upstream, manageJob creates the pods before the Resumed condition and event are written.
  assert.deepEqual(reasons(c, 'Job', 'pausable'), ['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulDelete', 'Suspended', 'SuccessfulCreate', 'SuccessfulCreate', 'Resumed']);
});

test('a Job created suspended has no pods and no startTime until resumed', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('later', { suspend: true })));
  c.advanceBy(30_000);
  const job = getJob(c, 'later')!;
  assert.equal(jobPods(c, 'later').length, 0);
  assert.equal(job.status?.startTime, undefined);
  assert.deepEqual(conditionTypes(job), ['Suspended']);
});

test('podFailurePolicy Ignore: a matching failure is not counted and the pod is replaced', () => {
  const c = new Cluster();
  const job = makeJob('tolerant', {
    backoffLimit: 0,
    behaviour: { 'kubesim.io/run': '2s' },
    podFailurePolicy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [3] } }] },
  });
  c.act(() => c.api.create(job));
  const first = jobPods(c, 'tolerant')[0];
  c.act(() => c.api.patch('Pod', 'default', first.metadata.name, 'merge', { metadata: { annotations: { 'kubesim.io/exit-code': '3' } } }));
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'tolerant')), 5 * 60_000));
  const done = getJob(c, 'tolerant')!;
  assert.deepEqual(conditionTypes(done), ['SuccessCriteriaMet', 'Complete']);
  assert.equal(done.status?.failed, undefined);
  assert.equal(done.status?.succeeded, 1);
  assert.equal(jobPods(c, 'tolerant').length, 2);
});

test('podFailurePolicy FailJob: the Job fails at once with the rule’s message', () => {
  const c = new Cluster();
  const job = makeJob('strict', {
    backoffLimit: 6,
    behaviour: { 'kubesim.io/run': '2s', 'kubesim.io/exit-code': '42' },
    podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } }] },
  });
  c.act(() => c.api.create(job));
  const pod = jobPods(c, 'strict')[0];
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'strict')), 5 * 60_000));
  const failed = getJob(c, 'strict')!;
  const msg = `Container main for pod default/${pod.metadata.name} failed with exit code 42 matching FailJob rule at index 0`;
  assert.deepEqual(failed.status!.conditions!.map((x) => [x.type, x.reason, x.message]), [
    ['FailureTarget', 'PodFailurePolicy', msg],
    ['Failed', 'PodFailurePolicy', msg],
  ]);
  assert.equal(failed.status?.failed, 1);
  assert.equal(jobPods(c, 'strict').length, 1, 'no retry');
  assert.deepEqual([events(c, 'Job', 'strict').at(-1)?.reason, events(c, 'Job', 'strict').at(-1)?.message], ['PodFailurePolicy', msg]);
});
