/**
 * `kubectl get storageclasses` (printers.go printStorageClass): the default class is named
 * `standard (default)`; RECLAIMPOLICY defaults to Delete, VOLUMEBINDINGMODE to Immediate, and
 * ALLOWVOLUMEEXPANSION prints as Go prints a bool (`false`).
 */
import type { KubeObject, StorageClass } from '../api/types/index.ts';
import { AGE, column, isDefaultStorageClass } from './common.ts';
import type { ColumnDef } from './types.ts';

const sc = (o: KubeObject) => o as StorageClass;

export const storageClassColumns: ColumnDef[] = [
  { ...column('NAME', (o) => o.metadata.name + (isDefaultStorageClass(o) ? ' (default)' : '')), nameColumn: true },
  column('PROVISIONER', (o) => sc(o).provisioner ?? ''),
  column('RECLAIMPOLICY', (o) => sc(o).reclaimPolicy ?? 'Delete'),
  column('VOLUMEBINDINGMODE', (o) => sc(o).volumeBindingMode ?? 'Immediate'),
  column('ALLOWVOLUMEEXPANSION', (o) => String(sc(o).allowVolumeExpansion ?? false)),
  AGE,
];
