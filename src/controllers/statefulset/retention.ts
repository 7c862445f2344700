/**
 * persistentVolumeClaimRetentionPolicy as owner references on the claims (stateful_set_utils.go
 * isClaimOwnerUpToDate / updateClaimOwnerRefForSetAndPod). The garbage collector does the
 * deleting:
 *
 *   whenDeleted Retain, whenScaled Retain → no reference: claims outlive everything
 *   whenDeleted Delete, whenScaled Retain → controller reference to the set
 *   whenDeleted Retain, whenScaled Delete → a condemned pod's claims: controller reference to the pod
 *   whenDeleted Delete, whenScaled Delete → in range: to the set; condemned: to the pod
 *
 * A reference naming our set or pod but with another uid is stale (a previous incarnation): such a
 * claim is left alone; one controlled by someone else loses only our references.
 */
import type { KubeObject, OwnerReference, PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types/index.ts';
import { inOrdinalRange } from './identity.ts';

type Policy = 'Retain' | 'Delete';

export function retentionPolicy(set: StatefulSet): { whenDeleted: Policy; whenScaled: Policy } {
  const p = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
  return { whenDeleted: p.whenDeleted ?? 'Retain', whenScaled: p.whenScaled ?? 'Retain' };
}

function matchesRef(ref: OwnerReference, obj: KubeObject, apiVersion: string, kind: string): boolean {
  return ref.apiVersion === apiVersion && ref.kind === kind && ref.name === obj.metadata.name;
}

const isSetRef = (ref: OwnerReference, set: StatefulSet) => matchesRef(ref, set, 'apps/v1', 'StatefulSet');
const isPodRef = (ref: OwnerReference, pod: Pod) => matchesRef(ref, pod, 'v1', 'Pod');

/** A reference to this object's name and kind, but another uid. */
export function hasStaleOwnerRef(claim: PersistentVolumeClaim, obj: KubeObject, apiVersion: string, kind: string): boolean {
  const ref = (claim.metadata.ownerReferences ?? []).find((r) => matchesRef(r, obj, apiVersion, kind));
  return !!ref && ref.uid !== obj.metadata.uid;
}

function hasOwnerRef(claim: PersistentVolumeClaim, owner: KubeObject): boolean {
  return (claim.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid);
}

/** With a Delete policy, a controller other than our set or pod (or a stale one of ours). */
export function hasUnexpectedController(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  const p = retentionPolicy(set);
  if (p.whenDeleted === 'Retain' && p.whenScaled === 'Retain') return false;
  for (const ref of claim.metadata.ownerReferences ?? []) {
    if (isSetRef(ref, set)) {
      if (ref.uid !== set.metadata.uid) return true;
      continue;
    }
    if (isPodRef(ref, pod)) {
      if (ref.uid !== pod.metadata.uid) return true;
      continue;
    }
    if (ref.controller) return true;
  }
  return false;
}

function hasNonControllerOwner(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  return (claim.metadata.ownerReferences ?? []).some((r) => (r.uid === set.metadata.uid || r.uid === pod.metadata.uid) && !r.controller);
}

export function isClaimOwnerUpToDate(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  if (hasStaleOwnerRef(claim, set, 'apps/v1', 'StatefulSet') || hasStaleOwnerRef(claim, pod, 'v1', 'Pod')) return true;
  if (hasUnexpectedController(claim, set, pod)) return !(hasOwnerRef(claim, set) || hasOwnerRef(claim, pod));
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const { whenDeleted, whenScaled } = retentionPolicy(set);
  const scaledDown = !inOrdinalRange(pod, set);
  const wantSet = whenDeleted === 'Delete' && (whenScaled === 'Retain' || !scaledDown);
  const wantPod = whenScaled === 'Delete' && scaledDown;
  return hasOwnerRef(claim, set) === wantSet && hasOwnerRef(claim, pod) === wantPod;
}

function controllerRefTo(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** The claim's owner references after applying the set's policy for this pod. */
export function claimOwnerRefsFor(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): OwnerReference[] {
  const unexpected = hasUnexpectedController(claim, set, pod);
  const refs = (claim.metadata.ownerReferences ?? []).filter((r) => !isSetRef(r, set) && !isPodRef(r, pod));
  if (unexpected) return refs;
  const { whenDeleted, whenScaled } = retentionPolicy(set);
  const scaledDown = !inOrdinalRange(pod, set);
  if (whenScaled === 'Delete' && scaledDown) refs.push(controllerRefTo(pod, 'v1', 'Pod'));
  if (whenDeleted === 'Delete' && (whenScaled === 'Retain' || !scaledDown)) refs.push(controllerRefTo(set, 'apps/v1', 'StatefulSet'));
  return refs;
}
