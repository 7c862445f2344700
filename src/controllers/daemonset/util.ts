/**
 * DaemonSet helpers (k8s pkg/controller/daemon/util/daemonset_util.go): the tolerations every
 * daemon pod gets, the pod template with its revision labels, the node-name affinity that pins a
 * pod to its node, and the rolling-update budgets.
 *
 * Budgets scale percentages against the number of nodes that should run the pod, rounding up:
 *   desired 3: maxUnavailable 1 → 1; "10%" → 1 (0.3 up); "50%" → 2; maxSurge "25%" → 1.
 *   maxSurge 0 and maxUnavailable 0 (after scaling) → maxUnavailable 1 (update.go).
 */
import { clone } from '../../api/object-util.ts';
import type { Affinity, DaemonSet, Pod, PodSpec, PodTemplateSpec, Toleration } from '../../api/types/index.ts';
import { scaledValue } from '../deployment/util.ts';

export const REVISION_HASH_LABEL = 'controller-revision-hash';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** The DaemonSet annotation holding its template generation (apps/v1 keeps it there). */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** AddOrUpdateDaemonPodTolerations, in upstream order. */
export function daemonTolerations(spec: PodSpec): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec.hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return t;
}

/**
 * AddOrUpdateTolerationInPodSpec for each daemon toleration: one with the same key, operator,
 * value and effect is replaced in place (so it is not doubled), any other is appended.
 */
export function addDaemonTolerations(spec: PodSpec): void {
  const list = [...(spec.tolerations ?? [])];
  for (const want of daemonTolerations(spec)) {
    const i = list.findIndex((t) => (t.key ?? '') === want.key && (t.operator ?? 'Equal') === want.operator && (t.value ?? '') === '' && (t.effect ?? '') === want.effect);
    if (i >= 0) list[i] = want;
    else list.push(want);
  }
  spec.tolerations = list;
}

/** GetTemplateGeneration: the annotation's number, or undefined. */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const v = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (v === undefined || !/^-?\d+$/.test(v)) return undefined;
  return Number(v);
}

/** CreatePodTemplate: the template with the daemon tolerations and the generation and hash labels. */
export function createPodTemplate(template: PodTemplateSpec, generation: number | undefined, hash: string): PodTemplateSpec {
  const t = clone(template);
  addDaemonTolerations(t.spec);
  const labels = { ...(t.metadata?.labels ?? {}) };
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[REVISION_HASH_LABEL] = hash;
  t.metadata = { ...(t.metadata ?? {}), labels };
  return t;
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes exactly
 * `matchFields metadata.name In [node]` (preferred terms are kept).
 */
export function replaceNodeNameAffinity(affinity: Affinity | undefined, node: string): Affinity {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: [node] }] }] };
  const a = clone(affinity ?? {});
  a.nodeAffinity = { ...(a.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required };
  return a;
}

/** GetTargetNodeName: spec.nodeName, else the node the matchFields affinity pins the pod to. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.length === 1 ? f.values[0] : undefined;
    }
  }
  return undefined;
}

/** IsPodUpdated: the pod carries the current hash (or, for old pods, the current generation). */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  const generationMatches = generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation);
  return (!!hash && labels[REVISION_HASH_LABEL] === hash) || generationMatches;
}

function rollingUpdate(ds: DaemonSet) {
  const s = ds.spec.updateStrategy;
  return (s?.type ?? 'RollingUpdate') === 'RollingUpdate' ? s?.rollingUpdate : undefined;
}

/** UnavailableCount: maxUnavailable scaled against `desired`, rounding up (0 for OnDelete). */
export function unavailableCount(ds: DaemonSet, desired: number): number {
  const r = rollingUpdate(ds);
  return r?.maxUnavailable === undefined ? 0 : scaledValue(r.maxUnavailable, desired, true);
}

/** SurgeCount: maxSurge scaled against `desired`, rounding up (0 for OnDelete). */
export function surgeCount(ds: DaemonSet, desired: number): number {
  const r = rollingUpdate(ds);
  return r?.maxSurge === undefined ? 0 : scaledValue(r.maxSurge, desired, true);
}

/** AllowsSurge: a rolling update that may run a new pod beside the old one. */
export function allowsSurge(ds: DaemonSet): boolean {
  return surgeCount(ds, 1) > 0;
}
