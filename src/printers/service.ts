/**
 * `kubectl get services` (printers.go printService).
 *
 * CLUSTER-IP: spec.clusterIPs[0] (`None` for a headless service), `<none>` without one.
 * EXTERNAL-IP: ClusterIP/NodePort → spec.externalIPs or `<none>`; LoadBalancer → ingress IPs or
 * hostnames (sorted) plus externalIPs, `<pending>` without any;
 * ExternalName → spec.externalName.
 * PORT(S): `80/TCP`, `80:30080/TCP` with a node port, comma-separated; `<none>` without ports.
 */
import { formatLabels } from '../api/selector.ts';
import type { KubeObject, Service } from '../api/types/index.ts';
import { AGE, column, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

const svc = (o: KubeObject) => o as Service;

/** loadBalancerStatusStringer with wide output: the ingress IPs or hostnames, sorted. */
function loadBalancerIPs(s: Service): string {
  const set = new Set<string>();
  for (const ing of s.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  return [...set].sort().join(',');
}

export function serviceExternalIP(s: Service): string {
  const external = s.spec?.externalIPs ?? [];
  switch (s.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIPs(s);
      if (external.length > 0) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return s.spec.externalName ?? '';
  }
  return '<unknown>';
}

export function servicePorts(s: Service): string {
  const ports = (s.spec?.ports ?? []).map((p) => {
    const proto = p.protocol ?? 'TCP';
    return p.nodePort ? `${p.port}:${p.nodePort}/${proto}` : `${p.port}/${proto}`;
  });
  return ports.length > 0 ? ports.join(',') : '<none>';
}

export function serviceClusterIP(s: Service): string {
  return s.spec?.clusterIPs?.[0] || s.spec?.clusterIP || '<none>';
}

export const serviceColumns: ColumnDef[] = [
  NAME,
  column('TYPE', (o) => svc(o).spec?.type ?? ''),
  column('CLUSTER-IP', (o) => serviceClusterIP(svc(o))),
  // The API server prints tables with Wide: true, so load balancer addresses are never cut short.
  column('EXTERNAL-IP', (o) => serviceExternalIP(svc(o))),
  column('PORT(S)', (o) => servicePorts(svc(o))),
  AGE,
  column('SELECTOR', (o) => formatLabels(svc(o).spec?.selector), true),
];
