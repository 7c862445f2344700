/**
 * A DaemonSet's ControllerRevisions (daemon/update.go constructHistory / cleanupHistory / snapshot).
 *
 * The current revision records the template now: `<ds>-<hash>`, hash = controller.ComputeHash of
 * the template (with status.collisionCount), labels = template labels + controller-revision-hash,
 * annotations = the DaemonSet's. Pods carry the bare hash. An older revision equal to the template
 * (a rollback) is reused and renumbered max+1; duplicates keep the highest. Old revisions beyond
 * revisionHistoryLimit go oldest first, unless a pod still carries their hash.
 */
import { computeTemplateHash } from '../../api/names.ts';
import { clone } from '../../api/object-util.ts';
import type { ControllerRevision, DaemonSet, Pod } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { controllerRevisionName, equalRevision, maxRevision, sortRevisions } from '../history/controller-revision.ts';
import { deleteRevision, draftRevision, setRevisionNumber } from '../history/history-client.ts';
import { daemonSetRevisionsToPrune } from '../history/prune.ts';
import { REVISION_HASH_LABEL } from './util.ts';

export interface DaemonSetHistory {
  current: ControllerRevision;
  old: ControllerRevision[];
}

/** Thrown when the name is taken by a different revision; the collision count was raised. */
export class HashCollisionError extends Error {}

export function constructHistory(api: ApiServer, ds: DaemonSet, histories: ControllerRevision[], pods: Pod[]): DaemonSetHistory {
  const wanted = draftRevision(ds, ds.spec.template, 0);
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (let h of histories) {
    if (!h.metadata.labels?.[REVISION_HASH_LABEL]) {
      h = api.update({ ...h, metadata: { ...h.metadata, labels: { ...(h.metadata.labels ?? {}), [REVISION_HASH_LABEL]: h.metadata.name } } });
    }
    (equalRevision(h, wanted) ? current : old).push(h);
  }
  const revision = maxRevision(old) + 1;
  if (current.length === 0) return { current: snapshot(api, ds, revision), old };
  const keep = dedupCurrent(api, current, pods);
  return { current: keep.revision < revision ? setRevisionNumber(api, keep, revision) : keep, old };
}

/** dedupCurHistories: the highest-numbered equal revision stays; pods are relabelled to it. */
function dedupCurrent(api: ApiServer, current: ControllerRevision[], pods: Pod[]): ControllerRevision {
  if (current.length === 1) return current[0];
  const keep = current.reduce((a, b) => (b.revision >= a.revision ? b : a));
  const hash = keep.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
  for (const pod of pods) {
    if (pod.metadata.labels?.[REVISION_HASH_LABEL] === hash) continue;
    const copy = clone(pod);
    copy.metadata.labels = { ...(copy.metadata.labels ?? {}), [REVISION_HASH_LABEL]: hash };
    api.update(copy);
  }
  for (const h of current) if (h !== keep) deleteRevision(api, h);
  return keep;
}

function snapshot(api: ApiServer, ds: DaemonSet, revision: number): ControllerRevision {
  const hash = computeTemplateHash(ds.spec.template, ds.status?.collisionCount);
  const rev = draftRevision(ds, ds.spec.template, revision, { labels: { [REVISION_HASH_LABEL]: hash }, annotations: ds.metadata.annotations });
  rev.metadata.name = controllerRevisionName(ds.metadata.name, hash);
  try {
    return api.create(rev);
  } catch (e) {
    if (!(e instanceof ApiError) || e.reason !== 'AlreadyExists') throw e;
    const existing = api.tryGet<ControllerRevision>('ControllerRevision', ds.metadata.namespace ?? '', rev.metadata.name);
    if (existing && equalRevision(existing, rev)) return existing;
    const stored = api.get<DaemonSet>('DaemonSet', ds.metadata.namespace ?? '', ds.metadata.name);
    api.updateStatus({ ...stored, status: { ...stored.status!, collisionCount: (stored.status?.collisionCount ?? 0) + 1 } });
    throw new HashCollisionError(`found a hash collision for DaemonSet "${ds.metadata.name}"`);
  }
}

/** cleanupHistory: the hashes pods carry (terminal pods included) keep their revisions. */
export function cleanupHistory(api: ApiServer, ds: DaemonSet, old: ControllerRevision[], pods: Pod[]): void {
  const live = new Set(pods.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL]).filter((h): h is string => !!h));
  const doomed = daemonSetRevisionsToPrune(sortRevisions(old), live, ds.spec.revisionHistoryLimit ?? 10, (r) => r.metadata.labels?.[REVISION_HASH_LABEL]);
  for (const r of doomed) deleteRevision(api, r);
}
