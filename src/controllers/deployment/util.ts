/**
 * Deployment arithmetic (k8s pkg/controller/deployment/util/deployment_util.go), pure functions.
 *
 * Fenceposts, with maxSurge rounded up and maxUnavailable rounded down from percentages:
 *
 *   replicas  25%/25%        surge unavailable
 *   1         ceil(.25)=1    floor(.25)=0   → 1 / 0
 *   3         ceil(.75)=1    floor(.75)=0   → 1 / 0
 *   4         1              1              → 1 / 1
 *   10        ceil(2.5)=3    floor(2.5)=2   → 3 / 2
 *
 * If both come out 0 (maxSurge 0%, maxUnavailable 0%... or 0 and 10% of 1), unavailable is 1 so
 * the rollout can move at all.
 */
import type { Deployment, IntOrString, ReplicaSet } from '../../api/types/index.ts';
import { canonicalJson } from '../../api/names.ts';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
export const POD_TEMPLATE_HASH = 'pod-template-hash';
/** Longest revision-history annotation kept (maxRevHistoryLengthInChars). */
export const MAX_REV_HISTORY_CHARS = 2000;

/** GetScaledValueFromIntOrPercent. */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v.trim());
  if (!m) return Number.parseInt(v, 10) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function replicasOf(x: { spec: { replicas?: number } } | undefined): number {
  return x?.spec.replicas ?? 1;
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** ResolveFenceposts: [maxSurge, maxUnavailable] for the deployment's replica count. */
export function resolveFenceposts(d: Deployment): [number, number] {
  const desired = replicasOf(d);
  const ru = d.spec.strategy?.rollingUpdate;
  const surge = scaledValue(ru?.maxSurge ?? '25%', desired, true);
  let unavailable = scaledValue(ru?.maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d)[0] : 0;
}

/** MaxUnavailable: 0 for Recreate or 0 replicas, and never more than the replicas. */
export function maxUnavailable(d: Deployment): number {
  const desired = replicasOf(d);
  if (!isRollingUpdate(d) || desired === 0) return 0;
  return Math.min(resolveFenceposts(d)[1], desired);
}

export function revisionOf(rs: ReplicaSet | undefined): number {
  const v = Number.parseInt(rs?.metadata.annotations?.[REVISION] ?? '', 10);
  return Number.isFinite(v) ? v : 0;
}

export function maxRevision(sets: ReplicaSet[]): number {
  return sets.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** Drops nulls, empty maps and empty lists, so semantically equal templates compare equal. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) {
    const a = v.map(normalize).filter((x) => x !== undefined);
    return a.length ? a : undefined;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const n = normalize(x);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v === null ? undefined : v;
}

/** EqualIgnoreHash: two pod templates equal once the pod-template-hash label is removed. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const c = normalize(t) as { metadata?: { labels?: Record<string, string> } } | undefined;
    if (c?.metadata?.labels) {
      const { [POD_TEMPLATE_HASH]: _h, ...rest } = c.metadata.labels;
      c.metadata.labels = rest;
    }
    return canonicalJson(normalize(c) ?? {});
  };
  return strip(a) === strip(b);
}

export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** ReplicaSetsBySizeNewer: larger first; equal sizes newer first. */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const d = replicasOf(b) - replicasOf(a);
  return d !== 0 ? d : byCreation(b, a);
}

/** ReplicaSetsBySizeOlder: larger first; equal sizes older first. */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const d = replicasOf(b) - replicasOf(a);
  return d !== 0 ? d : byCreation(a, b);
}

export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const d = revisionOf(a) - revisionOf(b);
  return d !== 0 ? d : byCreation(a, b);
}

export function active(sets: (ReplicaSet | undefined)[]): ReplicaSet[] {
  return sets.filter((rs): rs is ReplicaSet => !!rs && replicasOf(rs) > 0);
}

export function sumSpec(sets: (ReplicaSet | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0);
}

export function sumStatus(sets: (ReplicaSet | undefined)[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return sets.reduce((n, rs) => n + ((rs?.status?.[field] as number | undefined) ?? 0), 0);
}

/**
 * NewRSNewReplicas: how big the new ReplicaSet may be now. Rolling: up to replicas + maxSurge
 * pods in total, never past replicas. Worked example: replicas 3, surge 1, old RS at 3, new at 0 →
 * max total 4, current 3 → new RS 0 + min(1, 3) = 1.
 */
export function newRSNewReplicas(d: Deployment, all: (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const desired = replicasOf(d);
  const maxTotal = desired + resolveFenceposts(d)[0];
  const current = sumSpec(all);
  if (current >= maxTotal) return replicasOf(newRS);
  return replicasOf(newRS) + Math.min(maxTotal - current, desired - replicasOf(newRS));
}

/** DeploymentComplete: every replica updated and available, and the spec observed. */
export function deploymentComplete(d: Deployment, status: Deployment['status']): boolean {
  const s = status ?? {};
  const desired = replicasOf(d);
  return (s.updatedReplicas ?? 0) === desired && (s.replicas ?? 0) === desired && (s.availableReplicas ?? 0) === desired && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** IsSaturated: the new RS has all the replicas, wanted by the current spec, all available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = Number.parseInt(rs.metadata.annotations?.[DESIRED_REPLICAS] ?? '', 10);
  const want = replicasOf(d);
  return replicasOf(rs) === want && desired === want && (rs.status?.availableReplicas ?? 0) === want;
}

/**
 * GetProportion: the share of `toAdd` for one ReplicaSet when a mid-rollout deployment is
 * resized. Worked example: replicas 10 → 15, maxSurge 3 (25% of 10), old RS 8 and new RS 5
 * (max-replicas annotation 13): new max 15 + 4 = 19; old gets round(8 × 19 / 13) − 8 = 4, new
 * round(5 × 19 / 13) − 5 = 2; 19 − 13 = 6 to add in all, so nothing is left over.
 */
export function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const desired = replicasOf(d);
  if (desired === 0) return -replicasOf(rs);
  const newMax = desired + maxSurge(d);
  let before = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? '', 10);
  if (!Number.isFinite(before) || before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  return roundHalfAway((replicasOf(rs) * newMax) / before) - replicasOf(rs);
}

function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** Annotations the controller never copies from the deployment to its ReplicaSets. */
export function skipCopyAnnotation(key: string): boolean {
  return [LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to'].includes(key);
}
