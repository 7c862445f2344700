/** `kubectl get configmaps` (printers.go printConfigMap): DATA counts data and binaryData keys. */
import type { ConfigMap, KubeObject } from '../api/types/index.ts';
import { AGE, column, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

const cm = (o: KubeObject) => o as ConfigMap;

export const configMapColumns: ColumnDef[] = [
  NAME,
  column('DATA', (o) => String(Object.keys(cm(o).data ?? {}).length + Object.keys(cm(o).binaryData ?? {}).length)),
  AGE,
];
