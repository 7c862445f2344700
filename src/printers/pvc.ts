/**
 * `kubectl get persistentvolumeclaims` (printers.go printPersistentVolumeClaim): CAPACITY and
 * ACCESS MODES come from the status, and only once the claim names a volume.
 */
import type { KubeObject, PersistentVolumeClaim } from '../api/types/index.ts';
import { accessModes, AGE, column, NAME, storageClassOf } from './common.ts';
import { canonicalQuantity } from './quantity-format.ts';
import type { ColumnDef } from './types.ts';

const pvc = (o: KubeObject) => o as PersistentVolumeClaim & { spec: { volumeAttributesClassName?: string } };
const bound = (o: KubeObject) => !!pvc(o).spec?.volumeName;

export const pvcColumns: ColumnDef[] = [
  NAME,
  column('STATUS', (o) => (o.metadata.deletionTimestamp ? 'Terminating' : (pvc(o).status?.phase ?? ''))),
  column('VOLUME', (o) => pvc(o).spec?.volumeName ?? ''),
  column('CAPACITY', (o) => (bound(o) ? canonicalQuantity(pvc(o).status?.capacity?.storage ?? '0') : '')),
  column('ACCESS MODES', (o) => (bound(o) ? accessModes(pvc(o).status?.accessModes) : '')),
  column('STORAGECLASS', (o) => storageClassOf(o, pvc(o).spec?.storageClassName)),
  column('VOLUMEATTRIBUTESCLASS', (o) => pvc(o).spec?.volumeAttributesClassName ?? '<unset>'),
  AGE,
  column('VOLUMEMODE', (o) => pvc(o).spec?.volumeMode ?? '<unset>', true),
];
