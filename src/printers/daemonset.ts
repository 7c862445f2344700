/** `kubectl get daemonsets` (printers.go printDaemonSet): NODE SELECTOR is the template's nodeSelector. */
import { formatLabels } from '../api/selector.ts';
import type { DaemonSet, KubeObject } from '../api/types/index.ts';
import { AGE, column, containerCells, formatSelector, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

const ds = (o: KubeObject) => o as DaemonSet;

export const daemonSetColumns: ColumnDef[] = [
  NAME,
  column('DESIRED', (o) => String(ds(o).status?.desiredNumberScheduled ?? 0)),
  column('CURRENT', (o) => String(ds(o).status?.currentNumberScheduled ?? 0)),
  column('READY', (o) => String(ds(o).status?.numberReady ?? 0)),
  column('UP-TO-DATE', (o) => String(ds(o).status?.updatedNumberScheduled ?? 0)),
  column('AVAILABLE', (o) => String(ds(o).status?.numberAvailable ?? 0)),
  column('NODE SELECTOR', (o) => formatLabels(ds(o).spec?.template?.spec?.nodeSelector)),
  AGE,
  column('CONTAINERS', (o) => containerCells(ds(o).spec?.template?.spec?.containers).names, true),
  column('IMAGES', (o) => containerCells(ds(o).spec?.template?.spec?.containers).images, true),
  column('SELECTOR', (o) => formatSelector(ds(o).spec?.selector), true),
];
