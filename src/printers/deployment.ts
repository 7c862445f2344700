/** `kubectl get deployments` (printers.go printDeployment): READY is readyReplicas/spec.replicas. */
import type { Deployment, KubeObject } from '../api/types/index.ts';
import { AGE, column, containerCells, NAME, selectorString } from './common.ts';
import type { ColumnDef } from './types.ts';

const d = (o: KubeObject) => o as Deployment;

export const deploymentColumns: ColumnDef[] = [
  NAME,
  column('READY', (o) => `${d(o).status?.readyReplicas ?? 0}/${d(o).spec?.replicas ?? 1}`),
  column('UP-TO-DATE', (o) => String(d(o).status?.updatedReplicas ?? 0)),
  column('AVAILABLE', (o) => String(d(o).status?.availableReplicas ?? 0)),
  AGE,
  column('CONTAINERS', (o) => containerCells(d(o).spec?.template?.spec?.containers).names, true),
  column('IMAGES', (o) => containerCells(d(o).spec?.template?.spec?.containers).images, true),
  // printDeployment prints selector.String(): empty, not <none>, for an empty selector.
  column('SELECTOR', (o) => selectorString(d(o).spec?.selector), true),
];
