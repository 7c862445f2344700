/**
 * The Job controller (k8s pkg/controller/job/job_controller.go): runs pods to completion.
 *
 * Keys: `<ns>/<job>` for a Job sync (sync.ts), `orphan:<ns>/<pod>` to take the tracking finalizer
 * off a pod whose Job is gone or finished. As upstream, a Job's own creation, deletion or spec
 * change syncs it at once; pod events and status-only updates are batched one second
 * (syncJobBatchPeriod), so a Job notices a finished pod about a second after its kubelet did.
 */
import { controllerRef, objectKey, splitKey } from '../../api/object-util.ts';
import { fromLabelSelector, matches } from '../../api/selector.ts';
import type { ObjectStore, WatchEvent } from '../../api/store.ts';
import type { Job, OwnerReference, Pod } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import type { Controller, ControllerManager, ReconcileResult, WatchSpec } from '../runtime.ts';
import { BackoffStore } from './backoff.ts';
import { isJobFinished } from './conditions.ts';
import { SYNC_BATCH_MS, type JobDeps } from './context.ts';
import { hasTrackingFinalizer, JOB_TRACKING_FINALIZER } from './pods.ts';
import { managedByOther, syncJob } from './sync.ts';

const ORPHAN = 'orphan:';

export class JobController implements Controller {
  readonly name = 'job-controller';
  private deps: JobDeps;

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    clock: Clock,
    events: EventRecorder,
    private manager: ControllerManager,
  ) {
    this.deps = {
      store,
      api,
      clock,
      events,
      backoff: new BackoffStore(),
      enqueueAfter: (key, ms) => this.manager.enqueueAfter(this.name, key, ms),
    };
  }

  watches(): WatchSpec[] {
    return [
      { kind: 'Job', keys: (e) => this.jobEvent(e) },
      { kind: 'Pod', keys: (e) => this.podEvent(e) },
    ];
  }

  private batched(job: Job): void {
    this.deps.enqueueAfter(objectKey(job), SYNC_BATCH_MS);
  }

  private jobEvent(e: WatchEvent): string[] {
    const job = e.object as Job;
    const key = objectKey(job);
    if (e.type === 'DELETED') return [key, ...this.podsToClean(job)];
    if (e.type === 'ADDED') return [key];
    const old = e.old as Job;
    const keys: string[] = [];
    if (old.metadata.generation === job.metadata.generation) this.batched(job);
    else keys.push(key);
    if (isJobFinished(job)) keys.push(...this.podsToClean(job));
    const ads = job.spec.activeDeadlineSeconds;
    if (job.status?.startTime && ads !== undefined && ads !== old.spec.activeDeadlineSeconds) {
      this.deps.enqueueAfter(key, ads * 1000 - (this.deps.clock.now() - Date.parse(job.status.startTime)));
    }
    return keys;
  }

  /** cleanupPodFinalizers: the Job's pods still holding the finalizer. */
  private podsToClean(job: Job): string[] {
    const selector = fromLabelSelector(job.spec.selector);
    return this.store
      .unsortedList<Pod>('Pod', { namespace: job.metadata.namespace, selector })
      .filter((p) => controllerRef(p)?.uid === job.metadata.uid && hasTrackingFinalizer(p))
      .map((p) => ORPHAN + objectKey(p));
  }

  private resolve(namespace: string, ref: OwnerReference | undefined): Job | undefined {
    if (!ref || ref.kind !== 'Job') return undefined;
    const job = this.store.get<Job>('Job', namespace, ref.name);
    return job && job.metadata.uid === ref.uid ? job : undefined;
  }

  private podEvent(e: WatchEvent): string[] {
    const pod = e.object as Pod;
    const ns = pod.metadata.namespace!;
    const ref = controllerRef(pod);
    if (e.type === 'DELETED' || pod.metadata.deletionTimestamp) {
      const job = this.resolve(ns, ref);
      if (!job || isJobFinished(job)) return hasTrackingFinalizer(pod) ? [ORPHAN + objectKey(pod)] : [];
      this.batched(job);
      return [];
    }
    const keys: string[] = [];
    const oldRef = e.old ? controllerRef(e.old) : undefined;
    const refChanged = e.type === 'MODIFIED' && (oldRef?.uid !== ref?.uid || oldRef?.controller !== ref?.controller);
    if (refChanged) {
      const oldJob = this.resolve(ns, oldRef);
      if (oldJob) this.batched(oldJob);
    }
    if (ref) {
      const job = this.resolve(ns, ref);
      if (job) this.batched(job);
      return keys;
    }
    if (hasTrackingFinalizer(pod)) keys.push(ORPHAN + objectKey(pod));
    const labelsChanged = e.type === 'ADDED' || refChanged || JSON.stringify(e.old?.metadata.labels ?? {}) !== JSON.stringify(pod.metadata.labels ?? {});
    if (labelsChanged) {
      for (const job of this.store.unsortedList<Job>('Job', { namespace: ns })) {
        if (matches(fromLabelSelector(job.spec.selector), pod.metadata.labels)) this.batched(job);
      }
    }
    return keys;
  }

  reconcile(key: string): ReconcileResult | void {
    if (key.startsWith(ORPHAN)) return this.syncOrphanPod(key.slice(ORPHAN.length));
    syncJob(this.deps, key);
  }

  /** syncOrphanPod: the finalizer comes off unless a live, unfinished Job of ours controls the pod. */
  private syncOrphanPod(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.store.get<Pod>('Pod', namespace, name);
    if (!pod || !hasTrackingFinalizer(pod)) return;
    const ref = controllerRef(pod);
    if (ref) {
      if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return;
      const job = this.resolve(namespace, ref);
      if (job && managedByOther(job)) return;
      if (job && !isJobFinished(job)) return;
    }
    this.api.removeFinalizer('Pod', namespace, name, JOB_TRACKING_FINALIZER);
  }
}
