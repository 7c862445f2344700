/**
 * getPodsForJob (k8s job_controller.go): the pods a Job manages. Orphans matching its selector are
 * adopted (a controller reference, and the tracking finalizer so they are counted); owned pods
 * whose labels stopped matching are released. A Job being deleted adopts nothing.
 */
import { clone, controllerRef } from '../../api/object-util.ts';
import { fromLabelSelector } from '../../api/selector.ts';
import type { Job, Pod } from '../../api/types/index.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { claimObjects } from '../util/controller-ref.ts';
import type { JobDeps } from './context.ts';
import { hasTrackingFinalizer, JOB_TRACKING_FINALIZER } from './pods.ts';

function byName(a: Pod, b: Pod): number {
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export function claimJobPods(deps: JobDeps, job: Job): Pod[] {
  const uid = job.metadata.uid!;
  const selector = fromLabelSelector(job.spec.selector);
  const owned = deps.store.dependentsOf<Pod>(uid, 'Pod');
  const ownedBefore = new Set(owned.filter((p) => controllerRef(p)?.uid === uid).map((p) => p.metadata.uid!));
  const claimed = claimObjects(deps.api, {
    owner: job,
    selector,
    owned,
    candidates: deps.store.unsortedList<Pod>('Pod', { namespace: job.metadata.namespace, selector }),
  });
  return claimed
    .map((p) => {
      if (ownedBefore.has(p.metadata.uid!) || hasTrackingFinalizer(p)) return p;
      const copy = clone(p);
      copy.metadata.finalizers = [...(copy.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER];
      try {
        return deps.api.update(copy);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        return p;
      }
    })
    .sort(byName);
}
