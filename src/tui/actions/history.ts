/**
 * A Deployment's rollout history, read from the store as kubectl reads it (`kubectl rollout
 * history` lists the Deployment's ReplicaSets by their `deployment.kubernetes.io/revision`): for
 * each revision its change-cause (`kubernetes.io/change-cause`) and its images, and which one is
 * current. The history dialog shows these; undoing goes through `kubectl rollout undo`.
 */
import type { ObjectStore } from '../../api/store.ts';
import type { Deployment, ReplicaSet } from '../../api/types/index.ts';
import { REVISION_ANNOTATION } from '../views/extras.ts';

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

export interface Revision {
  revision: number;
  changeCause: string;
  images: string;
  replicaSet: string;
  current: boolean;
}

export function deploymentRevisions(store: ObjectStore, d: Deployment): Revision[] {
  const current = d.metadata.annotations?.[REVISION_ANNOTATION];
  const owned = store.dependentsOf<ReplicaSet>(d.metadata.uid ?? '', 'ReplicaSet').filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid));
  return owned
    .map((rs) => {
      const rev = rs.metadata.annotations?.[REVISION_ANNOTATION];
      return {
        revision: rev === undefined ? 0 : Number(rev),
        changeCause: rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '<none>',
        images: (rs.spec.template?.spec.containers ?? []).map((c) => c.image ?? '').join(','),
        replicaSet: rs.metadata.name,
        current: rev !== undefined && rev === current,
      };
    })
    .filter((r) => r.revision > 0)
    .sort((a, b) => a.revision - b.revision);
}

/** The revision `rollout undo` without --to-revision goes back to: the latest before the current. */
export function previousRevision(revisions: readonly Revision[]): Revision | undefined {
  const cur = revisions.find((r) => r.current);
  return [...revisions].reverse().find((r) => !r.current && (!cur || r.revision < cur.revision));
}
