/**
 * `kubectl get controllerrevisions` (printers.go printControllerRevision): CONTROLLER is the
 * controller owner as `kind.group/name` lowercased (`statefulset.apps/web`), `<none>` without one.
 */
import type { ControllerRevision, KubeObject } from '../api/types/index.ts';
import { AGE, column, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

export function controllerName(o: KubeObject): string {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return '<none>';
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.slice(0, ref.apiVersion.indexOf('/')) : '';
  const kind = group ? `${ref.kind}.${group}` : ref.kind;
  return `${kind.toLowerCase()}/${ref.name}`;
}

export const controllerRevisionColumns: ColumnDef[] = [
  NAME,
  column('CONTROLLER', controllerName),
  column('REVISION', (o) => String((o as ControllerRevision).revision ?? 0)),
  AGE,
];
