/** The Job controller on a real simulated cluster: the tutorial's pi Job, Indexed Jobs, deletion. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Pod } from '../../src/api/types/index.ts';
import { isPodActive } from '../../src/controllers/util/pod.ts';
import { byCreation, conditionTypes, created, events, getJob, isFinished, jobPods, makeJob, piJob, reasons } from './job-helpers.ts';

test('pi: completions 5, parallelism 2 runs 2 pods, then 2, then 1; Complete; gone 30 s later', () => {
  const c = new Cluster();
  const start = c.now();
  c.act(() => c.api.create(piJob()));
  let maxActive = 0;
  let completionTime: string | undefined;
  const done = c.advanceUntil(() => {
    maxActive = Math.max(maxActive, jobPods(c, 'pi').filter(isPodActive).length);
    const job = getJob(c, 'pi');
    if (completionTime === undefined && isFinished(job)) {
      completionTime = job!.status!.completionTime;
      assert.equal(jobPods(c, 'pi').filter((p) => p.status?.phase === 'Succeeded').length, 5);
    }
    return !job && jobPods(c, 'pi').length === 0;
  }, 5 * 60_000);
  assert.ok(done, 'the Job and its pods are deleted');
  assert.equal(maxActive, 2, 'never more than parallelism pods at once');
  assert.equal(c.now(), Date.parse(completionTime!) + 30_000, 'deleted ttlSecondsAfterFinished after completion');

  const created = events(c, 'Job', 'pi').filter((e) => e.reason === 'SuccessfulCreate');
  assert.equal(created.length, 5, 'five pods in all');
  assert.match(created[0].message ?? '', /^Created pod: pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  // Two at the start, then two more as the first ones complete, then the last one.
  const times = created.map((e) => Date.parse(e.firstTimestamp ?? ''));
  assert.equal(times[0], start);
  assert.equal(times[1], start);
  assert.ok(times[2] > start && times[3] > start && times[4] > Math.max(times[2], times[3]));
  assert.deepEqual(reasons(c, 'Job', 'pi').filter((r) => r !== 'SuccessfulCreate'), ['Completed']);
  assert.equal(events(c, 'Job', 'pi').at(-1)?.message, 'Job completed');
});

test('a completed Job: status, conditions, completed pods without the tracking finalizer', () => {
  const c = new Cluster();
  c.act(() => c.api.create(piJob({ ttlSecondsAfterFinished: undefined })));
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'pi')), 5 * 60_000));
  const job = getJob(c, 'pi')!;
  const s = job.status!;
  assert.equal(s.succeeded, 5);
  assert.equal(s.active, undefined);
  assert.equal(s.ready, 0);
  assert.equal(s.terminating, 0);
  assert.deepEqual(s.uncountedTerminatedPods, {});
  assert.deepEqual(
    s.conditions!.map((x) => [x.type, x.status, x.reason, x.message]),
    [
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ],
  );
  assert.equal(s.completionTime, s.conditions![1].lastTransitionTime);
  assert.ok(Date.parse(s.completionTime!) > Date.parse(s.startTime!));
  const pods = jobPods(c, 'pi');
  assert.equal(pods.length, 5);
  for (const p of pods) {
    assert.equal(p.status?.phase, 'Succeeded');
    assert.equal(p.metadata.finalizers, undefined, 'counted pods lose the job-tracking finalizer');
    assert.equal(p.metadata.ownerReferences?.[0].kind, 'Job');
    assert.equal(p.metadata.labels?.['batch.kubernetes.io/job-name'], 'pi');
    assert.equal(p.metadata.labels?.['batch.kubernetes.io/controller-uid'], job.metadata.uid);
  }
  // The Job stays (no TTL).
  c.advanceBy(10 * 60_000);
  assert.ok(getJob(c, 'pi'));
});

test('running pods carry the job-tracking finalizer and count as active and ready', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('sleeper', { parallelism: 3, completions: 3, command: ['sleep', '3600'] })));
  assert.ok(c.advanceUntil(() => getJob(c, 'sleeper')?.status?.ready === 3, 60_000));
  const job = getJob(c, 'sleeper')!;
  assert.equal(job.status?.active, 3);
  for (const p of jobPods(c, 'sleeper')) assert.deepEqual(p.metadata.finalizers, ['batch.kubernetes.io/job-tracking']);
});

test('Indexed: pods <job>-<index>-xxxxx with hostname, index annotation, label and env', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('sample', { completions: 3, parallelism: 3, completionMode: 'Indexed', behaviour: { 'kubesim.io/run': '5s' } })));
  const pods: Pod[] = byCreation(jobPods(c, 'sample'));
  assert.equal(pods.length, 3);
  for (const [i, p] of [...pods].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name)).entries()) {
    assert.match(p.metadata.name, new RegExp(`^sample-${i}-[a-z0-9]{5}$`));
    assert.equal(p.metadata.generateName, `sample-${i}-`);
    assert.equal(p.spec.hostname, `sample-${i}`);
    assert.equal(p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'], String(i));
    assert.equal(p.metadata.labels?.['batch.kubernetes.io/job-completion-index'], String(i));
    const env = p.spec.containers[0].env?.find((e) => e.name === 'JOB_COMPLETION_INDEX');
    assert.equal(env?.valueFrom?.fieldRef?.fieldPath, "metadata.labels['batch.kubernetes.io/job-completion-index']");
  }
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'sample')), 2 * 60_000));
  const job = getJob(c, 'sample')!;
  assert.equal(job.status?.completedIndexes, '0-2');
  assert.equal(job.status?.succeeded, 3);
  assert.deepEqual(conditionTypes(job), ['SuccessCriteriaMet', 'Complete']);
});

test('Indexed: a failed index is retried under the same index', () => {
  const c = new Cluster();
  const job = makeJob('idx', { completions: 2, parallelism: 2, completionMode: 'Indexed', backoffLimit: 3, behaviour: { 'kubesim.io/run': '2s' } });
  c.act(() => c.api.create(job));
  // Make index 1's first pod fail.
  const first1 = jobPods(c, 'idx').find((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'] === '1')!;
  c.act(() => c.api.patch('Pod', 'default', first1.metadata.name, 'merge', { metadata: { annotations: { 'kubesim.io/exit-code': '1' } } }));
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'idx')), 2 * 60_000));
  const done = getJob(c, 'idx')!;
  assert.deepEqual(conditionTypes(done), ['SuccessCriteriaMet', 'Complete']);
  assert.equal(done.status?.failed, 1);
  assert.equal(done.status?.completedIndexes, '0,1');
  const index1 = jobPods(c, 'idx').filter((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'] === '1');
  assert.equal(index1.length, 2);
  assert.ok(index1.every((p) => p.metadata.name.startsWith('idx-1-')));
});

test('kubectl-style background delete removes the pods; a raw delete orphans them', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('bg', { command: ['sleep', '3600'] })));
  c.act(() => c.api.create(makeJob('raw', { command: ['sleep', '3600'] })));
  c.advanceBy(10_000);
  c.act(() => c.api.delete('Job', 'default', 'bg', { propagationPolicy: 'Background' }));
  c.act(() => c.api.delete('Job', 'default', 'raw'));
  // The orphaned pod keeps running, without owner and without the tracking finalizer.
  const orphan = jobPods(c, 'raw')[0];
  assert.equal(orphan.metadata.ownerReferences, undefined);
  assert.equal(orphan.metadata.finalizers, undefined);
  assert.equal(orphan.metadata.deletionTimestamp, undefined);
  // The background-deleted Job's pod terminates (sleep ignores SIGTERM: the full 30 s) and goes.
  assert.ok(jobPods(c, 'bg')[0].metadata.deletionTimestamp);
  assert.ok(c.advanceUntil(() => jobPods(c, 'bg').length === 0, 60_000));
  assert.ok(c.now() - created(orphan) >= 30_000);
  assert.equal(jobPods(c, 'raw').length, 1);
});

test('completions unset (a work queue): parallelism pods, done when one succeeded and all stopped', () => {
  const c = new Cluster();
  c.act(() => c.api.create(makeJob('queue', { parallelism: 3, behaviour: { 'kubesim.io/run': '5s' } })));
  assert.equal(getJob(c, 'queue')?.spec.completions, undefined);
  assert.equal(jobPods(c, 'queue').length, 3);
  // One worker fails: after the others succeeded no replacement is started.
  const worker = jobPods(c, 'queue')[0];
  c.act(() => c.api.patch('Pod', 'default', worker.metadata.name, 'merge', { metadata: { annotations: { 'kubesim.io/exit-code': '1', 'kubesim.io/run': '8s' } } }));
  assert.ok(c.advanceUntil(() => isFinished(getJob(c, 'queue')), 2 * 60_000));
  const job = getJob(c, 'queue')!;
  assert.deepEqual(conditionTypes(job), ['SuccessCriteriaMet', 'Complete']);
  assert.equal(job.status?.succeeded, 2);
  assert.equal(job.status?.failed, 1);
  assert.equal(jobPods(c, 'queue').length, 3);
});
