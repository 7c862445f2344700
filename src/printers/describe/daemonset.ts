/** `kubectl describe daemonset` (describeDaemonSet). */
import { formatLabels } from '../../api/selector.ts';
import type { DaemonSet } from '../../api/types/index.ts';
import { selectorString } from '../common.ts';
import type { PrintContext } from '../types.ts';
import { describeEvents, eventsFor } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { describePodTemplate } from './pod-template.ts';
import { podPhaseCounts } from './workload-common.ts';
import { DescribeWriter, LEVEL_0 } from './writer.ts';

export function describeDaemonSet(ds: DaemonSet, ctx: PrintContext): string {
  const w = new DescribeWriter();
  const st = ds.status;
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, 'Labels', ds.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podPhaseCounts(ds, ctx)}\n`);
  describePodTemplate(w, ds.spec?.template);
  describeEvents(w, eventsFor(ds, ctx), ctx);
  return w.toString();
}
