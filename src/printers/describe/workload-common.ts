/** Pieces the workload descriptions share: pod phase counts of a controller, conditions tables. */
import type { Condition, KubeObject, Pod } from '../../api/types/index.ts';
import type { PrintContext } from '../types.ts';
import { LEVEL_0, LEVEL_1, type DescribeWriter } from './writer.ts';

/** getPodStatusForController: the controller's pods by phase, from the owner index. */
export function podPhaseCounts(owner: KubeObject, ctx: PrintContext): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const pod of ctx.store.dependentsOf<Pod>(owner.metadata.uid ?? '', 'Pod')) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.uid !== owner.metadata.uid) continue;
    switch (pod.status?.phase) {
      case 'Running':
        running++;
        break;
      case 'Pending':
        waiting++;
        break;
      case 'Succeeded':
        succeeded++;
        break;
      case 'Failed':
        failed++;
        break;
    }
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

/** The `Conditions:` table of deployments and replica sets: Type, Status, Reason. */
export function describeConditionsTable(w: DescribeWriter, conditions: readonly Condition[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** IntOrString.String(). */
export function intOrString(v: number | string | undefined, dflt: string): string {
  return v === undefined ? dflt : String(v);
}
