/**
 * A StatefulSet's current and update revisions (stateful_set_control.go getStatefulSetRevisions):
 *
 * - The update revision records the set's template now. If the newest revision already records
 *   it, that is the update revision; if an older one does (a rollback), that revision is given
 *   the next number; otherwise a new revision `<set>-<hash>` is created (hash: FNV-1 of the
 *   recorded patch, with the collision count mixed in when it is not 0).
 * - The current revision is the one status.currentRevision names, or the update revision for a
 *   new set.
 *
 *   revisions web-aaa (1), web-bbb (2); template reverted to web-aaa's → web-aaa becomes 3.
 */
import { computeRevisionHash } from '../../api/names.ts';
import type { ControllerRevision, StatefulSet } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { CONTROLLER_REVISION_HASH_LABEL, equalRevision, findEqualRevisions, nextRevision, sortRevisions, templateFromRevision } from '../history/controller-revision.ts';
import { createRevision, draftRevision, setRevisionNumber, type Collision } from '../history/history-client.ts';

export interface SetRevisions {
  current: ControllerRevision;
  update: ControllerRevision;
  collisionCount: number;
}

/** newRevision: the revision that would record the set's template now, not yet named. */
export function newSetRevision(set: StatefulSet, revision: number): ControllerRevision {
  return draftRevision(set, set.spec.template, revision, { annotations: set.metadata.annotations });
}

export function getStatefulSetRevisions(api: ApiServer, set: StatefulSet, revisions: ControllerRevision[]): SetRevisions {
  const sorted = sortRevisions(revisions);
  const collision: Collision = { count: set.status?.collisionCount ?? 0 };
  const draft = newSetRevision(set, nextRevision(sorted));
  const equal = findEqualRevisions(sorted, draft);
  let update: ControllerRevision;
  if (equal.length > 0 && equalRevision(sorted[sorted.length - 1], equal[equal.length - 1])) {
    update = sorted[sorted.length - 1];
  } else if (equal.length > 0) {
    update = setRevisionNumber(api, equal[equal.length - 1], draft.revision);
  } else {
    update = createRevision(api, set, draft, collision, (data, n) => computeRevisionHash(data, n), CONTROLLER_REVISION_HASH_LABEL);
  }
  const name = set.status?.currentRevision;
  const current = name === update.metadata.name ? update : (sorted.find((r) => r.metadata.name === name) ?? update);
  return { current, update, collisionCount: collision.count };
}

/** ApplyRevision: the set as it was at a revision (its template restored). */
export function applyRevision(set: StatefulSet, revision: ControllerRevision): StatefulSet {
  return { ...set, spec: { ...set.spec, template: templateFromRevision(revision) } };
}
