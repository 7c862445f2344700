/**
 * What the Job controller asks of a pod (k8s job_controller.go, backoff_utils.go,
 * controller_utils.go): the tracking finalizer, the completion index, whether it counts as failed,
 * when it finished, and the order in which surplus active pods are removed.
 */
import type { Job, Pod } from '../../api/types/index.ts';
import { isPodReady, isPodTerminal, maxRestarts, podCondition } from '../util/pod.ts';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const JOB_INDEX_FAILURE_COUNT = 'batch.kubernetes.io/job-index-failure-count';
export const JOB_INDEX_IGNORED_FAILURE_COUNT = 'batch.kubernetes.io/job-index-ignored-failure-count';
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
/** An unknown or absent completion index. */
export const NO_INDEX = -1;

export function hasTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

export function isIndexedJob(job: Job): boolean {
  return job.spec.completionMode === 'Indexed';
}

/** podReplacementPolicy Failed (or a podFailurePolicy): replace a pod only once it has failed. */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec.podReplacementPolicy === 'Failed' || job.spec.podFailurePolicy !== undefined;
}

/**
 * isPodFailed: phase Failed, or (unless only failed pods are replaced) being deleted without having
 * succeeded, since an orphaned pod being deleted may never reach the Failed phase.
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** Being deleted and not yet terminal (controller.CountTerminatingPods counts these). */
export function isPodTerminatingNow(pod: Pod): boolean {
  return !!pod.metadata.deletionTimestamp && !isPodTerminal(pod);
}

/** The pod's completion index annotation, or NO_INDEX when absent or not a non-negative integer. */
export function completionIndex(pod: Pod): number {
  const v = pod.metadata.annotations?.[JOB_COMPLETION_INDEX];
  if (v === undefined || !/^[+]?\d+$/.test(v)) return NO_INDEX;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : NO_INDEX;
}

/** A non-negative int32 annotation value, else 0 (parseIndexFailureCountAnnotation). */
export function annotationCount(pod: Pod, key: string): number {
  const v = pod.metadata.annotations?.[key];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n < 0 || n > 2147483647 ? 0 : n;
}

/**
 * getFinishedTime: the latest container finishedAt when every container has terminated; else the
 * time Ready turned False; else deletionTimestamp minus the grace period; else creation.
 */
export function finishedTime(pod: Pod): number {
  const statuses = pod.status?.containerStatuses ?? [];
  let latest: number | undefined;
  let allDone = statuses.length > 0;
  for (const s of statuses) {
    const at = s.state.terminated?.finishedAt;
    if (!at) {
      allDone = false;
      break;
    }
    const t = Date.parse(at);
    if (latest === undefined || t > latest) latest = t;
  }
  if (allDone && latest !== undefined) return latest;
  const ready = podCondition(pod, 'Ready');
  if (ready?.status === 'False' && ready.lastTransitionTime) return Date.parse(ready.lastTransitionTime);
  if (pod.metadata.deletionTimestamp) return Date.parse(pod.metadata.deletionTimestamp) - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return Date.parse(pod.metadata.creationTimestamp ?? '');
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readySince(pod: Pod): number | undefined {
  const c = podCondition(pod, 'Ready');
  return c?.status === 'True' && c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
}

/** afterOrZero: an empty time sorts first, then the later time. */
function laterFirst(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined || Number.isNaN(a)) return -1;
  if (b === undefined || Number.isNaN(b)) return 1;
  return b - a;
}

/**
 * controller.ActivePods ordering, the pod removed first sorting first: unassigned before
 * assigned; Pending before Unknown before Running; not ready before ready; ready more recently
 * first; more restarts first; newer first. Names break remaining ties so runs repeat exactly.
 */
export function compareActivePods(a: Pod, b: Pod): number {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  if (ra && rb) {
    const d = laterFirst(readySince(a), readySince(b));
    if (d !== 0) return d;
  }
  const xa = maxRestarts(a);
  const xb = maxRestarts(b);
  if (xa !== xb) return xb - xa;
  const d = laterFirst(Date.parse(a.metadata.creationTimestamp ?? ''), Date.parse(b.metadata.creationTimestamp ?? ''));
  if (d !== 0) return d;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export function countReady(pods: Pod[]): number {
  return pods.filter(isPodReady).length;
}
