/**
 * The garbage collector (k8s pkg/controller/garbagecollector): dependents follow their owners.
 *
 * - Background: the owner is gone from the store; each dependent that has no other living owner
 *   is deleted (pods gracefully).
 * - Foreground: the owner stays, marked for deletion with the `foregroundDeletion` finalizer,
 *   until every dependent that blocks its deletion (blockOwnerDeletion) is gone; those are deleted
 *   in foreground themselves when they have dependents of their own (Deployment → ReplicaSet → Pod).
 * - Orphan: the `orphan` finalizer: the owner reference is removed from every dependent, then the
 *   owner goes.
 *
 * Keys: `dep:<uid>` (check a dependent's owners) and `owner:<uid>` (process a deleting owner).
 */
import { clone } from '../api/object-util.ts';
import type { ObjectStore, WatchEvent } from '../api/store.ts';
import type { KubeObject, OwnerReference } from '../api/types/index.ts';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN, type ApiServer, type PropagationPolicy } from '../apiserver/apiserver.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { Controller, WatchSpec } from './runtime.ts';

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
  ) {}

  watches(): WatchSpec[] {
    return [{ kind: '*', keys: (e) => this.keysFor(e) }];
  }

  private keysFor(e: WatchEvent): string[] {
    const obj = e.object;
    const uid = obj.metadata.uid;
    if (!uid) return [];
    const keys: string[] = [];
    if (e.type === 'DELETED') {
      for (const dep of this.store.dependentsOf(uid)) keys.push(`dep:${dep.metadata.uid}`);
      // A dependent leaving may unblock a foreground-deleting owner.
      for (const ref of obj.metadata.ownerReferences ?? []) keys.push(`owner:${ref.uid}`);
      return keys;
    }
    const fins = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && (fins.includes(FINALIZER_FOREGROUND) || fins.includes(FINALIZER_ORPHAN))) keys.push(`owner:${uid}`);
    if (e.type === 'ADDED' && (obj.metadata.ownerReferences ?? []).length) keys.push(`dep:${uid}`);
    if (e.type === 'MODIFIED' && e.old && e.old.metadata.ownerReferences !== obj.metadata.ownerReferences) keys.push(`dep:${uid}`);
    return keys;
  }

  reconcile(key: string): void {
    const uid = key.slice(key.indexOf(':') + 1);
    const obj = this.store.getByUid(uid);
    if (!obj) return;
    if (key.startsWith('owner:')) this.processOwner(obj);
    else this.attemptToDelete(obj);
  }

  private ownerState(ref: OwnerReference): 'absent' | 'waiting' | 'solid' {
    const owner = this.store.getByUid(ref.uid);
    if (!owner || owner.kind !== ref.kind || owner.metadata.name !== ref.name) return 'absent';
    if (owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FINALIZER_FOREGROUND)) return 'waiting';
    return 'solid';
  }

  /** attemptToDeleteItem: a dependent whose owners are all gone (or going) is deleted. */
  private attemptToDelete(obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const states = refs.map((r) => ({ ref: r, state: this.ownerState(r) }));
    const solid = states.filter((s) => s.state === 'solid');
    const dangling = states.filter((s) => s.state === 'absent');
    const waiting = states.filter((s) => s.state === 'waiting');
    if (solid.length > 0) {
      if (dangling.length === 0 && waiting.length === 0) return;
      // Keep the object; drop references to owners that are gone or being deleted.
      const gone = new Set([...dangling, ...waiting].map((s) => s.ref.uid));
      this.setOwners(obj, refs.filter((r) => !gone.has(r.uid)));
      return;
    }
    if (obj.metadata.deletionTimestamp) return;
    const fins = obj.metadata.finalizers ?? [];
    let policy: PropagationPolicy = fins.includes(FINALIZER_ORPHAN) ? 'Orphan' : fins.includes(FINALIZER_FOREGROUND) ? 'Foreground' : 'Background';
    if (waiting.length > 0 && this.store.dependentsOf(obj.metadata.uid!).length > 0) policy = 'Foreground';
    try {
      this.api.delete(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name, { propagationPolicy: policy, uid: obj.metadata.uid });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  /** An owner being deleted in foreground or orphan mode. */
  private processOwner(owner: KubeObject): void {
    if (!owner.metadata.deletionTimestamp) return;
    const fins = owner.metadata.finalizers ?? [];
    const uid = owner.metadata.uid!;
    const dependents = this.store.dependentsOf(uid);
    if (fins.includes(FINALIZER_ORPHAN)) {
      for (const dep of dependents) this.setOwners(dep, (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid));
      this.api.removeFinalizer(owner.kind, owner.metadata.namespace ?? '', owner.metadata.name, FINALIZER_ORPHAN);
      return;
    }
    if (!fins.includes(FINALIZER_FOREGROUND)) return;
    const blocking = dependents.filter((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion));
    for (const dep of blocking) this.attemptToDelete(dep);
    // Dependents that do not block are released from this owner.
    for (const dep of dependents.filter((d) => !blocking.includes(d))) this.attemptToDelete(dep);
    if (this.store.dependentsOf(uid).some((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion))) return;
    this.api.removeFinalizer(owner.kind, owner.metadata.namespace ?? '', owner.metadata.name, FINALIZER_FOREGROUND);
  }

  private setOwners(obj: KubeObject, refs: OwnerReference[]): void {
    const copy = clone(obj);
    if (refs.length) copy.metadata.ownerReferences = refs;
    else delete copy.metadata.ownerReferences;
    try {
      this.api.update(copy);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}
