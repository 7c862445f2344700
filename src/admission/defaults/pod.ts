/**
 * core/v1 defaults for pods and pod templates (pkg/apis/core/v1/defaults.go), applied in the
 * order of the generated defaulters.
 *
 * A template (Deployment, Job...) gets SetDefaults_PodSpec and the container defaults; a Pod also
 * gets SetDefaults_Pod: requests copied from limits where missing, enableServiceLinks, and host
 * ports on hostNetwork pods. Worked example, `containers: [{name: web, image: nginx}]` becomes:
 *
 *   restartPolicy: Always, terminationGracePeriodSeconds: 30, dnsPolicy: ClusterFirst,
 *   securityContext: {}, schedulerName: default-scheduler, (Pod only) enableServiceLinks: true,
 *   containers[0]: imagePullPolicy: Always (no tag means :latest), terminationMessagePath:
 *   /dev/termination-log, terminationMessagePolicy: File, resources: {}
 */
import type { Container, PodSpec, Probe, Volume } from '../../api/types/index.ts';

type Loose = Record<string, any>;

/** parsers.ParseImageName's tag: `latest` when none is given, "" when a digest pins the image. */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) return name.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

function defaultHttpGet(h: Loose | undefined): void {
  if (!h) return;
  h.path ||= '/';
  h.scheme ||= 'HTTP';
}

function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  defaultHttpGet(p.httpGet as Loose | undefined);
}

export function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy) {
    const image = c.image ?? '';
    c.imagePullPolicy = /[A-Z]/.test(image.split('@')[0].split('/').pop()?.split(':')[0] ?? '') ? 'IfNotPresent' : imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ||= 'TCP';
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.fieldRef;
    if (ref) ref.apiVersion ||= 'v1';
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  const lc = c.lifecycle as Loose | undefined;
  defaultHttpGet(lc?.postStart?.httpGet);
  defaultHttpGet(lc?.preStop?.httpGet);
}

const DEFAULT_MODE = 0o644;

export function defaultVolume(v: Volume): void {
  const src = v as Loose;
  const sources = Object.keys(src).filter((k) => k !== 'name');
  if (sources.length === 0) src.emptyDir = {};
  if (src.secret) src.secret.defaultMode ??= DEFAULT_MODE;
  if (src.configMap) src.configMap.defaultMode ??= DEFAULT_MODE;
  if (src.downwardAPI) {
    src.downwardAPI.defaultMode ??= DEFAULT_MODE;
    for (const item of src.downwardAPI.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
  }
  if (src.projected) {
    src.projected.defaultMode ??= DEFAULT_MODE;
    for (const s of src.projected.sources ?? []) {
      if (s.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600;
      for (const item of s.downwardAPI?.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
    }
  }
  if (src.hostPath) src.hostPath.type ??= '';
  if (src.ephemeral?.volumeClaimTemplate?.spec) src.ephemeral.volumeClaimTemplate.spec.volumeMode ||= 'Filesystem';
}

/** SetDefaults_PodSpec plus the defaults of everything inside a pod spec. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  // v1 conversion keeps the deprecated serviceAccount in step with serviceAccountName.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else delete spec.serviceAccount;
  for (const v of spec.volumes ?? []) defaultVolume(v);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of ((spec as Loose).ephemeralContainers ?? []) as Container[]) defaultContainer(c);
}

function requestsFromLimits(c: Container): void {
  const limits = c.resources?.limits;
  if (!limits) return;
  c.resources!.requests ??= {};
  for (const [k, v] of Object.entries(limits)) if (!(k in c.resources!.requests)) c.resources!.requests[k] = v;
}

/** SetDefaults_Pod, then the pod spec defaults. */
export function defaultPod(spec: PodSpec): void {
  for (const c of spec.containers ?? []) requestsFromLimits(c);
  for (const c of spec.initContainers ?? []) requestsFromLimits(c);
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
  defaultPodSpec(spec);
}
