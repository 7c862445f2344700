/**
 * StatefulPodControl (stateful_pod_control.go): the StatefulSet controller's writes, each with the
 * event the real controller records on the set:
 *
 *   SuccessfulCreate  create Claim www-web-0 Pod web-0 in StatefulSet web success
 *   SuccessfulCreate  create Pod web-0 in StatefulSet web successful
 *   SuccessfulDelete  delete Pod web-2 in StatefulSet web successful
 *   FailedCreate      create Pod web-0 in StatefulSet web failed error: pvc www-web-0 is being deleted
 *
 * Claims are created before their pod; a pod whose claims fail is not created.
 */
import { clone } from '../../api/object-util.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import { claimsFor, getOrdinal, identityMatches, storageMatches, updateIdentity, updateStorage } from './identity.ts';
import { claimOwnerRefsFor, hasStaleOwnerRef, hasUnexpectedController, isClaimOwnerUpToDate, retentionPolicy } from './retention.ts';

export const SOURCE = { component: 'statefulset-controller' };

/** A failed sync step; the controller retries with back-off. `messages` are the individual errors. */
export class SyncError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`);
  }
}

const title = (verb: string) => verb[0].toUpperCase() + verb.slice(1);

export class StatefulPodControl {
  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private events: EventRecorder,
  ) {}

  private podEvent(verb: string, set: StatefulSet, pod: Pod, err?: Error): void {
    if (!err) this.events.event(set, 'Normal', `Successful${title(verb)}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, SOURCE);
    else this.events.event(set, 'Warning', `Failed${title(verb)}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err.message}`, SOURCE);
  }

  private claimEvent(verb: string, set: StatefulSet, pod: Pod, claim: PersistentVolumeClaim, err?: Error): void {
    const c = claim.metadata.name;
    if (!err) this.events.event(set, 'Normal', `Successful${title(verb)}`, `${verb} Claim ${c} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`, SOURCE);
    else this.events.event(set, 'Warning', `Failed${title(verb)}`, `${verb} Claim ${c} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err.message}`, SOURCE);
  }

  private getClaim(namespace: string, name: string): PersistentVolumeClaim | undefined {
    return this.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
  }

  /** Creates the claims and then the pod. Returns the stored pod, or undefined if it already existed. */
  createStatefulPod(set: StatefulSet, pod: Pod): Pod | undefined {
    try {
      this.createClaims(set, pod);
    } catch (e) {
      if (e instanceof SyncError) this.podEvent('create', set, pod, e);
      throw e;
    }
    let created: Pod;
    try {
      created = this.api.create(pod);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'AlreadyExists') return undefined;
      this.podEvent('create', set, pod, e);
      throw new SyncError([e.message]);
    }
    try {
      this.updateClaimsForRetention(set, created);
    } catch (e) {
      if (e instanceof SyncError) this.podEvent('update', set, created, e);
      throw e;
    }
    this.podEvent('create', set, created);
    return created;
  }

  /** Gives a member back its identity labels, claim volumes and claim ownership. */
  updateStatefulPod(set: StatefulSet, stored: Pod): void {
    const pod = clone(stored);
    let consistent = true;
    try {
      if (!identityMatches(set, pod)) {
        updateIdentity(set, pod);
        consistent = false;
      }
      if (!storageMatches(set, pod)) {
        updateStorage(set, pod);
        consistent = false;
        this.createClaims(set, pod);
      }
      if (!this.claimsMatchRetentionPolicy(set, pod)) {
        this.updateClaimsForRetention(set, pod);
        consistent = false;
      }
      if (consistent) return;
      this.api.update(pod);
    } catch (e) {
      const err = e instanceof ApiError ? new SyncError([e.message]) : e;
      if (err instanceof SyncError) this.podEvent('update', set, pod, err);
      throw err;
    }
    this.podEvent('update', set, pod);
  }

  deleteStatefulPod(set: StatefulSet, pod: Pod): void {
    try {
      this.api.delete('Pod', pod.metadata.namespace ?? '', pod.metadata.name);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.podEvent('delete', set, pod, e);
      if (e.reason === 'NotFound') return;
      throw new SyncError([e.message]);
    }
    this.podEvent('delete', set, pod);
  }

  claimsMatchRetentionPolicy(set: StatefulSet, pod: Pod): boolean {
    for (const want of claimsFor(set, getOrdinal(pod))) {
      const claim = this.getClaim(want.metadata.namespace ?? '', want.metadata.name);
      if (claim && !isClaimOwnerUpToDate(claim, set, pod)) return false;
    }
    return true;
  }

  /** UpdatePodClaimForRetentionPolicy: the claims' owner references as the policy wants them. */
  updateClaimsForRetention(set: StatefulSet, pod: Pod): void {
    for (const want of claimsFor(set, getOrdinal(pod))) {
      const claim = this.getClaim(want.metadata.namespace ?? '', want.metadata.name);
      if (!claim) continue;
      if (hasUnexpectedController(claim, set, pod)) {
        const msg = `PersistentVolumeClaim ${claim.metadata.name} has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim`;
        this.events.event(set, 'Warning', 'ConflictingController', msg, SOURCE);
      }
      if (isClaimOwnerUpToDate(claim, set, pod)) continue;
      const copy = clone(claim);
      const refs = claimOwnerRefsFor(claim, set, pod);
      if (refs.length) copy.metadata.ownerReferences = refs;
      else delete copy.metadata.ownerReferences;
      try {
        this.api.update(copy);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        throw new SyncError([`could not update claim ${claim.metadata.name} for delete policy ownerRefs: ${e.message}`]);
      }
    }
  }

  /** PodClaimIsStale: with whenScaled Delete, a claim still owned by a previous pod of that name. */
  podClaimIsStale(set: StatefulSet, pod: Pod): boolean {
    if (retentionPolicy(set).whenScaled === 'Retain') return false;
    return claimsFor(set, getOrdinal(pod)).some((want) => {
      const claim = this.getClaim(want.metadata.namespace ?? '', want.metadata.name);
      return !!claim && hasStaleOwnerRef(claim, pod, 'v1', 'Pod');
    });
  }

  /** createMissingPersistentVolumeClaims: for a pending member whose claims went away. */
  createMissingClaims(set: StatefulSet, pod: Pod): void {
    this.createClaims(set, pod);
    try {
      this.updateClaimsForRetention(set, pod);
    } catch (e) {
      if (e instanceof SyncError) this.podEvent('update', set, pod, e);
      throw e;
    }
  }

  private createClaims(set: StatefulSet, pod: Pod): void {
    const errors: string[] = [];
    for (const claim of claimsFor(set, getOrdinal(pod))) {
      const existing = this.getClaim(claim.metadata.namespace ?? '', claim.metadata.name);
      if (existing) {
        if (existing.metadata.deletionTimestamp) errors.push(`pvc ${claim.metadata.name} is being deleted`);
        continue;
      }
      try {
        this.api.create(claim);
        this.claimEvent('create', set, pod, claim);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(`failed to create PVC ${claim.metadata.name}: ${e.message}`);
        if (e.reason !== 'AlreadyExists') this.claimEvent('create', set, pod, claim, e);
      }
    }
    if (errors.length) throw new SyncError(errors);
  }
}
