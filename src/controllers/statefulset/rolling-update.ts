/**
 * The RollingUpdate strategy (stateful_set_control.go, end of updateStatefulSet; the
 * MaxUnavailableStatefulSet gate is off in v1.32): from the highest ordinal down to the partition,
 * delete the first pod not at the update revision, then wait for its replacement (made at the
 * update revision on a later pass) to be Running and Ready before going on.
 *
 *   replicas 3, partition 1, all at rev A, update rev B:
 *   delete web-2 → web-2 comes back at B, Ready → delete web-1 → ... → web-0 stays at A.
 */
import type { Pod, StatefulSet } from '../../api/types/index.ts';
import { getPodRevision } from './identity.ts';
import type { StatefulPodControl } from './pod-control.ts';
import { isHealthy, isTerminating } from './pod-state.ts';
import type { SetStatus } from './status.ts';

export function rollingUpdate(control: StatefulPodControl, set: StatefulSet, replicas: Pod[], updateRevision: string, status: SetStatus): void {
  const updateMin = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const pod = replicas[target];
    if (getPodRevision(pod) !== updateRevision && !isTerminating(pod)) {
      control.deleteStatefulPod(set, pod);
      status.currentReplicas--;
      return;
    }
    if (!isHealthy(pod)) return;
  }
}
