/** `kubectl describe job` (describeJob) and `kubectl describe cronjob` (describeCronJob). */
import { humanDuration } from '../../api/duration.ts';
import type { CronJob, Job, JobSpec, ObjectMeta } from '../../api/types/index.ts';
import { ms, selectorString } from '../common.ts';
import type { PrintContext } from '../types.ts';
import { describeEvents, eventsFor } from './events.ts';
import { printBoolPtr, rfc1123z } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { controlledBy } from './pod.ts';
import { describePodTemplate } from './pod-template.ts';
import { DescribeWriter, LEVEL_0 } from './writer.ts';

/** capIndexesListOrNone: at most ~50 characters of an index list, cut after a comma. */
function capIndexes(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : indexes.slice(0, ix + 1) + '...';
}

export function describeJob(job: Job, ctx: PrintContext): string {
  const w = new DescribeWriter();
  const spec = job.spec;
  const st = job.status ?? {};
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', job.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
  const controller = controlledBy(job);
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
  if (spec?.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(LEVEL_0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec?.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (spec?.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec?.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(ms(st.completionTime) - ms(st.startTime))}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const active = st.active ?? 0;
  const ready = st.ready === undefined ? '' : ` (${st.ready} Ready)`;
  w.write(LEVEL_0, `Pods Statuses:\t${active} Active${ready} / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  if (spec?.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes, 50)}\n`);
  describePodTemplate(w, spec?.template);
  describeEvents(w, eventsFor(job, ctx), ctx);
  return w.toString();
}

function describeJobTemplate(w: DescribeWriter, t: { metadata?: ObjectMeta; spec: JobSpec } | undefined): void {
  const spec = t?.spec;
  w.write(LEVEL_0, `Selector:\t${spec?.selector ? selectorString(spec.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${spec?.parallelism ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, spec?.template);
}

export function describeCronJob(cj: CronJob, ctx: PrintContext): string {
  const w = new DescribeWriter();
  const spec = cj.spec;
  w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', cj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
  w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec?.suspend)}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${spec?.successfulJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${spec?.failedJobsHistoryLimit ?? '<unset>'}\n`);
  const deadline = spec?.startingDeadlineSeconds;
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${deadline !== undefined ? `${deadline}s` : '<unset>'}\n`);
  describeJobTemplate(w, spec?.jobTemplate);
  const last = cj.status?.lastScheduleTime;
  w.write(LEVEL_0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
  const active = cj.status?.active ?? [];
  w.write(LEVEL_0, `Active Jobs:\t${active.length === 0 ? '<none>' : active.map((j) => j.name).join(', ')}\n`);
  describeEvents(w, eventsFor(cj, ctx), ctx);
  return w.toString();
}
