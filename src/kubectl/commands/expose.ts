/**
 * kubectl expose (deploy|rs|rc|pod|svc) NAME [--port] [--target-port] [--type] [--name]
 * [--protocol] [--selector] [--labels]: a Service selecting the object's pods (its selector, or a
 * pod's labels), on the given port or the ports the object declares (`service/NAME exposed`).
 */
import type { Container, KubeObject, LabelSelector, Service, ServicePort } from '../../api/types/index.ts';
import { changeCause, dryRunFlag, fieldManagerFlag, filenameFlags, printFlags, recordFlag } from '../common-flags.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { aggregate, KubectlError } from '../errors.ts';
import { buildTargets, type Target } from '../resource-builder.ts';
import { createGenerated } from './create.ts';

const EXPOSABLE = new Set(['ReplicationController', 'Service', 'Pod', 'Deployment', 'ReplicaSet']);

export const exposeCommand: CommandSpec = {
  path: ['expose'],
  use: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  flags: [
    ...printFlags,
    ...filenameFlags('identifying the resource to expose a service'),
    { name: 'port', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'protocol', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'external-ip', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    { name: 'save-config', type: 'bool' },
    { name: 'overrides', type: 'string', unsupported: 'JSON overrides are not simulated' },
    { name: 'override-type', type: 'string', default: 'merge' },
    dryRunFlag,
    recordFlag,
    fieldManagerFlag('kubectl-expose'),
  ],
  run(ctx: CommandContext): void {
    const result = buildTargets(ctx, ctx.args, { allowEmptySelector: false, filenames: ctx.flags.list('filename') });
    const errors = [...result.errors];
    for (const t of result.targets) {
      try {
        exposeOne(ctx, t);
      } catch (e) {
        errors.push(e as Error);
        break;
      }
    }
    const err = aggregate(errors);
    if (err) throw err;
  },
};

function exposeOne(ctx: CommandContext, t: Target): void {
  const f = ctx.flags;
  const obj = t.object!;
  if (!EXPOSABLE.has(obj.kind)) throw new KubectlError(`cannot expose a ${t.info.group ? `${t.info.kind}.${t.info.group}` : t.info.kind}`);
  let selector = f.string('selector');
  if (!selector) {
    try {
      selector = selectorOf(obj);
    } catch (e) {
      throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
    }
  }
  const headless = f.string('cluster-ip') === 'None';
  let portList = f.string('port') ? [f.string('port')] : [];
  const objPorts = portsOf(obj);
  if (portList.length === 0) {
    if (objPorts.length === 0 && !headless) throw new KubectlError("couldn't find port via --port flag or introspection");
    portList = objPorts.map((p) => String(p.port));
  }
  const protocolOf = (port: string) => f.string('protocol') || objPorts.find((p) => String(p.port) === port)?.protocol || 'TCP';
  const targetPort = f.string('target-port');
  const ports: ServicePort[] = portList.map((p, i) => {
    const port = Number(p);
    if (!/^\d+$/.test(p)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`);
    return {
      ...(portList.length > 1 ? { name: `port-${i + 1}` } : {}),
      port,
      protocol: protocolOf(p),
      targetPort: targetPort ? (/^\d+$/.test(targetPort) ? Number(targetPort) : targetPort) : port,
    };
  });
  const name = (f.string('name') || t.name).slice(0, 63);
  const labels = f.string('labels') ? parseLabels(f.string('labels')) : obj.metadata.labels;
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(labels && Object.keys(labels).length ? { labels: { ...labels } } : {}), ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}) },
    spec: { ports, selector: parseLabels(selector) },
  };
  const type = f.string('type');
  if (type) svc.spec.type = type as Service['spec']['type'];
  if (f.string('external-ip')) svc.spec.externalIPs = [f.string('external-ip')];
  if (type === 'LoadBalancer' && f.string('load-balancer-ip')) svc.spec.loadBalancerIP = f.string('load-balancer-ip');
  const affinity = f.string('session-affinity');
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') throw new KubectlError(`unknown session affinity: ${affinity}`);
    svc.spec.sessionAffinity = affinity;
  }
  if (f.string('cluster-ip')) svc.spec.clusterIP = f.string('cluster-ip');
  const cause = changeCause(ctx);
  if (cause) svc.metadata.annotations = { 'kubernetes.io/change-cause': cause };
  createGenerated(ctx, svc, undefined, 'exposed');
}

/** MapBasedSelectorForObject: `k=v,k2=v2`. */
function selectorOf(obj: KubeObject): string {
  const join = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k}=${v}`).join(',');
  switch (obj.kind) {
    case 'Pod':
      if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) throw new Error('the pod has no labels and cannot be exposed');
      return join(obj.metadata.labels);
    case 'Service': {
      const sel = (obj.spec as { selector?: Record<string, string> }).selector;
      if (!sel) throw new Error(`the service has no pod selector set`);
      return join(sel);
    }
    case 'ReplicationController':
      return join((obj.spec as { selector?: Record<string, string> }).selector ?? {});
    default: {
      const ls = (obj.spec as { selector?: LabelSelector }).selector;
      const noun = obj.kind === 'Deployment' ? 'deployment' : 'replicaset';
      if (!ls) throw new Error(`invalid ${noun}: no selectors, therefore cannot be exposed`);
      if ((ls.matchExpressions ?? []).length > 0) throw new Error(`couldn't convert expressions - "${JSON.stringify(ls.matchExpressions)}" to map-based selector format`);
      return join(ls.matchLabels ?? {});
    }
  }
}

/** PortsForObject with protocols: a pod's (or template's) container ports, or a service's ports. */
function portsOf(obj: KubeObject): { port: number; protocol: string }[] {
  if (obj.kind === 'Service') return ((obj.spec as Service['spec']).ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  const containers: Container[] =
    obj.kind === 'Pod' ? (obj.spec as { containers: Container[] }).containers : ((obj.spec as { template?: { spec: { containers: Container[] } } }).template?.spec.containers ?? []);
  return containers.flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })));
}

function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${part}`);
    if (kv[0] === '') throw new KubectlError('unexpected empty label key');
    out[kv[0]] = kv[1];
  }
  return out;
}
