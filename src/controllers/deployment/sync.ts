/**
 * What every deployment sync shares (k8s deployment/sync.go): finding or creating the new
 * ReplicaSet (named `<deployment>-<pod-template-hash>`, revision max+1, the deployment's
 * annotations copied), scaling a ReplicaSet with its ScalingReplicaSet event, proportional scaling
 * of a resized deployment mid-rollout, revision-history cleanup, and the status.
 */
import { clone, ownerRefTo } from '../../api/object-util.ts';
import { computeTemplateHash } from '../../api/names.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import { FAILED_RS_CREATE_REASON, FOUND_NEW_RS_REASON, getCondition, MIN_AVAILABLE, MIN_UNAVAILABLE, NEW_RS_REASON, newCondition, setCondition } from './conditions.ts';
import {
  active, byCreation, byRevision, bySizeNewer, bySizeOlder, DESIRED_REPLICAS, equalIgnoreHash, isRollingUpdate, isSaturated, MAX_REPLICAS, MAX_REV_HISTORY_CHARS,
  maxRevision, maxSurge, maxUnavailable, newRSNewReplicas, POD_TEMPLATE_HASH, proportion, replicasOf, REVISION, REVISION_HISTORY, revisionOf, skipCopyAnnotation, sumSpec, sumStatus,
} from './util.ts';

export const SOURCE = { component: 'deployment-controller' };

export class DeploymentSync {
  constructor(
    readonly store: ObjectStore,
    readonly api: ApiServer,
    readonly events: EventRecorder,
    readonly now: () => number,
    /** The deployment being synced; replaced by each write so later steps see it. */
    public d: Deployment,
  ) {}

  /** Writes the working copy's status (if changed) and keeps the stored result. */
  updateStatus(status: DeploymentStatus): void {
    this.d = this.api.updateStatus({ ...this.d, status });
  }

  /** FindNewReplicaSet + FindOldReplicaSets, creating the new one if asked. */
  getAllReplicaSetsAndSyncRevision(rsList: ReplicaSet[], create: boolean): { newRS?: ReplicaSet; oldRSs: ReplicaSet[] } {
    const sorted = [...rsList].sort(byCreation);
    const existing = sorted.find((rs) => equalIgnoreHash(rs.spec.template, this.d.spec.template));
    const oldRSs = sorted.filter((rs) => rs !== existing);
    const newRS = this.getNewReplicaSet(existing, oldRSs, create);
    return { newRS, oldRSs };
  }

  private getNewReplicaSet(existing: ReplicaSet | undefined, oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
    const newRevision = maxRevision(oldRSs) + 1;
    if (existing) {
      const copy = clone(existing);
      const changed = this.setNewRSAnnotations(copy, newRevision, true);
      if (changed || (copy.spec.minReadySeconds ?? 0) !== (this.d.spec.minReadySeconds ?? 0)) {
        copy.spec.minReadySeconds = this.d.spec.minReadySeconds ?? 0;
        return this.api.update(copy);
      }
      this.setDeploymentRevision(existing.metadata.annotations?.[REVISION] ?? '');
      if (this.hasProgressDeadline() && !getCondition(this.d.status, 'Progressing')) {
        const status = clone(this.d.status ?? {});
        setCondition(status, newCondition('Progressing', 'True', FOUND_NEW_RS_REASON, `Found new replica set "${existing.metadata.name}"`, this.now()));
        this.updateStatus(status);
      }
      return existing;
    }
    if (!create) return undefined;
    const template = clone(this.d.spec.template);
    const hash = computeTemplateHash(template, this.d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
    const selector = clone(this.d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${this.d.metadata.name}-${hash}`,
        namespace: this.d.metadata.namespace,
        labels: template.metadata.labels,
        ownerReferences: [ownerRefTo(this.d)],
      },
      spec: { replicas: 0, minReadySeconds: this.d.spec.minReadySeconds ?? 0, selector, template },
    };
    rs.spec.replicas = newRSNewReplicas(this.d, [...oldRSs, rs], rs);
    this.setNewRSAnnotations(rs, newRevision, false);
    let created: ReplicaSet;
    try {
      created = this.api.create(rs);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'AlreadyExists') return this.collision(rs);
      const msg = `Failed to create new replica set "${rs.metadata.name}": ${e.message}`;
      if (this.hasProgressDeadline()) {
        const status = clone(this.d.status ?? {});
        setCondition(status, newCondition('Progressing', 'False', FAILED_RS_CREATE_REASON, msg, this.now()));
        this.updateStatus(status);
      }
      this.events.event(this.d, 'Warning', FAILED_RS_CREATE_REASON, msg, SOURCE);
      return undefined;
    }
    if (replicasOf(created) > 0) {
      // The creation's own event names no previous size (sync.go getNewReplicaSet).
      this.events.event(this.d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} to ${replicasOf(created)}`, SOURCE);
    }
    this.setDeploymentRevision(String(newRevision));
    if (this.hasProgressDeadline()) {
      const status = clone(this.d.status ?? {});
      setCondition(status, newCondition('Progressing', 'True', NEW_RS_REASON, `Created new replica set "${created.metadata.name}"`, this.now()));
      this.updateStatus(status);
    }
    return created;
  }

