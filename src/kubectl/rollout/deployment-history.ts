/**
 * A Deployment's revisions as kubectl finds them (deploymentutil.GetAllReplicaSets): the
 * ReplicaSets that match its selector and name it as their controller; the "new" one is the
 * oldest whose pod template equals the Deployment's, ignoring the pod-template-hash label. Each
 * carries its revision in the `deployment.kubernetes.io/revision` annotation (none reads as 0).
 */
import { deepEqual } from '../../api/object-util.ts';
import { fromLabelSelector } from '../../api/selector.ts';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { KubectlError } from '../errors.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const HASH_LABEL = 'pod-template-hash';

export interface DeploymentReplicaSets {
  all: ReplicaSet[];
  newRS?: ReplicaSet;
  oldRSs: ReplicaSet[];
}

export function deploymentReplicaSets(api: ApiServer, d: Deployment): DeploymentReplicaSets {
  const owned = api
    .list<ReplicaSet>('ReplicaSet', d.metadata.namespace, fromLabelSelector(d.spec.selector))
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
  const byAge = [...owned].sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  const newRS = byAge.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
  return { all: owned, newRS, oldRSs: owned.filter((rs) => rs !== newRS) };
}

/** deploymentutil.Revision: the annotation as an integer; absent is 0. */
export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  if (!/^[+-]?\d+$/.test(v)) throw new KubectlError(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return Number(v);
}

/** Two pod templates are the same rollout when they differ at most in the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return deepEqual(withoutHash(a), withoutHash(b));
}

export function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec | undefined {
  if (!t) return t;
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}
