/**
 * kubectl cluster-info: the control plane's address and the cluster services of kube-system (those
 * labelled `kubernetes.io/cluster-service=true`, such as CoreDNS), with their API proxy URLs.
 */
import { parseSelector } from '../../api/selector.ts';
import type { Service } from '../../api/types/index.ts';
import type { CommandContext, CommandSpec } from '../context.ts';

const HOST = 'https://127.0.0.1:6443';

export const clusterInfoCommand: CommandSpec = {
  path: ['cluster-info'],
  use: 'cluster-info',
  flags: [],
  run(ctx: CommandContext): void {
    const namespace = ctx.explicitNamespace ? ctx.namespace : 'kube-system';
    ctx.out(`Kubernetes control plane is running at ${HOST}\n`);
    for (const svc of ctx.api.list<Service>('Service', namespace, parseSelector('kubernetes.io/cluster-service=true'))) {
      const label = svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name;
      ctx.out(`${label} is running at ${serviceLink(svc)}\n`);
    }
    ctx.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  },
};

function serviceLink(svc: Service): string {
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const ip = ingress[0].ip || ingress[0].hostname;
    return (svc.spec.ports ?? []).map((p) => `http://${ip}:${p.port} `).join('');
  }
  let name = svc.metadata.name;
  const port = svc.spec.ports?.[0];
  if (port) {
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    name = joinSchemeNamePort(scheme, svc.metadata.name, port.name ?? '');
  }
  return `${HOST}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
}

/** utilnet.JoinSchemeNamePort: `scheme:name:port`, `name:port` or `name`. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  if (port) return `${name}:${port}`;
  return name;
}
