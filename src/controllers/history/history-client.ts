/**
 * Writing ControllerRevisions through the API server (history.realHistory): listing and adopting
 * an owner's revisions, creating one under a hash-derived name (with the collision count bumped
 * when a different revision already holds the name), renumbering one, deleting one.
 */
import { ownerRefTo } from '../../api/object-util.ts';
import type { Selector } from '../../api/selector.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { ControllerRevision, KubeObject, PodTemplateSpec } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { claimObjects } from '../util/controller-ref.ts';
import { controllerRevisionName, equalRevision, revisionData } from './controller-revision.ts';

/** The revisions an owner controls, adopting orphans its selector matches (ClaimControllerRevisions). */
export function claimRevisions(api: ApiServer, store: ObjectStore, owner: KubeObject, selector: Selector): ControllerRevision[] {
  return claimObjects(api, {
    owner,
    selector,
    owned: store.dependentsOf<ControllerRevision>(owner.metadata.uid!, 'ControllerRevision'),
    candidates: store.unsortedList<ControllerRevision>('ControllerRevision', { namespace: owner.metadata.namespace, selector }),
  });
}

/** A revision of `owner` recording `template`, not yet named (NewControllerRevision). */
export function draftRevision(owner: KubeObject, template: PodTemplateSpec, revision: number, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}): ControllerRevision {
  const labels = { ...(template.metadata?.labels ?? {}), ...(extra.labels ?? {}) };
  const rev: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name: '', namespace: owner.metadata.namespace, labels, ownerReferences: [ownerRefTo(owner)] },
    data: revisionData(template),
    revision,
  };
  if (extra.annotations && Object.keys(extra.annotations).length) rev.metadata.annotations = { ...extra.annotations };
  return rev;
}

export interface Collision {
  count: number;
}

/**
 * CreateControllerRevision: names the draft `<owner>-<hash(data, collision.count)>` (and labels it
 * with `hashLabel` when given) and creates it. If the name is taken by an equal revision, that one
 * is returned; by a different one, the collision count goes up and the next name is tried.
 */
export function createRevision(
  api: ApiServer,
  owner: KubeObject,
  draft: ControllerRevision,
  collision: Collision,
  hash: (data: unknown, collisionCount: number) => string,
  hashLabel?: string,
): ControllerRevision {
  for (let attempt = 0; attempt < 100; attempt++) {
    const h = hash(draft.data, collision.count);
    const rev: ControllerRevision = { ...draft, metadata: { ...draft.metadata, name: controllerRevisionName(owner.metadata.name, h) } };
    if (hashLabel) rev.metadata.labels = { ...(rev.metadata.labels ?? {}), [hashLabel]: h };
    try {
      return api.create(rev);
    } catch (e) {
      if (!(e instanceof ApiError) || e.reason !== 'AlreadyExists') throw e;
      const existing = api.tryGet<ControllerRevision>('ControllerRevision', owner.metadata.namespace ?? '', rev.metadata.name);
      if (existing && equalRevision(existing, rev)) return existing;
      collision.count++;
    }
  }
  throw new ApiError('InternalError', `could not find a free name for a revision of ${owner.metadata.name}`);
}

/** UpdateControllerRevision: gives an existing revision a new number (the rollback case). */
export function setRevisionNumber(api: ApiServer, rev: ControllerRevision, revision: number): ControllerRevision {
  if (rev.revision === revision) return rev;
  return api.update({ ...rev, revision });
}

export function deleteRevision(api: ApiServer, rev: ControllerRevision): void {
  try {
    api.delete('ControllerRevision', rev.metadata.namespace ?? '', rev.metadata.name);
  } catch (e) {
    if (!(e instanceof ApiError) || e.reason !== 'NotFound') throw e;
  }
}
