/** The CronJob controller on a real simulated cluster (default start: Monday 2025-01-06 09:00:00 UTC). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster, DEFAULT_START } from '../../src/cluster/cluster.ts';
import type { CronJob, CronJobSpec, Job } from '../../src/api/types/index.ts';
import { createJobFromCronJob } from '../../src/controllers/cronjob/utils.ts';
import { events, getJob, isFinished, jobPods, jobSpec, reasons, type JobOpts } from './job-helpers.ts';

const MIN = 60_000;
const minutes = (ms: number) => Math.floor(ms / MIN);

function cronJob(name: string, schedule: string, o: Partial<Omit<CronJobSpec, 'jobTemplate'>> & { job?: JobOpts } = {}): CronJob {
  const { job, ...spec } = o;
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace: 'default' }, spec: { schedule, ...spec, jobTemplate: { spec: jobSpec(job) } } };
}

function jobsOf(c: Cluster, cj: string): Job[] {
  return c.store.list<Job>('Job', { namespace: 'default' }).filter((j) => j.metadata.ownerReferences?.some((r) => r.kind === 'CronJob' && r.name === cj));
}

function getCronJob(c: Cluster, name: string): CronJob {
  return c.store.get<CronJob>('CronJob', 'default', name)!;
}

const QUICK = { behaviour: { 'kubesim.io/run': '5s' } };
const FOREVER = { behaviour: { 'kubesim.io/run': 'forever' } };

test('*/2: a Job named pi-<minutes since epoch> every two minutes, with its scheduled time', () => {
  const c = new Cluster();
  c.act(() => c.api.create(cronJob('pi', '*/2 * * * *', { job: { completions: 2, ...QUICK } })));
  c.advanceBy(2 * MIN - 1);
  assert.equal(jobsOf(c, 'pi').length, 0);
  c.advanceBy(101);
  const at = DEFAULT_START + 2 * MIN;
  const name = `pi-${minutes(at)}`;
  assert.equal(name, 'pi-28935902');
  const job = getJob(c, name)!;
  assert.ok(job);
  assert.equal(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'], '2025-01-06T09:02:00Z');
  assert.deepEqual(job.metadata.ownerReferences?.map((r) => [r.kind, r.name, r.controller, r.blockOwnerDeletion]), [['CronJob', 'pi', true, true]]);
  let cj = getCronJob(c, 'pi');
  assert.equal(cj.status?.lastScheduleTime, '2025-01-06T09:02:00Z');
  assert.deepEqual(cj.status?.active?.map((r) => [r.kind, r.name, r.uid, r.apiVersion]), [['Job', name, job.metadata.uid, 'batch/v1']]);
  assert.equal(events(c, 'CronJob', 'pi')[0].message, `Created job ${name}`);
  // The two completions run one after the other; then the CronJob sees the Job complete.
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, name)), MIN));
  c.advanceBy(1_000);
  cj = getCronJob(c, 'pi');
  assert.equal(cj.status?.active, undefined);
  assert.equal(cj.status?.lastSuccessfulTime, getJob(c, name)!.status?.completionTime);
  assert.ok(events(c, 'CronJob', 'pi').some((e) => e.reason === 'SawCompletedJob' && e.message === `Saw completed job: ${name}, status: Complete`));
  assert.equal(jobPods(c, name).length, 2);
  c.advanceBy(2 * MIN);
  assert.ok(getJob(c, `pi-${minutes(at) + 2}`));
});

test('successfulJobsHistoryLimit 3 and failedJobsHistoryLimit 1: the oldest finished Jobs go', () => {
  const c = new Cluster();
  c.act(() => c.api.create(cronJob('ok', '* * * * *', { job: QUICK })));
  c.act(() => c.api.create(cronJob('bad', '* * * * *', { job: { backoffLimit: 0, behaviour: { 'kubesim.io/run': '5s', 'kubesim.io/exit-code': '1' } } })));
  c.advanceBy(6 * MIN + 30_000);
  const ok = jobsOf(c, 'ok').map((j) => j.metadata.name);
  assert.deepEqual(ok, [3, 4, 5].map((i) => `ok-${minutes(DEFAULT_START) + i + 1}`));
  const bad = jobsOf(c, 'bad');
  assert.deepEqual(bad.map((j) => j.metadata.name), [`bad-${minutes(DEFAULT_START) + 6}`]);
  assert.ok(isFinished(bad[0]));
  const deletes = events(c, 'CronJob', 'ok').filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
  assert.deepEqual(deletes, [1, 2, 3].map((i) => `Deleted job ok-${minutes(DEFAULT_START) + i}`));
  // Deleting a Job takes its pods with it.
  assert.equal(jobPods(c, `ok-${minutes(DEFAULT_START) + 1}`).length, 0);
});

test('concurrencyPolicy Allow runs Jobs side by side', () => {
  const c = new Cluster();
  c.act(() => c.api.create(cronJob('allow', '* * * * *', { job: FOREVER })));
  c.advanceBy(3 * MIN + 1_000);
  assert.equal(getCronJob(c, 'allow').status?.active?.length, 3);
  assert.equal(jobsOf(c, 'allow').length, 3);
});

