/**
 * The environment a container sees: PATH and HOSTNAME, the variables of its spec (value, and
 * valueFrom ConfigMap/Secret keys and fields), envFrom sources, and the service links
 * (`KUBERNETES_SERVICE_HOST`...) of the Services in its namespace when enableServiceLinks is on.
 */
import type { ObjectStore } from '../api/store.ts';
import type { ConfigMap, Pod, Secret, Service } from '../api/types/index.ts';

function serviceVars(svc: Service): [string, string][] {
  const name = svc.metadata.name.toUpperCase().replace(/-/g, '_');
  const ip = svc.spec.clusterIP;
  const ports = svc.spec.ports ?? [];
  if (!ip || ip === 'None' || ports.length === 0) return [];
  const p0 = ports[0];
  const proto = (p: { protocol?: string }) => (p.protocol ?? 'TCP').toLowerCase();
  const vars: [string, string][] = [
    [`${name}_SERVICE_HOST`, ip],
    [`${name}_SERVICE_PORT`, String(p0.port)],
  ];
  for (const p of ports) if (p.name) vars.push([`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port)]);
  vars.push([`${name}_PORT`, `${proto(p0)}://${ip}:${p0.port}`]);
  for (const p of ports) {
    const base = `${name}_PORT_${p.port}_${proto(p).toUpperCase()}`;
    vars.push([base, `${proto(p)}://${ip}:${p.port}`], [`${base}_PROTO`, proto(p)], [`${base}_PORT`, String(p.port)], [`${base}_ADDR`, ip]);
  }
  return vars;
}

function decode(s: string): string {
  return Buffer.from(s, 'base64').toString('utf8');
}

export function containerEnv(pod: Pod, container: string, store: ObjectStore): [string, string][] {
  const ns = pod.metadata.namespace ?? 'default';
  const c = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((x) => x.name === container);
  const env = new Map<string, string>();
  env.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  env.set('HOSTNAME', pod.spec.hostname ?? pod.metadata.name);
  for (const src of c?.envFrom ?? []) {
    const prefix = src.prefix ?? '';
    if (src.configMapRef) for (const [k, v] of Object.entries(store.get<ConfigMap>('ConfigMap', ns, src.configMapRef.name)?.data ?? {})) env.set(prefix + k, v);
    if (src.secretRef) for (const [k, v] of Object.entries(store.get<Secret>('Secret', ns, src.secretRef.name)?.data ?? {})) env.set(prefix + k, decode(v));
  }
  for (const e of c?.env ?? []) {
    if (e.value !== undefined) env.set(e.name, e.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v) => env.get(v) ?? m));
    else if (e.valueFrom?.configMapKeyRef) {
      const v = store.get<ConfigMap>('ConfigMap', ns, e.valueFrom.configMapKeyRef.name)?.data?.[e.valueFrom.configMapKeyRef.key];
      if (v !== undefined) env.set(e.name, v);
    } else if (e.valueFrom?.secretKeyRef) {
      const v = store.get<Secret>('Secret', ns, e.valueFrom.secretKeyRef.name)?.data?.[e.valueFrom.secretKeyRef.key];
      if (v !== undefined) env.set(e.name, decode(v));
    } else if (e.valueFrom?.fieldRef) {
      env.set(e.name, fieldValue(pod, e.valueFrom.fieldRef.fieldPath));
    } else env.set(e.name, '');
  }
  if (pod.spec.enableServiceLinks !== false) {
    for (const svc of store.list<Service>('Service', { namespace: ns })) for (const [k, v] of serviceVars(svc)) if (!env.has(k)) env.set(k, v);
  }
  if (ns !== 'default' || pod.spec.enableServiceLinks === false) {
    const k8s = store.get<Service>('Service', 'default', 'kubernetes');
    if (k8s) for (const [k, v] of serviceVars(k8s)) if (!env.has(k)) env.set(k, v);
  }
  env.set('HOME', env.get('HOME') ?? '/root');
  return [...env.entries()];
}

function fieldValue(pod: Pod, path: string): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    default: {
      const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
      if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? '';
      return '';
    }
  }
}
