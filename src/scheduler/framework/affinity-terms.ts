/**
 * Pod affinity terms resolved for matching (k8s framework.AffinityTerm): the namespaces a term
 * covers (its `namespaces`, plus those its namespaceSelector selects; the pod's own namespace when
 * both are empty), and its label selector with matchLabelKeys / mismatchLabelKeys merged in from
 * the pod's own labels.
 */
import { fromLabelSelector, matches, type Selector } from '../../api/selector.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { Namespace, Pod, PodAffinityTerm } from '../../api/types/index.ts';

export interface ResolvedTerm {
  topologyKey: string;
  selector: Selector;
  /** Explicit namespaces. */
  namespaces: Set<string>;
  /** A namespace selector; `undefined` when the term has none. */
  namespaceSelector?: Selector;
  weight: number;
}

export function resolveTerm(term: PodAffinityTerm, pod: Pod, weight = 1): ResolvedTerm {
  const selector = fromLabelSelector(term.labelSelector);
  const labels = pod.metadata.labels ?? {};
  for (const key of term.matchLabelKeys ?? []) if (key in labels) selector.requirements.push({ key, op: 'in', values: [labels[key]] });
  for (const key of term.mismatchLabelKeys ?? []) if (key in labels) selector.requirements.push({ key, op: 'notin', values: [labels[key]] });
  const namespaces = new Set(term.namespaces ?? []);
  const namespaceSelector = term.namespaceSelector ? fromLabelSelector(term.namespaceSelector) : undefined;
  if (namespaces.size === 0 && !namespaceSelector) namespaces.add(pod.metadata.namespace ?? 'default');
  return { topologyKey: term.topologyKey, selector, namespaces, namespaceSelector, weight };
}

/** Whether `pod` is matched by the term (namespace and labels). */
export function termMatches(t: ResolvedTerm, pod: Pod, store: ObjectStore): boolean {
  const ns = pod.metadata.namespace ?? 'default';
  if (!t.namespaces.has(ns)) {
    if (!t.namespaceSelector) return false;
    const nsObj = store.get<Namespace>('Namespace', '', ns);
    if (!matches(t.namespaceSelector, nsObj?.metadata.labels)) return false;
  }
  return matches(t.selector, pod.metadata.labels);
}

/**
 * Pods the term may match, from the label index: by namespace when the term names them, across
 * all namespaces when it has a namespace selector. The caller still checks termMatches.
 */
export function candidatePods(t: ResolvedTerm, store: ObjectStore): Pod[] {
  if (t.selector.nothing) return [];
  if (t.namespaceSelector) return store.unsortedList<Pod>('Pod', { selector: t.selector });
  return [...t.namespaces].flatMap((ns) => store.unsortedList<Pod>('Pod', { namespace: ns, selector: t.selector }));
}

export function requiredAffinityTerms(pod: Pod): ResolvedTerm[] {
  return (pod.spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => resolveTerm(t, pod));
}

export function requiredAntiAffinityTerms(pod: Pod): ResolvedTerm[] {
  return (pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => resolveTerm(t, pod));
}

export function preferredAffinityTerms(pod: Pod): ResolvedTerm[] {
  return (pod.spec.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => resolveTerm(w.podAffinityTerm, pod, w.weight));
}

export function preferredAntiAffinityTerms(pod: Pod): ResolvedTerm[] {
  return (pod.spec.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => resolveTerm(w.podAffinityTerm, pod, w.weight));
}

export function hasAffinity(pod: Pod): boolean {
  const a = pod.spec.affinity;
  return !!(a?.podAffinity || a?.podAntiAffinity);
}

export function hasRequiredAntiAffinity(pod: Pod): boolean {
  return (pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
}
