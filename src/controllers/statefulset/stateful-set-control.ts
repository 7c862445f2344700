/**
 * defaultStatefulSetControl.UpdateStatefulSet: revisions, one pass over the pods (update-set.ts),
 * the status (written only when it changed, with a finished rolling update completed first), and
 * revision history kept to revisionHistoryLimit (history/prune.ts).
 */
import type { ObjectStore } from '../../api/store.ts';
import type { ControllerRevision, Pod, StatefulSet } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { sortRevisions } from '../history/controller-revision.ts';
import { deleteRevision } from '../history/history-client.ts';
import { statefulSetRevisionsToPrune } from '../history/prune.ts';
import { getPodRevision } from './identity.ts';
import type { StatefulPodControl, SyncError } from './pod-control.ts';
import { getStatefulSetRevisions, type SetRevisions } from './revisions.ts';
import { completeRollingUpdate, inconsistentStatus, toApiStatus, type SetStatus } from './status.ts';
import { updateStatefulSet } from './update-set.ts';

export interface SyncResult {
  status?: SetStatus;
  error?: SyncError;
}

export class StatefulSetControl {
  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private podControl: StatefulPodControl,
  ) {}

  sync(set: StatefulSet, pods: Pod[], revisions: ControllerRevision[], now: number): SyncResult {
    const sorted = sortRevisions(revisions);
    let revs: SetRevisions | undefined;
    try {
      revs = getStatefulSetRevisions(this.api, set, sorted);
      const { status, error } = updateStatefulSet({ control: this.podControl, now }, set, revs, pods);
      this.writeStatus(set, status);
      return { status, error };
    } finally {
      this.truncateHistory(set, pods, sorted, revs);
    }
  }

  private writeStatus(set: StatefulSet, status: SetStatus): void {
    completeRollingUpdate(set, status);
    const stored = this.store.get<StatefulSet>('StatefulSet', set.metadata.namespace ?? '', set.metadata.name);
    if (!stored || stored.metadata.uid !== set.metadata.uid) return;
    if (!inconsistentStatus(stored, status)) return;
    try {
      this.api.updateStatus({ ...stored, status: toApiStatus(status, stored.status?.conditions) });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  /** Deletes the oldest revisions nothing uses beyond revisionHistoryLimit. */
  private truncateHistory(set: StatefulSet, pods: Pod[], sorted: ControllerRevision[], revs: SetRevisions | undefined): void {
    const live = new Set<string>();
    if (revs) {
      live.add(revs.current.metadata.name);
      live.add(revs.update.metadata.name);
    }
    for (const p of pods) live.add(getPodRevision(p));
    // A revision renumbered by a rollback is the update revision now, so it is live under its name.
    for (const r of statefulSetRevisionsToPrune(sorted, live, set.spec.revisionHistoryLimit ?? 10)) deleteRevision(this.api, r);
  }
}
