/** `kubectl get replicasets` (printers.go printReplicaSet). */
import type { KubeObject, ReplicaSet } from '../api/types/index.ts';
import { AGE, column, containerCells, formatSelector, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

const rs = (o: KubeObject) => o as ReplicaSet;

export const replicaSetColumns: ColumnDef[] = [
  NAME,
  column('DESIRED', (o) => String(rs(o).spec?.replicas ?? 1)),
  column('CURRENT', (o) => String(rs(o).status?.replicas ?? 0)),
  column('READY', (o) => String(rs(o).status?.readyReplicas ?? 0)),
  AGE,
  column('CONTAINERS', (o) => containerCells(rs(o).spec?.template?.spec?.containers).names, true),
  column('IMAGES', (o) => containerCells(rs(o).spec?.template?.spec?.containers).images, true),
  column('SELECTOR', (o) => formatSelector(rs(o).spec?.selector), true),
];
