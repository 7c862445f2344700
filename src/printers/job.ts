/**
 * `kubectl get jobs` (printers.go printJob).
 *
 * STATUS: the first that holds of Complete, Failed (conditions True), Terminating (being
 * deleted), Suspended, FailureTarget, else Running.
 * COMPLETIONS: `succeeded/completions`; without completions `succeeded/1`, or
 * `succeeded/1 of P` when parallelism P > 1.
 * DURATION: empty before startTime; now − startTime while running; completionTime − startTime.
 * Worked example: parallelism 3, no completions, 1 succeeded → "1/1 of 3".
 */
import { humanDuration } from '../api/duration.ts';
import type { Job, KubeObject } from '../api/types/index.ts';
import { AGE, column, containerCells, formatSelector, ms, NAME } from './common.ts';
import type { ColumnDef, PrintContext } from './types.ts';

const job = (o: KubeObject) => o as Job;

function hasCondition(j: Job, type: string): boolean {
  // hasJobCondition: the first condition of that type decides.
  const c = j.status?.conditions?.find((x) => x.type === type);
  return c?.status === 'True';
}

export function jobStatus(j: Job): string {
  if (hasCondition(j, 'Complete')) return 'Complete';
  if (hasCondition(j, 'Failed')) return 'Failed';
  if (j.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(j, 'Suspended')) return 'Suspended';
  if (hasCondition(j, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

export function jobCompletions(j: Job): string {
  const succeeded = j.status?.succeeded ?? 0;
  if (j.spec?.completions !== undefined && j.spec.completions !== null) return `${succeeded}/${j.spec.completions}`;
  const parallelism = j.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

export function jobDuration(j: Job, ctx: PrintContext): string {
  const start = j.status?.startTime;
  if (!start) return '';
  const end = j.status?.completionTime;
  return humanDuration((end ? ms(end) : ctx.now) - ms(start));
}

export const jobColumns: ColumnDef[] = [
  NAME,
  column('STATUS', (o) => jobStatus(job(o))),
  column('COMPLETIONS', (o) => jobCompletions(job(o))),
  column('DURATION', (o, ctx) => jobDuration(job(o), ctx)),
  AGE,
  column('CONTAINERS', (o) => containerCells(job(o).spec?.template?.spec?.containers).names, true),
  column('IMAGES', (o) => containerCells(job(o).spec?.template?.spec?.containers).images, true),
  column('SELECTOR', (o) => formatSelector(job(o).spec?.selector), true),
];
