/** batch/v1 schemas: Job and CronJob. */
import { any, arr, bool, i32, i64, obj, str, topLevel } from './dsl.ts';
import { LabelSelector, ObjectMeta } from './meta.ts';
import { PodTemplateSpec } from './pod.ts';

export const JobSpec = obj('v1.JobSpec', {
  parallelism: i32(),
  completions: i32(),
  activeDeadlineSeconds: i64(),
  podFailurePolicy: obj('v1.PodFailurePolicy', {
    rules: arr(
      obj('v1.PodFailurePolicyRule', {
        action: str(),
        onExitCodes: obj('v1.PodFailurePolicyOnExitCodesRequirement', { containerName: str(), operator: str(), values: arr(i32()) }),
        onPodConditions: arr(obj('v1.PodFailurePolicyOnPodConditionsPattern', { type: str(), status: str() })),
      }),
    ),
  }),
  successPolicy: obj('v1.SuccessPolicy', {
    rules: arr(obj('v1.SuccessPolicyRule', { succeededIndexes: str(), succeededCount: i32() })),
  }),
  backoffLimit: i32(),
  backoffLimitPerIndex: i32(),
  maxFailedIndexes: i32(),
  selector: LabelSelector,
  manualSelector: bool(),
  template: PodTemplateSpec,
  ttlSecondsAfterFinished: i32(),
  completionMode: str(),
  suspend: bool(),
  podReplacementPolicy: str(),
  managedBy: str(),
});

export const JobSchema = topLevel('v1.Job', ObjectMeta, { spec: JobSpec, status: any('v1.JobStatus') });

export const CronJobSchema = topLevel('v1.CronJob', ObjectMeta, {
  spec: obj('v1.CronJobSpec', {
    schedule: str(),
    timeZone: str(),
    startingDeadlineSeconds: i64(),
    concurrencyPolicy: str(),
    suspend: bool(),
    jobTemplate: obj('v1.JobTemplateSpec', { metadata: ObjectMeta, spec: JobSpec }),
    successfulJobsHistoryLimit: i32(),
    failedJobsHistoryLimit: i32(),
  }),
  status: any('v1.CronJobStatus'),
});
