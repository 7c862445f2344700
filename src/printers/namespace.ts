/** `kubectl get namespaces` (printers.go printNamespace): NAME STATUS AGE. */
import type { KubeObject, Namespace } from '../api/types/index.ts';
import { AGE, column, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

export const namespaceColumns: ColumnDef[] = [NAME, column('STATUS', (o: KubeObject) => (o as Namespace).status?.phase ?? ''), AGE];
