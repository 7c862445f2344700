/**
 * The pods a Job creates (k8s job_controller.go manageJob, indexed_job_utils.go): the template
 * with the `batch.kubernetes.io/job-tracking` finalizer, a generated name `<job>-xxxxx`, and a
 * controller reference to the Job. In an Indexed Job each pod also gets:
 *
 *   generateName   <job>-<index>-            → pi-3-x8k2p
 *   hostname       <job>-<index>             → pi-3
 *   annotation and label batch.kubernetes.io/job-completion-index: "3"
 *   env JOB_COMPLETION_INDEX in every container, from
 *     fieldRef metadata.labels['batch.kubernetes.io/job-completion-index']
 *
 * and, with backoffLimitPerIndex, the failure counts of the index it replaces.
 */
import { clone } from '../../api/object-util.ts';
import type { Container, Job, Pod, PodTemplateSpec } from '../../api/types/index.ts';
import { podFromTemplate } from '../util/pod-template.ts';
import { COMPLETION_INDEX_ENV, JOB_COMPLETION_INDEX, JOB_INDEX_FAILURE_COUNT, JOB_INDEX_IGNORED_FAILURE_COUNT, JOB_TRACKING_FINALIZER } from './pods.ts';

/** names.MaxGeneratedNameLength: a generateName prefix is cut to leave room for 5 characters. */
const MAX_GENERATED_NAME_LENGTH = 58;

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name shortened if the whole is too long. */
export function generateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = `${jobName}${suffix}`;
  if (prefix.length <= MAX_GENERATED_NAME_LENGTH) return prefix;
  return `${jobName.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length)}${suffix}`;
}

function addIndexEnv(c: Container): void {
  if ((c.env ?? []).some((e) => e.name === COMPLETION_INDEX_ENV)) return;
  c.env = [...(c.env ?? []), { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX}']` } } }];
}

export interface IndexFailureCounts {
  failed: number;
  ignored: number;
}

/** The pod for one more run of the Job; `index` for Indexed Jobs. */
export function jobPod(job: Job, index?: number, counts?: IndexFailureCounts): Pod {
  const template: PodTemplateSpec = clone(job.spec.template);
  template.metadata ??= {};
  const finalizers = template.metadata.finalizers ?? [];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER)) template.metadata.finalizers = [...finalizers, JOB_TRACKING_FINALIZER];
  if (index === undefined) return podFromTemplate(template, job);
  for (const c of template.spec.initContainers ?? []) addIndexEnv(c);
  for (const c of template.spec.containers) addIndexEnv(c);
  template.metadata.annotations = { ...(template.metadata.annotations ?? {}), [JOB_COMPLETION_INDEX]: String(index) };
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [JOB_COMPLETION_INDEX]: String(index) };
  if (counts) {
    template.metadata.annotations[JOB_INDEX_FAILURE_COUNT] = String(counts.failed);
    if (counts.ignored > 0) template.metadata.annotations[JOB_INDEX_IGNORED_FAILURE_COUNT] = String(counts.ignored);
  }
  template.spec.hostname = `${job.metadata.name}-${index}`;
  return podFromTemplate(template, job, { generateName: generateNameWithIndex(job.metadata.name, index) });
}
