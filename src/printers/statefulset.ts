/** `kubectl get statefulsets` (printers.go printStatefulSet): READY is readyReplicas/spec.replicas. */
import type { KubeObject, StatefulSet } from '../api/types/index.ts';
import { AGE, column, containerCells, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

const sts = (o: KubeObject) => o as StatefulSet;

export const statefulSetColumns: ColumnDef[] = [
  NAME,
  column('READY', (o) => `${sts(o).status?.readyReplicas ?? 0}/${sts(o).spec?.replicas ?? 1}`),
  AGE,
  column('CONTAINERS', (o) => containerCells(sts(o).spec?.template?.spec?.containers).names, true),
  column('IMAGES', (o) => containerCells(sts(o).spec?.template?.spec?.containers).images, true),
];
