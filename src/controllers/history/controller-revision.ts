/**
 * ControllerRevisions (k8s pkg/controller/history/controller_history.go): the recorded pod
 * templates of a StatefulSet or DaemonSet, as pure data helpers.
 *
 * A revision's `data` is the strategic-merge patch that restores the owner's template:
 *
 *   data: {spec: {template: {$patch: replace, metadata: {creationTimestamp: null, labels: ...}, spec: ...}}}
 *
 * (getPatch in stateful_set_utils.go and daemon/update.go). Two revisions are equal when their data
 * are; revisions sort by `revision`, then creation time, then name.
 */
import { clone, deepEqual } from '../../api/object-util.ts';
import type { ControllerRevision, ObjectMeta, PodTemplateSpec } from '../../api/types/index.ts';

/** The label a StatefulSet revision carries with its hash (history.ControllerRevisionHashLabel). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

type RecordedMeta = Omit<ObjectMeta, 'creationTimestamp'> & { creationTimestamp: null };

export interface RevisionData {
  spec: { template: { $patch: 'replace'; metadata: RecordedMeta; spec: PodTemplateSpec['spec'] } };
}

/** `<prefix>-<hash>`, the prefix cut to 223 characters so the name stays within 253. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/**
 * The patch a revision stores for a template. The template's metadata always appears, with the
 * `creationTimestamp: null` that Go's encoder writes for an unset time.
 */
export function revisionData(template: PodTemplateSpec): RevisionData {
  const t = clone(template);
  const { creationTimestamp: _ignored, ...meta } = t.metadata ?? {};
  return { spec: { template: { $patch: 'replace', metadata: { creationTimestamp: null, ...meta }, spec: t.spec } } };
}

/** ApplyRevision for the only field a revision records: the pod template it restores. */
export function templateFromRevision(rev: ControllerRevision): PodTemplateSpec {
  const data = rev.data as Partial<RevisionData> | undefined;
  const stored = data?.spec?.template;
  if (!stored) throw new Error(`controllerrevision ${rev.metadata.name} holds no pod template`);
  const { $patch: _p, metadata, spec } = clone(stored);
  const { creationTimestamp: _c, ...meta } = (metadata ?? {}) as RecordedMeta;
  const template: PodTemplateSpec = { spec };
  if (Object.keys(meta).length > 0) template.metadata = meta;
  return template;
}

/** EqualRevision: the same recorded data. */
export function equalRevision(a: ControllerRevision | undefined, b: ControllerRevision | undefined): boolean {
  if (!a || !b) return a === b;
  return deepEqual(a.data, b.data);
}

/** FindEqualRevisions, in the order given. */
export function findEqualRevisions(revisions: readonly ControllerRevision[], needle: ControllerRevision): ControllerRevision[] {
  return revisions.filter((r) => equalRevision(r, needle));
}

/** byRevision.Less: revision number, then creation time, then name. */
export function compareRevisions(a: ControllerRevision, b: ControllerRevision): number {
  if (a.revision !== b.revision) return a.revision - b.revision;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export function sortRevisions(revisions: readonly ControllerRevision[]): ControllerRevision[] {
  return [...revisions].sort(compareRevisions);
}

/** The highest revision number (0 for none). */
export function maxRevision(revisions: readonly ControllerRevision[]): number {
  return revisions.reduce((m, r) => Math.max(m, r.revision), 0);
}

/** nextRevision: 1 for an empty history, else one more than the highest. */
export function nextRevision(revisions: readonly ControllerRevision[]): number {
  return maxRevision(revisions) + 1;
}
