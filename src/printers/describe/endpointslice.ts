/** `kubectl describe endpointslice` (describeEndpointSliceV1). */
import type { EndpointSlice } from '../../api/types/index.ts';
import type { PrintContext } from '../types.ts';
import { describeEvents, eventsFor } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from './writer.ts';

export function describeEndpointSlice(eps: EndpointSlice, ctx: PrintContext): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${eps.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', eps.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations);
  w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ''}\n`);
  const ports = eps.ports ?? [];
  if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
  else {
    w.write(LEVEL_0, 'Ports:\n');
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const p of ports) w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}\n`);
  }
  const endpoints = eps.endpoints ?? [];
  if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
  else {
    w.write(LEVEL_0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
      w.write(LEVEL_2, 'Conditions:\n');
      w.write(LEVEL_3, `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  describeEvents(w, eventsFor(eps, ctx), ctx);
  return w.toString();
}
