/**
 * What the registry strategies decide about an object as the API server writes or deletes it:
 * whether an update moves metadata.generation on, what keeps an object marked for deletion in
 * the store, and the propagation a DELETE gets when it names none.
 */
import type { KindInfo } from '../api/kinds.ts';
import { deepEqual } from '../api/object-util.ts';
import type { KubeObject } from '../api/types/index.ts';
import type { PropagationPolicy } from './apiserver.ts';

/**
 * What keeps an object marked for deletion in the store: finalizers, a namespace's spec.finalizers
 * (the namespace controller empties it), or a pod's kubelet that has not yet confirmed (grace > 0).
 */
export function blocksRemoval(obj: KubeObject): boolean {
  if ((obj.metadata.finalizers ?? []).length > 0) return true;
  if (namespaceFinalizers(obj)) return true;
  return obj.kind === 'Pod' && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
}

export function namespaceFinalizers(obj: KubeObject): boolean {
  return obj.kind === 'Namespace' && ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length > 0;
}

/**
 * Whether an update moves metadata.generation on: a change of spec, as most strategies decide; an
 * EndpointSlice has no spec, and its strategy counts any change outside metadata, or of its labels.
 */
export function generationChanged(kind: string, obj: KubeObject, old: KubeObject): boolean {
  if (kind === 'EndpointSlice') return !deepEqual(stripMeta(obj), stripMeta(old)) || !deepEqual(obj.metadata.labels ?? {}, old.metadata.labels ?? {});
  return !deepEqual(obj.spec, old.spec);
}

export function stripMeta(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, ...rest } = obj;
  return rest;
}

export function setEquals(a: Set<string>, b: string[]): boolean {
  return a.size === b.length && b.every((x) => a.has(x));
}

/** The API's default when DELETE names no propagation policy: Jobs orphan their pods (back-compat). */
export function defaultPropagation(info: KindInfo): PropagationPolicy {
  return info.kind === 'Job' ? 'Orphan' : 'Background';
}
