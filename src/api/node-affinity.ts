/**
 * Node selection rules (k8s component-helpers nodeaffinity): a pod's nodeSelector and required
 * node affinity against a node's labels and fields. Terms are ORed, expressions in a term ANDed;
 * Gt/Lt compare integers; NotIn and DoesNotExist match nodes without the label; matchFields only
 * knows metadata.name.
 */
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, PodSpec } from './types/index.ts';

function matchExpression(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(value);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || (req.values ?? []).length !== 1) return false;
      const a = Number.parseInt(value, 10);
      const b = Number.parseInt(req.values![0], 10);
      if (!Number.isFinite(a) || !Number.isFinite(b) || String(a) !== value.trim()) return false;
      return req.operator === 'Gt' ? a > b : a < b;
    }
  }
}

/** A term with no expressions and no fields matches nothing. */
export function matchesTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const e of exprs) if (!matchExpression(e, Object.prototype.hasOwnProperty.call(labels, e.key) ? labels[e.key] : undefined)) return false;
  for (const f of fields) if (!matchExpression(f, f.key === 'metadata.name' ? node.metadata.name : undefined)) return false;
  return true;
}

export function matchesAnyTerm(terms: NodeSelectorTerm[], node: Node): boolean {
  return terms.some((t) => matchesTerm(t, node));
}

/** nodeSelector AND required node affinity (GetRequiredNodeAffinity(pod).Match(node)). */
export function matchesRequiredNodeAffinity(spec: PodSpec, node: Node): boolean {
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const selector = spec.nodeSelector;
  if (!required && !selector) return true;
  const labels = node.metadata.labels ?? {};
  if (selector) for (const k in selector) if (labels[k] !== selector[k]) return false;
  if (required && !matchesAnyTerm(required.nodeSelectorTerms ?? [], node)) return false;
  return true;
}

export function podMatchesNode(pod: Pod, node: Node): boolean {
  return matchesRequiredNodeAffinity(pod.spec, node);
}
