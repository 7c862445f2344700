/** `kubectl describe statefulset` (describeStatefulSet), with its volume claim templates. */
import type { StatefulSet } from '../../api/types/index.ts';
import { selectorString, storageClassOf } from '../common.ts';
import { canonicalQuantity } from '../quantity-format.ts';
import type { PrintContext } from '../types.ts';
import { describeEvents, eventsFor } from './events.ts';
import { goList, rfc1123z } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { describePodTemplate } from './pod-template.ts';
import { intOrString, podPhaseCounts } from './workload-common.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer.ts';

export function describeStatefulSet(sts: StatefulSet, ctx: PrintContext): string {
  const w = new DescribeWriter();
  const spec = sts.spec;
  w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', sts.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${spec?.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${spec?.updateStrategy?.type ?? ''}\n`);
  const ru = spec?.updateStrategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable, '')}\n`);
  }
  w.write(LEVEL_0, `Pods Status:\t${podPhaseCounts(sts, ctx)}\n`);
  describePodTemplate(w, spec?.template);
  const templates = spec?.volumeClaimTemplates ?? [];
  if (templates.length === 0) w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
  else {
    w.write(LEVEL_0, 'Volume Claims:\n');
    for (const pvc of templates) {
      w.write(LEVEL_1, `Name:\t${pvc.metadata.name}\n`);
      w.write(LEVEL_1, `StorageClass:\t${storageClassOf(pvc, pvc.spec?.storageClassName)}\n`);
      printLabelsMultiline(w, 'Labels', pvc.metadata.labels, '  ', '\t');
      printLabelsMultiline(w, 'Annotations', pvc.metadata.annotations, '  ', '\t');
      const storage = pvc.spec?.resources?.requests?.storage;
      w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? canonicalQuantity(storage) : '<default>'}\n`);
      w.write(LEVEL_1, `Access Modes:\t${goList(pvc.spec?.accessModes)}\n`);
    }
  }
  describeEvents(w, eventsFor(sts, ctx), ctx);
  return w.toString();
}
