/**
 * StatefulSet pod identity (k8s statefulset/stateful_set_utils.go): ordinal names, the identity
 * labels, hostname and subdomain, the claims from volumeClaimTemplates and the pod volumes that
 * mount them, and new pods at a given revision.
 *
 *   set web, ordinals.start 0, replicas 3   → pods web-0, web-1, web-2
 *   template www, ordinal 1                 → claim www-web-1, pod volume {name: www, claimName: www-web-1}
 */
import { clone } from '../../api/object-util.ts';
import type { PersistentVolumeClaim, Pod, StatefulSet, Volume } from '../../api/types/index.ts';
import { podFromTemplate } from '../util/pod-template.ts';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

const ORDINAL_NAME = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: `web-12` → {parent: web, ordinal: 12}; no ordinal → -1. */
export function parentAndOrdinal(name: string): { parent: string; ordinal: number } {
  const m = ORDINAL_NAME.exec(name);
  if (!m) return { parent: '', ordinal: -1 };
  const n = Number(m[2]);
  return { parent: m[1], ordinal: Number.isSafeInteger(n) && n <= 2147483647 ? n : -1 };
}

export function getOrdinal(pod: Pod): number {
  return parentAndOrdinal(pod.metadata.name).ordinal;
}

export function startOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

export function replicasOf(set: StatefulSet): number {
  return set.spec.replicas ?? 1;
}

/** The last ordinal in range (inclusive); start − 1 when there are no replicas. */
export function endOrdinal(set: StatefulSet): number {
  return startOrdinal(set) + replicasOf(set) - 1;
}

export function inOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const o = getOrdinal(pod);
  return o >= startOrdinal(set) && o <= endOrdinal(set);
}

export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

export function claimName(set: StatefulSet, template: PersistentVolumeClaim, ordinal: number): string {
  return `${template.metadata.name}-${set.metadata.name}-${ordinal}`;
}

export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parentAndOrdinal(pod.metadata.name).parent === set.metadata.name;
}

export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod.metadata.name);
  return (
    ordinal >= 0 &&
    parent === set.metadata.name &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name
  );
}

/** The pod mounts, under each template's name, that template's claim for its ordinal. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  return (set.spec.volumeClaimTemplates ?? []).every((t) => volumes.get(t.metadata.name)?.persistentVolumeClaim?.claimName === claimName(set, t, ordinal));
}

/**
 * getPersistentVolumeClaims: the claims a member needs, in template order: each template under
 * its per-ordinal name, labelled with the template's labels plus the set's matchLabels.
 */
export function claimsFor(set: StatefulSet, ordinal: number): PersistentVolumeClaim[] {
  return (set.spec.volumeClaimTemplates ?? []).map((t) => {
    const claim = clone(t);
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    claim.metadata = { ...claim.metadata, name: claimName(set, t, ordinal), namespace: set.metadata.namespace };
    claim.metadata.labels = { ...(claim.metadata.labels ?? {}), ...(set.spec.selector.matchLabels ?? {}) };
    delete claim.status;
    return claim;
  });
}

/** updateIdentity: the name-derived labels (pod-name and, with PodIndexLabel, pod-index). */
export function updateIdentity(set: StatefulSet, pod: Pod): void {
  const ordinal = getOrdinal(pod);
  pod.metadata.name = podName(set, ordinal);
  pod.metadata.namespace = set.metadata.namespace;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [POD_NAME_LABEL]: pod.metadata.name, [POD_INDEX_LABEL]: String(ordinal) };
}

/** updateStorage: the claim volumes first (template order), then the pod's other volumes. */
export function updateStorage(set: StatefulSet, pod: Pod): void {
  const ordinal = getOrdinal(pod);
  const templates = set.spec.volumeClaimTemplates ?? [];
  const names = new Set(templates.map((t) => t.metadata.name));
  const claimVolumes: Volume[] = templates.map((t) => ({ name: t.metadata.name, persistentVolumeClaim: { claimName: claimName(set, t, ordinal) } }));
  const others = (pod.spec.volumes ?? []).filter((v) => !names.has(v.name));
  const volumes = [...claimVolumes, ...others];
  if (volumes.length) pod.spec.volumes = volumes;
}

export function getPodRevision(pod: Pod): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}

/** newStatefulSetPod: the template's pod named for its ordinal, with hostname and subdomain. */
export function newStatefulSetPod(set: StatefulSet, ordinal: number, revision: string): Pod {
  const pod = podFromTemplate(set.spec.template, set, { name: podName(set, ordinal) });
  updateIdentity(set, pod);
  pod.spec.hostname = pod.metadata.name;
  if (set.spec.serviceName) pod.spec.subdomain = set.spec.serviceName;
  updateStorage(set, pod);
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [REVISION_LABEL]: revision };
  return pod;
}

/**
 * newVersionedStatefulSetPod: ordinals below start + partition (RollingUpdate) are made from the
 * current revision's template, the others from the update revision's.
 *
 *   replicas 4, partition 2: web-0, web-1 at the current revision; web-2, web-3 at the update one.
 */
export function newVersionedPod(currentSet: StatefulSet, updateSet: StatefulSet, currentRevision: string, updateRevision: string, ordinal: number): Pod {
  const strategy = currentSet.spec.updateStrategy;
  const partition = strategy?.rollingUpdate?.partition;
  if ((strategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && partition !== undefined && ordinal < startOrdinal(currentSet) + partition) {
    return newStatefulSetPod(currentSet, ordinal, currentRevision);
  }
  return newStatefulSetPod(updateSet, ordinal, updateRevision);
}
