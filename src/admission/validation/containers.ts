/**
 * Container validation (core validation.go validateContainerCommon and friends): names, images,
 * ports, env, envFrom, volume mounts, pull policy, resources, probes and lifecycle hooks.
 *
 * Examples:
 *   spec.containers[0].name: Required value
 *   spec.containers[1].name: Duplicate value: "web"
 *   spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive
 *   spec.containers[0].volumeMounts[0].name: Not found: "data"
 *   spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1
 */
import type { FieldError } from '../../apiserver/errors.ts';
import type { Container, Probe } from '../../api/types/index.ts';
import { duplicate, forbidden, invalid, nonNegative, notFound, notSupported, Path, required } from '../util/field-path.ts';
import { isConfigMapKey, isDns1123Label, isRelaxedEnvVarName, isValidPortName, isValidPortNum, nameIsDnsSubdomain } from '../util/names.ts';
import { validateResourceRequirements } from './resources.ts';

type AnyContainer = Container & {
  volumeDevices?: { name: string; devicePath: string }[];
  stdinOnce?: boolean;
  resizePolicy?: unknown[];
};
type Handler = {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; scheme?: string; httpHeaders?: { name: string }[] };
  tcpSocket?: { port: number | string };
  grpc?: { port: number };
  sleep?: { seconds: number };
};

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export function validatePortNumOrName(port: number | string, path: Path): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  return isValidPortName(port).map((m) => invalid(path, port, m));
}

function validatePorts(c: AnyContainer, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (c.ports ?? []).forEach((p, i) => {
    const ip = path.index(i);
    if (p.name) {
      const msgs = isValidPortName(p.name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(ip.child('name'), p.name, m));
      else if (names.has(p.name)) errs.push(duplicate(ip.child('name'), p.name));
      else names.add(p.name);
    }
    if (!p.containerPort) errs.push(required(ip.child('containerPort')));
    else for (const m of isValidPortNum(p.containerPort)) errs.push(invalid(ip.child('containerPort'), p.containerPort, m));
    if (p.hostPort) for (const m of isValidPortNum(p.hostPort)) errs.push(invalid(ip.child('hostPort'), p.hostPort, m));
    if (!p.protocol) errs.push(required(ip.child('protocol')));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(ip.child('protocol'), p.protocol, PROTOCOLS));
  });
  return errs;
}

const ENV_FIELD_PATHS = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
].sort();

function validateKeySelector(s: { name?: string; key?: string }, path: Path): FieldError[] {
  const errs: FieldError[] = nameIsDnsSubdomain(s.name ?? '', false).map((m) => invalid(path.child('name'), s.name ?? '', m));
  if (!s.key) errs.push(required(path.child('key')));
  else for (const m of isConfigMapKey(s.key)) errs.push(invalid(path.child('key'), s.key, m));
  return errs;
}

