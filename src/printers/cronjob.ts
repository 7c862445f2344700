/**
 * `kubectl get cronjobs` (printers.go printCronJob): TIMEZONE `<none>` when unset, SUSPEND as
 * printBoolPtr (`False`, `True`, `<unset>`), ACTIVE the number of active jobs, LAST SCHEDULE the
 * age of status.lastScheduleTime or `<none>`.
 */
import { age } from '../api/duration.ts';
import type { CronJob, KubeObject } from '../api/types/index.ts';
import { AGE, boolPtr, column, containerCells, formatSelector, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

const cj = (o: KubeObject) => o as CronJob;

export const cronJobColumns: ColumnDef[] = [
  NAME,
  column('SCHEDULE', (o) => cj(o).spec?.schedule ?? ''),
  column('TIMEZONE', (o) => cj(o).spec?.timeZone ?? '<none>'),
  column('SUSPEND', (o) => boolPtr(cj(o).spec?.suspend)),
  column('ACTIVE', (o) => String(cj(o).status?.active?.length ?? 0)),
  column('LAST SCHEDULE', (o, ctx) => {
    const last = cj(o).status?.lastScheduleTime;
    return last ? age(last, ctx.now) : '<none>';
  }),
  AGE,
  column('CONTAINERS', (o) => containerCells(cj(o).spec?.jobTemplate?.spec?.template?.spec?.containers).names, true),
  column('IMAGES', (o) => containerCells(cj(o).spec?.jobTemplate?.spec?.template?.spec?.containers).images, true),
  column('SELECTOR', (o) => formatSelector(cj(o).spec?.jobTemplate?.spec?.selector), true),
];
