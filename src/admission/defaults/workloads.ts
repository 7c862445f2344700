/**
 * apps/v1 and batch/v1 defaults (pkg/apis/apps/v1/defaults.go, pkg/apis/batch/v1/defaults.go).
 *
 *   Deployment  replicas 1, strategy RollingUpdate 25%/25%, revisionHistoryLimit 10,
 *               progressDeadlineSeconds 600
 *   ReplicaSet  replicas 1
 *   StatefulSet replicas 1, podManagementPolicy OrderedReady, updateStrategy RollingUpdate with
 *               partition 0 (only when the type was left empty), revisionHistoryLimit 10,
 *               persistentVolumeClaimRetentionPolicy Retain/Retain
 *   DaemonSet   updateStrategy RollingUpdate maxUnavailable 1 maxSurge 0, revisionHistoryLimit 10
 *   Job         completions and parallelism 1 when both are unset (else parallelism 1),
 *               backoffLimit 6, completionMode NonIndexed, suspend false, manualSelector false,
 *               podReplacementPolicy TerminatingOrFailed (Failed with a podFailurePolicy),
 *               labels copied from the template when the Job has none
 *   CronJob     concurrencyPolicy Allow, suspend false, successfulJobsHistoryLimit 3,
 *               failedJobsHistoryLimit 1 (the job template gets pod defaults only)
 */
import type { CronJob, DaemonSet, Deployment, Job, PodTemplateSpec, ReplicaSet, StatefulSet } from '../../api/types/index.ts';
import { defaultPodSpec } from './pod.ts';

/** The pod template is a struct in Go, so a manifest without one is defaulted as an empty one. */
function defaultTemplate(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const template = t ?? ({} as PodTemplateSpec);
  template.spec ??= {} as PodTemplateSpec['spec'];
  defaultPodSpec(template.spec);
  return template;
}

export function defaultDeployment(d: Deployment): void {
  const s = d.spec;
  s.replicas ??= 1;
  s.strategy ??= {};
  s.strategy.type ||= 'RollingUpdate';
  if (s.strategy.type === 'RollingUpdate') {
    s.strategy.rollingUpdate ??= {};
    s.strategy.rollingUpdate.maxUnavailable ??= '25%';
    s.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  s.revisionHistoryLimit ??= 10;
  s.progressDeadlineSeconds ??= 600;
  s.template = defaultTemplate(s.template);
}

export function defaultReplicaSet(rs: ReplicaSet): void {
  rs.spec.replicas ??= 1;
  rs.spec.template = defaultTemplate(rs.spec.template);
}

export function defaultStatefulSet(sts: StatefulSet): void {
  const s = sts.spec;
  s.podManagementPolicy ||= 'OrderedReady';
  s.updateStrategy ??= {};
  if (!s.updateStrategy.type) {
    s.updateStrategy.type = 'RollingUpdate';
    s.updateStrategy.rollingUpdate ??= {};
  }
  if (s.updateStrategy.type === 'RollingUpdate' && s.updateStrategy.rollingUpdate) s.updateStrategy.rollingUpdate.partition ??= 0;
  s.persistentVolumeClaimRetentionPolicy ??= {};
  s.persistentVolumeClaimRetentionPolicy.whenDeleted ||= 'Retain';
  s.persistentVolumeClaimRetentionPolicy.whenScaled ||= 'Retain';
  s.replicas ??= 1;
  s.revisionHistoryLimit ??= 10;
  s.template = defaultTemplate(s.template);
  for (const t of s.volumeClaimTemplates ?? []) {
    t.spec ??= {};
    t.spec.volumeMode ||= 'Filesystem';
  }
}

export function defaultDaemonSet(ds: DaemonSet): void {
  const s = ds.spec;
  s.updateStrategy ??= {};
  s.updateStrategy.type ||= 'RollingUpdate';
  if (s.updateStrategy.type === 'RollingUpdate') {
    s.updateStrategy.rollingUpdate ??= {};
    s.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    s.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  s.revisionHistoryLimit ??= 10;
  s.template = defaultTemplate(s.template);
}

type JobSpecLoose = Job['spec'] & { podFailurePolicy?: { rules?: { onPodConditions?: { status?: string }[] }[] } };

function defaultPodFailurePolicy(spec: JobSpecLoose): void {
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const c of rule.onPodConditions ?? []) c.status ||= 'True';
}

export function defaultJob(job: Job): void {
  const s = job.spec as JobSpecLoose;
  if (s.completions === undefined && s.parallelism === undefined) {
    s.completions = 1;
    s.parallelism = 1;
  }
  s.parallelism ??= 1;
  s.backoffLimit ??= s.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  const labels = s.template?.metadata?.labels;
  if (labels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
  s.completionMode ||= 'NonIndexed';
  s.suspend ??= false;
  s.podReplacementPolicy ||= s.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  s.manualSelector ??= false;
  defaultPodFailurePolicy(s);
  s.template = defaultTemplate(s.template);
}

export function defaultCronJob(cj: CronJob): void {
  const s = cj.spec;
  s.concurrencyPolicy ||= 'Allow';
  s.suspend ??= false;
  s.successfulJobsHistoryLimit ??= 3;
  s.failedJobsHistoryLimit ??= 1;
  if (s.jobTemplate?.spec) {
    defaultPodFailurePolicy(s.jobTemplate.spec as JobSpecLoose);
    s.jobTemplate.spec.template = defaultTemplate(s.jobTemplate.spec.template);
  }
}
