/**
 * StatefulSet and DaemonSet revisions: the ControllerRevisions that match the object's selector and
 * name it as their controller. Each has a `revision` number and `data`, the strategic merge patch
 * that restores that revision's pod template (`{spec: {template: {..., $patch: replace}}}`).
 */
import { clone, deepEqual } from '../../api/object-util.ts';
import { fromLabelSelector } from '../../api/selector.ts';
import type { ControllerRevision, KubeObject, LabelSelector } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { strategicMerge } from '../../apiserver/patch.ts';

export function controlledRevisions(api: ApiServer, owner: KubeObject): ControllerRevision[] {
  const selector = (owner.spec as { selector?: LabelSelector } | undefined)?.selector;
  return api
    .list<ControllerRevision>('ControllerRevision', owner.metadata.namespace, fromLabelSelector(selector))
    .filter((cr) => cr.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid));
}

/** The object as it would be at that revision (the revision's patch applied to a copy). */
export function applyRevision<T extends KubeObject>(obj: T, rev: ControllerRevision): T {
  return strategicMerge(clone(obj) as never, clone(rev.data ?? {}) as never, []) as unknown as T;
}

/**
 * Whether the object's pod template is already the revision's (kubectl's daemonSetMatch /
 * statefulsetMatch: the object's template patch byte-compared with the revision's data). kubectl
 * builds its patch by encoding the typed object, so an unset time comes out as
 * `creationTimestamp: null` exactly as in the controller's recorded data; a template compared
 * without it would never match and `rollout undo --to-revision=<current>` would roll back to itself.
 */
export function matchesRevision(obj: KubeObject, rev: ControllerRevision): boolean {
  const template = (obj.spec as { template?: unknown } | undefined)?.template;
  const recorded = (rev.data as { spec?: { template?: unknown } } | undefined)?.spec?.template;
  return recorded !== undefined && deepEqual(asEncoded(template), asEncoded(recorded));
}

/** A template as Go encodes it into a revision patch: metadata present, creationTimestamp null, no $patch. */
function asEncoded(template: unknown): Record<string, unknown> {
  const { $patch: _patch, metadata, ...rest } = (template ?? {}) as Record<string, unknown>;
  const { creationTimestamp: _created, ...meta } = (metadata ?? {}) as Record<string, unknown>;
  return { ...rest, metadata: { ...meta, creationTimestamp: null } };
}
