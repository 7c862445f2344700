/**
 * The Containers / Init Containers sections of kubectl describe (describeContainers): image,
 * ports, command and args, state and last state, readiness, restarts, limits and requests,
 * probes, environment, mounts. Pod templates print the same without the status lines.
 */
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, Probe, ResourceRequirements } from '../../api/types/index.ts';
import { parseCpuMillis, parseBytes } from '../../api/quantity.ts';
import { canonicalQuantity } from '../quantity-format.ts';
import { cmp } from './multiline.ts';
import { printBool, rfc1123z } from './format.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type DescribeWriter } from './writer.ts';

export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  pod: Pod | undefined,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = statuses ? byName.get(c.name) : undefined;
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    describeCommand(w, c);
    if (status) {
      describeState(w, 'State', status.state);
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if ((c.envFrom ?? []).length > 0) describeEnvFrom(w, c);
    describeEnv(w, c, pod);
    describeMounts(w, c);
  }
}

function describeCommand(w: DescribeWriter, c: Container): void {
  for (const [title, list] of [['Command', c.command], ['Args', c.args]] as const) {
    if (!list || list.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of list) for (const s of item.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

/** describeStatus. */
export function describeState(w: DescribeWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

/** Limits then Requests, resource names sorted. */
export function describeResources(w: DescribeWriter, r: ResourceRequirements | undefined, level: number): void {
  for (const [title, list] of [['Limits', r?.limits], ['Requests', r?.requests]] as const) {
    const names = Object.keys(list ?? {}).sort(cmp);
    if (names.length === 0) continue;
    w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${canonicalQuantity(list![n])}\n`);
  }
}

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    const port = String(g.port ?? '');
    const host = g.host ?? '';
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host;
    // url.URL.String() puts a slash between the host and a relative path.
    const path = g.path && !g.path.startsWith('/') && hostPort ? `/${g.path}` : (g.path ?? '');
    return `http-get ${scheme}://${hostPort}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeEnvFrom(w: DescribeWriter, c: Container): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom ?? []) {
    const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : e.secretRef ? ['Secret', e.secretRef] : ['', undefined];
    const optional = ref?.optional === true;
    const name = ref?.name ?? '';
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

function describeEnv(w: DescribeWriter, c: Container, pod: Pod | undefined): void {
  const env = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const vf = e.valueFrom;
    if (vf.fieldRef) {
      // kubectl resolves the value only with an apiVersion (the API server defaults it to v1).
      const apiVersion = vf.fieldRef.apiVersion ?? '';
      const value = pod && apiVersion ? fieldRefValue(pod, vf.fieldRef.fieldPath) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${apiVersion}:${vf.fieldRef.fieldPath})\n`);
    } else if (vf.resourceFieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${resourceFieldValue(c, e)} (${vf.resourceFieldRef.resource})\n`);
    } else if (vf.secretKeyRef) {
      const r = vf.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name}'>\tOptional: ${r.optional === true}\n`);
    } else if (vf.configMapKeyRef) {
      const r = vf.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

/** EnvValueRetriever: the pod field a downward-API variable reads. */
function fieldRefValue(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((p) => p.ip).join(',');
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((p) => p.ip).join(',');
  }
  return '';
}

/** ExtractContainerResourceValue, divisor 1; an unset limit reads as the node's allocatable. */
function resourceFieldValue(c: Container, e: EnvVar): string {
  const resource = e.valueFrom!.resourceFieldRef!.resource;
  const [kind, name] = resource.split('.');
  const q = (kind === 'limits' ? c.resources?.limits : c.resources?.requests)?.[name];
  let value = '0';
  if (q !== undefined) value = name === 'cpu' ? String(Math.ceil(parseCpuMillis(q) / 1000)) : String(parseBytes(q));
  if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) return 'node allocatable';
  return value;
}

function describeMounts(w: DescribeWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => cmp(a.mountPath, b.mountPath));
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}
