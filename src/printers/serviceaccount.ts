/** `kubectl get serviceaccounts` (printers.go printServiceAccount): SECRETS is len(secrets). */
import type { KubeObject, ServiceAccount } from '../api/types/index.ts';
import { AGE, column, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

export const serviceAccountColumns: ColumnDef[] = [
  NAME,
  column('SECRETS', (o: KubeObject) => String((o as ServiceAccount).secrets?.length ?? 0)),
  AGE,
];
