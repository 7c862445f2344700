/** `kubectl get persistentvolumes` (printers.go printPersistentVolume): CLAIM is `namespace/name`. */
import type { KubeObject, PersistentVolume } from '../api/types/index.ts';
import { accessModes, AGE, column, NAME, storageClassOf } from './common.ts';
import { canonicalQuantity } from './quantity-format.ts';
import type { ColumnDef } from './types.ts';

const pv = (o: KubeObject) => o as PersistentVolume & { spec: { volumeAttributesClassName?: string } };

export const pvColumns: ColumnDef[] = [
  NAME,
  column('CAPACITY', (o) => canonicalQuantity(pv(o).spec?.capacity?.storage ?? '0')),
  column('ACCESS MODES', (o) => accessModes(pv(o).spec?.accessModes)),
  column('RECLAIM POLICY', (o) => pv(o).spec?.persistentVolumeReclaimPolicy ?? ''),
  column('STATUS', (o) => (o.metadata.deletionTimestamp ? 'Terminating' : (pv(o).status?.phase ?? ''))),
  column('CLAIM', (o) => {
    const ref = pv(o).spec?.claimRef;
    return ref ? `${ref.namespace ?? ''}/${ref.name}` : '';
  }),
  column('STORAGECLASS', (o) => storageClassOf(o, pv(o).spec?.storageClassName)),
  column('VOLUMEATTRIBUTESCLASS', (o) => pv(o).spec?.volumeAttributesClassName ?? '<unset>'),
  column('REASON', (o) => pv(o).status?.reason ?? ''),
  AGE,
  column('VOLUMEMODE', (o) => pv(o).spec?.volumeMode ?? '<unset>', true),
];
