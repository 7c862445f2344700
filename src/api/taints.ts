/**
 * Taints and tolerations (k8s core/v1/helper): whether a toleration tolerates a taint, and the
 * taints of a node a pod does not tolerate. Used by the scheduler, the DaemonSet controller, the
 * taint eviction controller and the kubelet.
 */
import type { Taint, Toleration } from './types/index.ts';

/**
 * ToleratesTaint: an empty effect tolerates every effect; an empty key with Exists tolerates every
 * key; Exists ignores the value; Equal (the default) needs the same value.
 */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if ((t.key ?? '') !== taint.key && !(!t.key && t.operator === 'Exists')) return false;
  const op = t.operator ?? 'Equal';
  if (op === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The first taint with one of `effects` not tolerated, as the TaintToleration filter finds it. */
export function firstUntolerated(taints: Taint[] | undefined, tolerations: Toleration[] | undefined, effects: Taint['effect'][]): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect) && !tolerates(tolerations, taint));
}

/** `key=value:Effect` or `key:Effect`, as kubectl prints a taint. */
export function formatTaint(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}
