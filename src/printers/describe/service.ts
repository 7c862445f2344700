/**
 * `kubectl describe service` (describeService) and `kubectl describe endpoints`. A service's
 * `Endpoints:` line lists the ready addresses of its EndpointSlices as `ip:port` for that port
 * (at most 3, then ` + N more...`), `<none>` when it has no slices.
 */
import { formatLabels } from '../../api/selector.ts';
import type { EndpointSlice, Endpoints, Service } from '../../api/types/index.ts';
import type { PrintContext } from '../types.ts';
import { describeEvents, eventsFor } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2 } from './writer.ts';

const MAX = 3;
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

function joinHostPort(ip: string, port: number | undefined): string {
  return `${ip.includes(':') ? `[${ip}]` : ip}:${port ?? 0}`;
}

/** formatEndpointSlices for one service port name. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (text: string, ready: boolean) => {
    if (list.length === MAX) more = true;
    if (!ready) return;
    if (!more) list.push(text);
    count++;
  };
  for (const s of slices) {
    const endpoints = s.endpoints ?? [];
    if ((s.ports ?? []).length === 0) {
      for (const e of endpoints) add(e.addresses?.[0] ?? '', e.conditions?.ready !== false);
      continue;
    }
    for (const p of s.ports ?? []) {
      if ((p.name ?? '') !== portName) continue;
      for (const e of endpoints) add(joinHostPort(e.addresses?.[0] ?? '', p.port), e.conditions?.ready !== false);
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

export function describeService(svc: Service, ctx: PrintContext): string {
  const w = new DescribeWriter();
  const spec = svc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).join(',') || '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  const ips = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  w.write(LEVEL_0, `IPs:\t${ips.join(',') || '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname || '').join(', ')}\n`);
  const slices = ctx.store.list<EndpointSlice>('EndpointSlice', {
    namespace: svc.metadata.namespace,
    selector: { requirements: [{ key: SERVICE_NAME_LABEL, op: '=', values: [svc.metadata.name] }] },
  });
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  describeEvents(w, eventsFor(svc, ctx), ctx);
  return w.toString();
}

export function describeEndpoints(ep: Endpoints, ctx: PrintContext): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', ep.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if ((ss.ports ?? []).length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of ss.ports!) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  describeEvents(w, eventsFor(ep, ctx), ctx);
  return w.toString();
}
