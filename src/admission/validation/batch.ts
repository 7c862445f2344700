/**
 * batch/v1 validation (pkg/apis/batch/validation): Jobs (generated selector, restart policy,
 * completion modes, immutable template) and CronJobs (schedule, time zone, job template).
 *
 * Examples:
 *   spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
 *   spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61
 *   spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss
 *   spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable
 */
import type { FieldError } from '../../apiserver/errors.ts';
import type { CronJob, Job, JobSpec, PodTemplateSpec } from '../../api/types/index.ts';
import { invalid, nonNegative, notSupported, Path, required } from '../util/field-path.ts';
import { goLabelSelector, goLiteral, goStringMap, goStruct } from '../util/go-format.ts';
import { fromLabelSelector, matches } from '../../api/selector.ts';
import { isDns1123Label, nameIsDnsSubdomain } from '../util/names.ts';
import { semanticEqual } from '../util/semantic.ts';
import { parseStandard } from './cron.ts';
import { validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';
import { validatePodTemplate } from './pod.ts';
import { isValidTimeZone } from './timezone.ts';
import { immutableSelector, selectorConvertible, validateSelectorMatchesTemplate } from './workload.ts';

const LEGACY_UID = 'controller-uid';
const LEGACY_NAME = 'job-name';
export const JOB_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';

type FullJobSpec = JobSpec & Record<string, any>;

function hasLabel(labels: Record<string, string> | undefined, key: string, expected: string, path: Path): FieldError[] {
  const p = path.child('labels').key(key);
  if (!labels || !(key in labels)) return [required(p, `must be '${expected}'`)];
  if (labels[key] !== expected) return [invalid(p, goLiteral(goStringMap(labels)), `must be '${expected}'`)];
  return [];
}

function validateGeneratedSelector(job: Job): FieldError[] {
  const s = job.spec;
  if (s.manualSelector || !s.selector) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  if (!uid) errs.push(required(Path.root('metadata', 'uid')));
  const tm = Path.root('spec', 'template', 'metadata');
  const labels = s.template?.metadata?.labels;
  errs.push(...hasLabel(labels, LEGACY_UID, uid, tm), ...hasLabel(labels, LEGACY_NAME, name, tm));
  errs.push(...hasLabel(labels, JOB_UID_LABEL, uid, tm), ...hasLabel(labels, JOB_NAME_LABEL, name, tm));
  const expected = { [JOB_UID_LABEL]: uid, [JOB_NAME_LABEL]: name, [LEGACY_UID]: uid, [LEGACY_NAME]: name };
  if (selectorConvertible(s.selector) && !matches(fromLabelSelector(s.selector), expected)) {
    errs.push(invalid(Path.root('spec', 'selector'), goLiteral(goLabelSelector(s.selector)), '`selector` not auto-generated'));
  }
  return errs;
}

/** validateJobSpec: the checks shared by Jobs and CronJob job templates. */
function validateJobSpecCommon(s: FullJobSpec, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex'] as const) {
    errs.push(...nonNegative(s[f], path.child(f)));
  }
  if (s.maxFailedIndexes !== undefined) {
    errs.push(...nonNegative(s.maxFailedIndexes, path.child('maxFailedIndexes')));
    if (s.backoffLimitPerIndex === undefined) errs.push(required(path.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  if (s.completionMode !== undefined) {
    if (s.completionMode !== 'NonIndexed' && s.completionMode !== 'Indexed') errs.push(notSupported(path.child('completionMode'), s.completionMode, ['NonIndexed', 'Indexed']));
    if (s.completionMode === 'Indexed') {
      if (s.completions === undefined) errs.push(required(path.child('completions'), 'when completion mode is Indexed'));
      if (s.parallelism !== undefined && s.parallelism > 100000) errs.push(invalid(path.child('parallelism'), s.parallelism, 'must be less than or equal to 100000 when completion mode is Indexed'));
    }
  }
  if (s.completionMode !== 'Indexed') {
    if (s.backoffLimitPerIndex !== undefined) errs.push(invalid(path.child('backoffLimitPerIndex'), s.backoffLimitPerIndex, 'requires indexed completion mode'));
    if (s.maxFailedIndexes !== undefined) errs.push(invalid(path.child('maxFailedIndexes'), s.maxFailedIndexes, 'requires indexed completion mode'));
  }
  const rules = (s.podFailurePolicy?.rules ?? []) as Record<string, any>[];
  rules.forEach((rule, i) => {
    const rp = path.child('podFailurePolicy', 'rules').index(i);
    const actions = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
    if (!rule.action) errs.push(required(rp.child('action'), `valid values: ["Count" "FailIndex" "FailJob" "Ignore"]`));
    else if (!actions.includes(rule.action)) errs.push(notSupported(rp.child('action'), rule.action, actions));
    if (rule.onExitCodes && (rule.onPodConditions ?? []).length > 0) errs.push(invalid(rp, null, 'specifying both OnExitCodes and OnPodConditions is not supported'));
    if (!rule.onExitCodes && (rule.onPodConditions ?? []).length === 0) errs.push(invalid(rp, null, 'specifying one of OnExitCodes and OnPodConditions is required'));
  });
  if (s.podReplacementPolicy !== undefined) {
    const allowed = s.podFailurePolicy ? ['Failed'] : ['Failed', 'TerminatingOrFailed'];
    if (!allowed.includes(s.podReplacementPolicy)) errs.push(notSupported(path.child('podReplacementPolicy'), s.podReplacementPolicy, allowed));
  }
  errs.push(...validatePodTemplate(s.template, path.child('template')));
  const rp = s.template?.spec?.restartPolicy ?? '';
  const rpPath = path.child('template', 'spec', 'restartPolicy');
  if (rp === 'Always' || rp === '') errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (s.podFailurePolicy && rp !== 'Never') errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

function validateJobSpec(s: FullJobSpec, path: Path): FieldError[] {
  const errs = validateJobSpecCommon(s, path);
  if (!s.selector) errs.push(required(path.child('selector')));
  else errs.push(...validateLabelSelector(s.selector, path.child('selector')));
  if (!s.selector || selectorConvertible(s.selector)) errs.push(...validateSelectorMatchesTemplate(s.selector, s.template, path.child('template')));
  return errs;
}

export function validateJob(job: Job, old?: Job): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(job.metadata, old.metadata) : [];
  errs.push(...validateObjectMeta(job.metadata, true, nameIsDnsSubdomain));
  errs.push(...validateGeneratedSelector(job));
  const spec = Path.root('spec');
  errs.push(...validateJobSpec(job.spec as FullJobSpec, spec));
  const s = job.spec;
  if (s.completionMode === 'Indexed' && s.completions !== undefined && s.completions > 0) {
    const host = `${job.metadata.name}-${s.completions - 1}`;
    if (isDns1123Label(host).length > 0) errs.push(invalid(Path.root('metadata', 'name'), job.metadata.name, `will not able to create pod with invalid DNS label: ${host}`));
  }
  if (!old) return errs;
  const o = old.spec;
  if (!semanticEqual(s.completions ?? null, o.completions ?? null)) errs.push(invalid(spec.child('completions'), s.completions ?? null, 'field is immutable'));
  errs.push(...immutableSelector(s.selector, o.selector, spec.child('selector'), semanticEqual));
  let oldTemplate: PodTemplateSpec = o.template;
  const mutableScheduling = o.suspend === true && !(old.status as { startTime?: string } | undefined)?.startTime;
  if (mutableScheduling) {
    oldTemplate = {
      metadata: { ...o.template.metadata, labels: s.template.metadata?.labels, annotations: s.template.metadata?.annotations },
      spec: { ...o.template.spec, nodeSelector: s.template.spec.nodeSelector, tolerations: s.template.spec.tolerations, schedulingGates: s.template.spec.schedulingGates, affinity: s.template.spec.affinity },
    };
  }
  if (!semanticEqual(s.template, oldTemplate)) {
    errs.push(invalid(spec.child('template'), goLiteral(goStruct('core.PodTemplateSpec', s.template)), 'field is immutable'));
  }
  for (const f of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy'] as const) {
    const now = (s as FullJobSpec)[f];
    if (!semanticEqual(now ?? null, (o as FullJobSpec)[f] ?? null)) errs.push(invalid(spec.child(f), typeof now === 'object' ? goLiteral(goStruct('', now)) : (now ?? null), 'field is immutable'));
  }
  return errs;
}

const TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateTimeZone(tz: string | undefined, path: Path): FieldError[] {
  if (tz === undefined) return [];
  if (tz.length === 0) return [invalid(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_PART.test(part)) return [invalid(path, tz, `unknown time zone ${tz}`)];
  }
  const errs: FieldError[] = [];
  if (tz.toLowerCase() === 'local') errs.push(invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  if (!isValidTimeZone(tz)) errs.push(invalid(path, tz, `unknown time zone ${tz}`));
  return errs;
}

export function validateCronJob(cj: CronJob, old?: CronJob): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(cj.metadata, old.metadata) : validateObjectMeta(cj.metadata, true, nameIsDnsSubdomain);
  const spec = Path.root('spec');
  const s = cj.spec;
  if (!s.schedule) errs.push(required(spec.child('schedule')));
  else {
    const parsed = parseStandard(s.schedule);
    if (typeof parsed === 'string') errs.push(invalid(spec.child('schedule'), s.schedule, parsed));
    const allowTz = old ? old.spec.schedule.includes('TZ') : false;
    if (allowTz && s.schedule.includes('TZ') && s.timeZone !== undefined) {
      errs.push(invalid(spec.child('schedule'), s.schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    } else if (!allowTz && s.schedule.includes('TZ')) {
      errs.push(invalid(spec.child('schedule'), s.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    }
  }
  errs.push(...nonNegative(s.startingDeadlineSeconds, spec.child('startingDeadlineSeconds')));
  if (!old || old.spec.timeZone !== s.timeZone) errs.push(...validateTimeZone(s.timeZone, spec.child('timeZone')));
  const cp = s.concurrencyPolicy ?? '';
  if (!cp) errs.push(required(spec.child('concurrencyPolicy')));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported(spec.child('concurrencyPolicy'), cp, ['Allow', 'Forbid', 'Replace']));
  const jt = spec.child('jobTemplate');
  const jobSpec = (s.jobTemplate?.spec ?? {}) as FullJobSpec;
  errs.push(...validateJobSpecCommon(jobSpec, jt.child('spec')));
  if (jobSpec.selector) errs.push(invalid(jt.child('spec', 'selector'), goLiteral(goLabelSelector(jobSpec.selector)), '`selector` will be auto-generated'));
  if (jobSpec.manualSelector) errs.push(notSupported(jt.child('spec', 'manualSelector'), true, ['nil', 'false']));
  errs.push(...nonNegative(s.successfulJobsHistoryLimit, spec.child('successfulJobsHistoryLimit')));
  errs.push(...nonNegative(s.failedJobsHistoryLimit, spec.child('failedJobsHistoryLimit')));
  if (!old && cj.metadata.name.length > 52) errs.push(invalid(Path.root('metadata', 'name'), cj.metadata.name, 'must be no more than 52 characters'));
  return errs;
}

