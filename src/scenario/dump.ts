/**
 * The final cluster state for `--dump`: every object of every kind as a Kubernetes `List`, in a
 * fixed order (kinds as the API registry lists them, then namespace, then name), each with its
 * apiVersion and kind, so the same scenario always dumps the same bytes.
 */
import { findKind, KINDS } from '../api/kinds.ts';
import type { KubeObject } from '../api/types/index.ts';

export interface KubeList {
  apiVersion: 'v1';
  kind: 'List';
  items: KubeObject[];
}

const kindOrder = new Map(KINDS.map((k, i) => [k.kind, i]));

function compare(a: KubeObject, b: KubeObject): number {
  const ka = kindOrder.get(a.kind) ?? KINDS.length;
  const kb = kindOrder.get(b.kind) ?? KINDS.length;
  if (ka !== kb) return ka - kb;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export function clusterList(objects: readonly KubeObject[]): KubeList {
  const items = [...objects].sort(compare).map((o) => {
    const { apiVersion, kind, ...rest } = o;
    return { apiVersion: apiVersion || findKind(kind)?.apiVersion || 'v1', kind, ...rest } as KubeObject;
  });
  return { apiVersion: 'v1', kind: 'List', items };
}

/** The JSON text of the list: four-space indentation and a final newline, as `kubectl get -o json`. */
export function listJson(list: KubeList): string {
  return `${JSON.stringify(list, null, 4)}\n`;
}
