/** `kubectl describe replicaset` (describeReplicaSet). */
import type { ReplicaSet } from '../../api/types/index.ts';
import { formatSelector } from '../common.ts';
import type { PrintContext } from '../types.ts';
import { describeEvents, eventsFor } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { controlledBy } from './pod.ts';
import { describePodTemplate } from './pod-template.ts';
import { describeConditionsTable, podPhaseCounts } from './workload-common.ts';
import { DescribeWriter, LEVEL_0 } from './writer.ts';

export function describeReplicaSet(rs: ReplicaSet, ctx: PrintContext): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${formatSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const controller = controlledBy(rs);
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podPhaseCounts(rs, ctx)}\n`);
  describePodTemplate(w, rs.spec?.template);
  describeConditionsTable(w, rs.status?.conditions);
  describeEvents(w, eventsFor(rs, ctx), ctx);
  return w.toString();
}