test('concurrencyPolicy Forbid skips a run while the previous Job is active', () => {
  const c = new Cluster();
  c.act(() => c.api.create(cronJob('forbid', '* * * * *', { concurrencyPolicy: 'Forbid', job: FOREVER })));
  c.advanceBy(3 * MIN + 1_000);
  assert.equal(jobsOf(c, 'forbid').length, 1);
  const skipped = events(c, 'CronJob', 'forbid').filter((e) => e.reason === 'JobAlreadyActive');
  assert.equal(skipped.length, 1, 'one Event object, counted');
  assert.equal(skipped[0].count, 2);
  assert.equal(skipped[0].type, 'Normal');
  assert.equal(skipped[0].message, 'Not starting job because prior execution is running and concurrency policy is Forbid');
  assert.equal(getCronJob(c, 'forbid').status?.lastScheduleTime, '2025-01-06T09:01:00Z');
});

test('concurrencyPolicy Replace deletes the running Job and starts the new one', () => {
  const c = new Cluster();
  c.act(() => c.api.create(cronJob('replace', '* * * * *', { concurrencyPolicy: 'Replace', job: FOREVER })));
  c.advanceBy(2 * MIN + 1_000);
  const first = `replace-${minutes(DEFAULT_START) + 1}`;
  const second = `replace-${minutes(DEFAULT_START) + 2}`;
  assert.deepEqual(jobsOf(c, 'replace').map((j) => j.metadata.name), [second]);
  assert.deepEqual(getCronJob(c, 'replace').status?.active?.map((r) => r.name), [second]);
  assert.deepEqual(
    events(c, 'CronJob', 'replace').map((e) => `${e.reason}: ${e.message}`),
    [`SuccessfulCreate: Created job ${first}`, `SuccessfulDelete: Deleted job ${first}`, `SuccessfulCreate: Created job ${second}`],
  );
});

test('suspend: nothing is scheduled; resuming starts the most recent missed run at once', () => {
  const c = new Cluster();
  c.act(() => c.api.create(cronJob('nap', '*/5 * * * *', { suspend: true, job: FOREVER })));
  c.advanceBy(32 * MIN);
  assert.equal(jobsOf(c, 'nap').length, 0);
  assert.equal(getCronJob(c, 'nap').status?.lastScheduleTime, undefined);
  c.act(() => c.api.patch('CronJob', 'default', 'nap', 'merge', { spec: { suspend: false } }));
  // 09:05 … 09:30 were missed; only 09:30 runs, two minutes late.
  assert.deepEqual(jobsOf(c, 'nap').map((j) => j.metadata.name), [`nap-${minutes(DEFAULT_START) + 30}`]);
  assert.equal(getCronJob(c, 'nap').status?.lastScheduleTime, '2025-01-06T09:30:00Z');
  assert.ok(!reasons(c, 'CronJob', 'nap').includes('TooManyMissedTimes'));
});

test('startingDeadlineSeconds: a run missed by longer than the deadline is not started', () => {
  const c = new Cluster();
  c.act(() => c.api.create(cronJob('strict', '*/5 * * * *', { suspend: true, startingDeadlineSeconds: 60, job: FOREVER })));
  c.act(() => c.api.create(cronJob('lenient', '*/5 * * * *', { suspend: true, startingDeadlineSeconds: 300, job: FOREVER })));
  c.advanceBy(32 * MIN);
  c.act(() => c.api.patch('CronJob', 'default', 'strict', 'merge', { spec: { suspend: false } }));
  c.act(() => c.api.patch('CronJob', 'default', 'lenient', 'merge', { spec: { suspend: false } }));
  assert.equal(jobsOf(c, 'strict').length, 0, '09:30 is more than 60 s ago');
  // The v2 controller never looks further back than the deadline, so it has no MissSchedule to report.
  assert.ok(!reasons(c, 'CronJob', 'strict').includes('MissSchedule'));
  assert.deepEqual(jobsOf(c, 'lenient').map((j) => j.metadata.name), [`lenient-${minutes(DEFAULT_START) + 30}`]);
  c.advanceBy(3 * MIN + 1_000);
  assert.deepEqual(jobsOf(c, 'strict').map((j) => j.metadata.name), [`strict-${minutes(DEFAULT_START) + 35}`]);
});