  /** A ReplicaSet with the new name exists with another template: bump collisionCount and retry later. */
  private collision(rs: ReplicaSet): ReplicaSet | undefined {
    const found = this.store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace!, rs.metadata.name);
    const ref = found?.metadata.ownerReferences?.find((r) => r.controller);
    if (found && ref?.uid === this.d.metadata.uid && equalIgnoreHash(found.spec.template, this.d.spec.template)) return found;
    const status = clone(this.d.status ?? {});
    status.collisionCount = (status.collisionCount ?? 0) + 1;
    this.updateStatus(status);
    return undefined;
  }

  /** SetNewReplicaSetAnnotations: copies annotations, sets the revision (keeping its history). */
  private setNewRSAnnotations(rs: ReplicaSet, newRevision: number, exists: boolean): boolean {
    const ann = { ...(rs.metadata.annotations ?? {}) };
    let changed = false;
    for (const [k, v] of Object.entries(this.d.metadata.annotations ?? {})) {
      if (skipCopyAnnotation(k) || ann[k] === v) continue;
      ann[k] = v;
      changed = true;
    }
    const oldRevision = ann[REVISION];
    const oldInt = oldRevision === undefined ? 0 : Number.parseInt(oldRevision, 10);
    if (oldRevision !== undefined && !Number.isFinite(oldInt)) return false;
    if (oldInt < newRevision) {
      ann[REVISION] = String(newRevision);
      changed = true;
      if (oldRevision !== undefined) {
        const history = ann[REVISION_HISTORY];
        let parts = history ? history.split(',') : [];
        while (parts.length && [...parts, oldRevision].join(',').length > MAX_REV_HISTORY_CHARS) parts = parts.slice(1);
        ann[REVISION_HISTORY] = [...parts, oldRevision].join(',');
      }
    }
    if (!exists) {
      ann[DESIRED_REPLICAS] = String(replicasOf(this.d));
      ann[MAX_REPLICAS] = String(replicasOf(this.d) + maxSurge(this.d));
      changed = true;
    }
    rs.metadata.annotations = ann;
    return changed;
  }

  /** The deployment carries its current revision in an annotation. */
  private setDeploymentRevision(revision: string): void {
    if (!revision || this.d.metadata.annotations?.[REVISION] === revision) return;
    const copy = clone(this.d);
    copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [REVISION]: revision };
    this.d = this.api.update(copy);
  }

  hasProgressDeadline(): boolean {
    const p = this.d.spec.progressDeadlineSeconds;
    return p !== undefined && p !== null && p !== 2147483647;
  }

  /** scaleReplicaSetAndRecordEvent. Returns the stored ReplicaSet and whether its size changed. */
  scaleReplicaSet(rs: ReplicaSet, size: number, op?: 'up' | 'down'): { rs: ReplicaSet; scaled: boolean } {
    const desired = String(replicasOf(this.d));
    const max = String(replicasOf(this.d) + maxSurge(this.d));
    const sizeChanged = replicasOf(rs) !== size;
    const annChanged = rs.metadata.annotations?.[DESIRED_REPLICAS] !== desired || rs.metadata.annotations?.[MAX_REPLICAS] !== max;
    if (!sizeChanged && !annChanged) return { rs, scaled: false };
    const old = replicasOf(rs);
    const copy = clone(rs);
    copy.spec.replicas = size;
    copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max };
    const updated = this.api.update(copy);
    if (sizeChanged) {
      const direction = op ?? (old < size ? 'up' : 'down');
      // "Scaled down replica set web-5d4b9c6f7 to 2 from 3" (sync.go scaleReplicaSet: new size, then old).
      this.events.event(this.d, 'Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${rs.metadata.name} to ${size} from ${old}`, SOURCE);
    }
    return { rs: updated, scaled: sizeChanged };
  }

  /** scale(): a replica-count change without a template change. */
  scale(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const want = replicasOf(this.d);
    const latest = findActiveOrLatest(newRS, oldRSs);
    if (latest) {
      if (replicasOf(latest) !== want) this.scaleReplicaSet(latest, want);
      return;
    }
    if (isSaturated(this.d, newRS)) {
      for (const old of active(oldRSs)) this.scaleReplicaSet(old, 0);
      return;
    }
    if (!isRollingUpdate(this.d)) return;
    const all = active([...oldRSs, newRS]);
    const allowed = want > 0 ? want + maxSurge(this.d) : 0;
    const toAdd = allowed - sumSpec(all);
    let op: 'up' | 'down' | undefined;
    if (toAdd > 0) {
      all.sort(bySizeNewer);
      op = 'up';
    } else if (toAdd < 0) {
      all.sort(bySizeOlder);
      op = 'down';
    }
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      if (toAdd !== 0) {
        const p = proportion(rs, this.d, toAdd, added);
        sizes.set(rs.metadata.name, replicasOf(rs) + p);
        added += p;
      } else sizes.set(rs.metadata.name, replicasOf(rs));
    }
    all.forEach((rs, i) => {
      if (i === 0 && toAdd !== 0) sizes.set(rs.metadata.name, Math.max(0, sizes.get(rs.metadata.name)! + toAdd - added));
      this.scaleReplicaSet(rs, sizes.get(rs.metadata.name)!, op);
    });
  }

  /** cleanupDeployment: deletes the oldest ReplicaSets past revisionHistoryLimit (only empty ones). */
  cleanup(oldRSs: ReplicaSet[]): void {
    const limit = this.d.spec.revisionHistoryLimit;
    if (limit === undefined || limit === null) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(byRevision);
    const diff = cleanable.length - limit;
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i];
      if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      try {
        this.api.delete('ReplicaSet', rs.metadata.namespace!, rs.metadata.name);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
  }

  calculateStatus(all: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentStatus {
    const available = sumStatus(all, 'availableReplicas');
    const status: DeploymentStatus = {
      observedGeneration: this.d.metadata.generation,
      replicas: sumStatus(all, 'replicas'),
      updatedReplicas: sumStatus([newRS], 'replicas'),
      readyReplicas: sumStatus(all, 'readyReplicas'),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, sumSpec(all) - available),
      conditions: [...(this.d.status?.conditions ?? [])],
    };
    if (this.d.status?.collisionCount !== undefined) status.collisionCount = this.d.status.collisionCount;
    if (available >= replicasOf(this.d) - maxUnavailable(this.d)) {
      setCondition(status, newCondition('Available', 'True', MIN_AVAILABLE, 'Deployment has minimum availability.', this.now()));
    } else {
      setCondition(status, newCondition('Available', 'False', MIN_UNAVAILABLE, 'Deployment does not have minimum availability.', this.now()));
    }
    return compact(status);
  }
}

/** FindActiveOrLatest: the single active ReplicaSet, or the newest when none is active. */
function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = [...oldRSs].sort((a, b) => byCreation(b, a));
  const all = active([...olds, newRS]);
  if (all.length === 0) return newRS ?? olds[0];
  if (all.length === 1) return all[0];
  return undefined;
}

/** Zero counts are left out, as the API's omitempty does. */
function compact(s: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  for (const [k, v] of Object.entries(s)) if (v !== 0 && v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

export { revisionOf };