function validateEnv(c: AnyContainer, container: Path): FieldError[] {
  const errs: FieldError[] = [];
  const envFromPath = container.child('envFrom');
  (c.env ?? []).forEach((ev, i) => {
    const ip = container.child('env').index(i);
    if (!ev.name) errs.push(required(ip.child('name')));
    else for (const m of isRelaxedEnvVarName(ev.name)) errs.push(invalid(ip.child('name'), ev.name, m));
    const from = ev.valueFrom;
    if (!from) return;
    const fp = ip.child('valueFrom');
    let sources = 0;
    if (from.fieldRef) {
      sources++;
      const ref = from.fieldRef;
      if (!ref.apiVersion) errs.push(required(fp.child('fieldRef', 'apiVersion')));
      else if (!ref.fieldPath) errs.push(required(fp.child('fieldRef', 'fieldPath')));
      else {
        const sub = /^(metadata\.(labels|annotations))\['(.*)'\]$/.exec(ref.fieldPath);
        if (!sub && !ENV_FIELD_PATHS.includes(ref.fieldPath)) errs.push(notSupported(fp.child('fieldRef', 'fieldPath'), ref.fieldPath, ENV_FIELD_PATHS));
      }
    }
    if (from.resourceFieldRef) {
      sources++;
      if (!from.resourceFieldRef.resource) errs.push(required(fp.child('resourceFieldRef', 'resource')));
    }
    if (from.configMapKeyRef) {
      sources++;
      errs.push(...validateKeySelector(from.configMapKeyRef, fp.child('configMapKeyRef')));
    }
    if (from.secretKeyRef) {
      sources++;
      errs.push(...validateKeySelector(from.secretKeyRef, fp.child('secretKeyRef')));
    }
    if (sources === 0) errs.push(invalid(fp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (ev.value) errs.push(invalid(fp, '', 'may not be specified when `value` is not empty'));
    else if (sources > 1) errs.push(invalid(fp, '', 'may not have more than one field specified at a time'));
  });
  (c.envFrom ?? []).forEach((ef, i) => {
    const ip = envFromPath.index(i);
    if (ef.prefix) for (const m of isRelaxedEnvVarName(ef.prefix)) errs.push(invalid(ip.child('prefix'), ef.prefix, m));
    let sources = 0;
    for (const [field, ref] of [['configMapRef', ef.configMapRef], ['secretRef', ef.secretRef]] as const) {
      if (!ref) continue;
      sources++;
      if (!ref.name) errs.push(required(ip.child(field, 'name')));
      else for (const m of nameIsDnsSubdomain(ref.name, true)) errs.push(invalid(ip.child(field, 'name'), ref.name, m));
    }
    if (sources === 0) errs.push(invalid(envFromPath, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalid(envFromPath, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(c: AnyContainer, volumes: ReadonlySet<string>, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const ip = path.index(i);
    if (!m.name) errs.push(required(ip.child('name')));
    if (!volumes.has(m.name)) errs.push(notFound(ip.child('name'), m.name ?? ''));
    if (!m.mountPath) errs.push(required(ip.child('mountPath')));
    if (mountPaths.has(m.mountPath)) errs.push(invalid(ip.child('mountPath'), m.mountPath, 'must be unique'));
    mountPaths.add(m.mountPath);
    if (m.subPath && (m.subPath.startsWith('/') || m.subPath.split('/').includes('..'))) {
      errs.push(invalid(path.child('subPath'), m.subPath, m.subPath.startsWith('/') ? 'must be a relative path' : "must not contain '..'"));
    }
  });
  return errs;
}

function validateHandler(h: Handler, grace: number | undefined, path: Path, allowSleep: boolean): FieldError[] {
  const errs: FieldError[] = [];
  let handlers = 0;
  const one = (name: keyof Handler, check: () => FieldError[]) => {
    if (!h[name]) return;
    if (handlers > 0) errs.push(forbidden(path.child(name), 'may not specify more than 1 handler type'));
    else {
      handlers++;
      errs.push(...check());
    }
  };
  one('exec', () => ((h.exec?.command ?? []).length === 0 ? [required(path.child('exec', 'command'))] : []));
  one('httpGet', () => {
    const g = h.httpGet!;
    const out: FieldError[] = [];
    if (!g.path) out.push(required(path.child('httpGet', 'path')));
    out.push(...validatePortNumOrName(g.port, path.child('httpGet', 'port')));
    if (g.scheme !== 'HTTP' && g.scheme !== 'HTTPS') out.push(notSupported(path.child('httpGet', 'scheme'), g.scheme ?? '', ['HTTP', 'HTTPS']));
    return out;
  });
  one('tcpSocket', () => validatePortNumOrName(h.tcpSocket!.port, path.child('tcpSocket', 'port')));
  one('grpc', () => validatePortNumOrName(h.grpc!.port ?? 0, path.child('grpc', 'port')));
  if (allowSleep) {
    one('sleep', () => {
      const s = h.sleep!.seconds ?? 0;
      if (grace !== undefined && (s <= 0 || s > grace)) {
        return [
          invalid(
            path.child('sleep'),
            s,
            `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
          ),
        ];
      }
      return [];
    });
  }
  if (handlers === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(p: Probe | undefined, grace: number | undefined, path: Path, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!p) return [];
  const errs = validateHandler(p as Handler, grace, path, false);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...nonNegative(p[f], path.child(f)));
  }
  if (p.terminationGracePeriodSeconds !== undefined && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), p.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  if (kind !== 'readiness' && (p.successThreshold ?? 1) !== 1) errs.push(invalid(path.child('successThreshold'), p.successThreshold ?? 0, 'must be 1'));
  if (kind === 'readiness' && p.terminationGracePeriodSeconds !== undefined) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return errs;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

/** validateContainerCommon: what every container (regular, init, ephemeral) must satisfy. */
function validateCommon(c: AnyContainer, volumes: ReadonlySet<string>, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(path.child('name')));
  else for (const m of isDns1123Label(c.name)) errs.push(invalid(path.child('name'), c.name, m));
  if (!c.image) errs.push(required(path.child('image')));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(required(path.child('terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validatePorts(c, path.child('ports')));
  errs.push(...validateEnv(c, path));
  errs.push(...validateVolumeMounts(c, volumes, path.child('volumeMounts')));
  if (!c.imagePullPolicy) errs.push(required(path.child('imagePullPolicy')));
  else if (!PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(notSupported(path.child('imagePullPolicy'), c.imagePullPolicy, PULL_POLICIES));
  errs.push(...validateResourceRequirements(c.resources, path.child('resources')));
  return errs;
}

export interface ContainerContext {
  volumes: ReadonlySet<string>;
  grace: number | undefined;
}

/** validateContainers: the regular containers of a pod spec. */
export function validateContainers(containers: AnyContainer[] | undefined, ctx: ContainerContext, path: Path): FieldError[] {
  const list = containers ?? [];
  if (list.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const p = path.index(i);
    errs.push(...validateCommon(c, ctx.volumes, p));
    if (names.has(c.name)) errs.push(duplicate(p.child('name'), c.name));
    else names.add(c.name);
    if (c.lifecycle) {
      const lc = c.lifecycle as { postStart?: Handler; preStop?: Handler };
      if (lc.postStart) errs.push(...validateHandler(lc.postStart, ctx.grace, p.child('lifecycle', 'postStart'), true));
      if (lc.preStop) errs.push(...validateHandler(lc.preStop, ctx.grace, p.child('lifecycle', 'preStop'), true));
    }
    errs.push(...validateProbe(c.livenessProbe, ctx.grace, p.child('livenessProbe'), 'liveness'));
    errs.push(...validateProbe(c.readinessProbe, ctx.grace, p.child('readinessProbe'), 'readiness'));
    errs.push(...validateProbe(c.startupProbe, ctx.grace, p.child('startupProbe'), 'startup'));
    if (c.restartPolicy !== undefined) errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(list, path));
  return errs;
}

/** validateInitContainers: names unique across init and regular containers; probes only for sidecars. */
export function validateInitContainers(inits: AnyContainer[] | undefined, regular: AnyContainer[] | undefined, ctx: ContainerContext, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const p = path.index(i);
    errs.push(...validateCommon(c, ctx.volumes, p));
    const sidecar = c.restartPolicy === 'Always';
    if (c.restartPolicy !== undefined && !sidecar) errs.push(notSupported(p.child('restartPolicy'), c.restartPolicy, ['Always']));
    if (names.has(c.name)) errs.push(duplicate(p.child('name'), c.name));
    else if (c.name) names.add(c.name);
    errs.push(...hostPortConflicts([c], path));
    if (sidecar) {
      errs.push(...validateProbe(c.livenessProbe, ctx.grace, p.child('livenessProbe'), 'liveness'));
      errs.push(...validateProbe(c.readinessProbe, ctx.grace, p.child('readinessProbe'), 'readiness'));
      errs.push(...validateProbe(c.startupProbe, ctx.grace, p.child('startupProbe'), 'startup'));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[f]) errs.push(forbidden(p.child(f), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

function hostPortConflicts(containers: AnyContainer[], path: Path): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((p, pi) => {
      if (!p.hostPort) return;
      const key = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${p.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}
