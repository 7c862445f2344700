/** `kubectl get secrets` (printers.go printSecret): TYPE and the number of data keys. */
import type { KubeObject, Secret } from '../api/types/index.ts';
import { AGE, column, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

const secret = (o: KubeObject) => o as Secret;

export const secretColumns: ColumnDef[] = [
  NAME,
  column('TYPE', (o) => secret(o).type ?? ''),
  column('DATA', (o) => String(Object.keys(secret(o).data ?? {}).length)),
  AGE,
];