test('more than 100 missed times: TooManyMissedTimes, and the most recent still starts', () => {
  const c = new Cluster();
  c.act(() => c.api.create(cronJob('every', '* * * * *', { suspend: true, job: FOREVER })));
  c.advanceBy(150 * MIN + 30_000);
  c.act(() => c.api.patch('CronJob', 'default', 'every', 'merge', { spec: { suspend: false } }));
  const warn = events(c, 'CronJob', 'every').find((e) => e.reason === 'TooManyMissedTimes')!;
  assert.equal(warn.type, 'Warning');
  assert.equal(warn.message, 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
  assert.deepEqual(jobsOf(c, 'every').map((j) => j.metadata.name), [`every-${minutes(DEFAULT_START) + 150}`]);
});

test('timeZone: the schedule is read in that zone, the annotation carries its offset', () => {
  const c = new Cluster();
  c.act(() => c.api.create(cronJob('seoul', '0 9 * * *', { timeZone: 'Asia/Seoul', job: FOREVER })));
  // 09:00 UTC is 18:00 in Seoul: the next 09:00 KST is 2025-01-07T00:00Z.
  c.advanceBy(15 * 3600_000 - 1);
  assert.equal(jobsOf(c, 'seoul').length, 0);
  c.advanceBy(101);
  const at = Date.UTC(2025, 0, 7, 0, 0);
  const job = getJob(c, `seoul-${minutes(at)}`)!;
  assert.equal(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'], '2025-01-07T09:00:00+09:00');
  assert.equal(getCronJob(c, 'seoul').status?.lastScheduleTime, '2025-01-07T00:00:00Z');
});

test('a Job that succeeds half the time with backoffLimit 1: Complete and Failed runs, limits kept', () => {
  const c = new Cluster();
  c.act(() =>
    c.api.create(
      cronJob('sample-cronjob', '* * * * *', {
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        job: { backoffLimit: 1, image: 'busybox', command: ['sh', '-c', 'sleep 5; exit $(( RANDOM % 2 ))'] },
      }),
    ),
  );
  c.advanceBy(20 * MIN + 50_000);
  const seen = events(c, 'CronJob', 'sample-cronjob').filter((e) => e.reason === 'SawCompletedJob').map((e) => e.message ?? '');
  assert.ok(seen.some((m) => m.endsWith('status: Complete')));
  assert.ok(seen.some((m) => m.endsWith('status: Failed')));
  const finished = jobsOf(c, 'sample-cronjob').filter(isFinished);
  const statuses = finished.map((j) => j.status!.conditions!.find((x) => x.type === 'Complete' || x.type === 'Failed')!.type);
  assert.equal(statuses.filter((s) => s === 'Complete').length, 3);
  assert.equal(statuses.filter((s) => s === 'Failed').length, 1);
  // A failed run tried twice: its two pods failed.
  const failed = finished.find((j) => isFinished(j) && j.status?.failed)!;
  assert.equal(failed.status?.failed, 2);
});

test('kubectl create job --from=cronjob: a manual Job the CronJob controls but did not start', () => {
  const c = new Cluster();
  c.act(() => c.api.create(cronJob('nightly', '0 3 * * *', { job: QUICK })));
  const manual = createJobFromCronJob(getCronJob(c, 'nightly'), 'nightly-manual');
  assert.equal(manual.metadata.annotations?.['cronjob.kubernetes.io/instantiate'], 'manual');
  assert.deepEqual(manual.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: getCronJob(c, 'nightly').metadata.uid, controller: true }]);
  c.act(() => c.api.create(manual));
  assert.equal(jobPods(c, 'nightly-manual').length, 1);
  assert.equal(getCronJob(c, 'nightly').status?.active, undefined, 'not in status.active');
  const unexpected = events(c, 'CronJob', 'nightly').find((e) => e.reason === 'UnexpectedJob')!;
  assert.deepEqual([unexpected.type, unexpected.message], ['Warning', 'Saw a job that the controller did not create or forgot: nightly-manual']);
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'nightly-manual')), MIN));
  c.act(() => c.api.delete('CronJob', 'default', 'nightly', { propagationPolicy: 'Background' }));
  assert.equal(getJob(c, 'nightly-manual'), undefined, 'the garbage collector deletes it with its owner');
});

test('status.active follows the Jobs: a vanished one is MissingJob, a stranger UnexpectedJob', () => {
  const c = new Cluster();
  c.act(() => c.api.create(cronJob('watch', '*/10 * * * *', { job: FOREVER })));
  c.advanceBy(10 * MIN + 1_000);
  const name = `watch-${minutes(DEFAULT_START) + 10}`;
  assert.deepEqual(getCronJob(c, 'watch').status?.active?.map((r) => r.name), [name]);
  c.act(() => c.api.delete('Job', 'default', name, { propagationPolicy: 'Background' }));
  assert.equal(getCronJob(c, 'watch').status?.active, undefined);
  const missing = events(c, 'CronJob', 'watch').find((e) => e.reason === 'MissingJob')!;
  assert.deepEqual([missing.type, missing.message], ['Normal', `Active job went missing: ${name}`]);
  const cj = getCronJob(c, 'watch');
  c.act(() => c.api.create(createJobFromCronJob(cj, 'stranger')));
  const unexpected = events(c, 'CronJob', 'watch').find((e) => e.reason === 'UnexpectedJob')!;
  assert.deepEqual([unexpected.type, unexpected.message], ['Warning', 'Saw a job that the controller did not create or forgot: stranger']);
});
