/**
 * What the registries' strategies do to an object after admission and before validation
 * (PrepareForCreate / PrepareForUpdate): the status a new object starts with, the Job's generated
 * selector, a Namespace's `kubernetes` finalizer, a Service's cluster IPs kept across updates, a
 * DaemonSet's template generation.
 *
 * Starting statuses, as `kubectl get -o yaml` shows a new object:
 *   Pod {phase: Pending, qosClass}   ReplicaSet {replicas: 0}   Deployment, Job, CronJob {}
 *   StatefulSet {replicas: 0, availableReplicas: 0}   DaemonSet {4 counters at 0}
 *   Service {loadBalancer: {}}   PVC {phase: Pending}   PV {phase: Pending}   Namespace {phase: Active}
 */
import { rfc3339 } from '../api/duration.ts';
import { deepEqual } from '../api/object-util.ts';
import type { DaemonSet, Job, KubeObject, Namespace, Pod, Service } from '../api/types/index.ts';
import { computeQosClass } from './validation/resources.ts';
import { JOB_NAME_LABEL, JOB_UID_LABEL } from './validation/batch.ts';

const INITIAL_STATUS: Record<string, () => Record<string, unknown>> = {
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  StatefulSet: () => ({ replicas: 0, availableReplicas: 0 }),
  DaemonSet: () => ({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }),
  Job: () => ({}),
  CronJob: () => ({}),
  Service: () => ({ loadBalancer: {} }),
  PersistentVolumeClaim: () => ({ phase: 'Pending' }),
  Namespace: () => ({ phase: 'Active' }),
};

/** generateSelector: the Job selects its own uid; its pods carry the uid and name labels. */
export function generateJobSelector(job: Job): void {
  const spec = job.spec;
  if (spec.manualSelector) return;
  spec.template ??= { spec: {} as Job['spec']['template']['spec'] };
  spec.template.metadata ??= {};
  const labels = (spec.template.metadata.labels ??= {});
  const uid = job.metadata.uid ?? '';
  for (const key of ['job-name', JOB_NAME_LABEL]) if (!(key in labels)) labels[key] = job.metadata.name ?? '';
  for (const key of ['controller-uid', JOB_UID_LABEL]) if (!(key in labels)) labels[key] = uid;
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  if (!(JOB_UID_LABEL in spec.selector.matchLabels)) spec.selector.matchLabels[JOB_UID_LABEL] = uid;
  // Read back from storage, SetDefaults_Job copies the (now generated) template labels to a Job without labels.
  if (Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
}

export function prepareForCreate(obj: KubeObject, now: number): void {
  switch (obj.kind) {
    case 'Pod': {
      const pod = obj as Pod;
      pod.status = { phase: 'Pending', qosClass: computeQosClass(pod.spec) };
      if ((pod.spec.schedulingGates ?? []).length > 0) {
        pod.status.conditions = [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'SchedulingGated',
            message: 'Scheduling is blocked due to non-empty scheduling gates',
            lastProbeTime: null,
            lastTransitionTime: rfc3339(now),
          },
        ];
      }
      return;
    }
    case 'Job':
      generateJobSelector(obj as Job);
      break;
    case 'Namespace': {
      const ns = obj as Namespace;
      ns.spec ??= {};
      const finalizers = ns.spec.finalizers ?? [];
      if (!finalizers.includes('kubernetes')) ns.spec.finalizers = [...finalizers, 'kubernetes'];
      break;
    }
    case 'Service':
      normalizeClusterIPs(obj as Service, undefined);
      break;
    case 'DaemonSet':
      setTemplateGeneration(obj as DaemonSet, Math.max(1, templateGeneration(obj as DaemonSet)));
      break;
    case 'PersistentVolume':
      obj.status = { phase: 'Pending', lastPhaseTransitionTime: rfc3339(now) };
      return;
  }
  const initial = INITIAL_STATUS[obj.kind];
  if (initial) obj.status = initial();
}

function sameClusterIPs(a: Service, b: Service): boolean {
  const x = a.spec.clusterIPs ?? [];
  const y = b.spec.clusterIPs ?? [];
  return x.length === y.length && x.every((ip, i) => ip === y[i]);
}

/** normalizeClusterIPs: keeps spec.clusterIP and spec.clusterIPs in step, as old and new clients expect. */
export function normalizeClusterIPs(svc: Service, old: Service | undefined): void {
  const s = svc.spec;
  if (!old) {
    if (s.clusterIP && (s.clusterIPs ?? []).length === 0) s.clusterIPs = [s.clusterIP];
    return;
  }
  const o = old.spec;
  if ((o.clusterIPs ?? []).length > 0 && (s.clusterIPs ?? []).length === 0 && (o.clusterIP ?? '') === (s.clusterIP ?? '')) s.clusterIPs = o.clusterIPs;
  if ((o.clusterIP ?? '') !== (s.clusterIP ?? '')) {
    if (o.clusterIP && !s.clusterIP && sameClusterIPs(old, svc)) delete s.clusterIPs;
    if (s.clusterIP && sameClusterIPs(old, svc)) s.clusterIPs = [s.clusterIP];
  }
}

const needsClusterIP = (s: Service): boolean => s.spec.type !== 'ExternalName';
const needsNodePort = (s: Service): boolean => s.spec.type === 'NodePort' || (s.spec.type === 'LoadBalancer' && s.spec.allocateLoadBalancerNodePorts !== false);

/** patchAllocatedValues: an update that omits the cluster IP or a node port keeps the allocated one. */
function patchAllocatedValues(svc: Service, old: Service): void {
  const s = svc.spec;
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!s.clusterIP) s.clusterIP = old.spec.clusterIP;
    if ((s.clusterIPs ?? []).length === 0 && (old.spec.clusterIPs ?? []).length > 0) s.clusterIPs = [...old.spec.clusterIPs!];
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const newPorts = new Set((s.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    const used = new Set((old.spec.ports ?? []).map((p) => p.nodePort).filter((p) => p && newPorts.has(p)));
    const byName = new Map((old.spec.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    for (const p of s.ports ?? []) {
      if (p.nodePort) continue;
      const prev = byName.get(p.name ?? '');
      if (prev && !used.has(prev)) p.nodePort = prev;
    }
  }
  if ((s.ipFamilies ?? []).length === 0 && old.spec.ipFamilies) s.ipFamilies = [...old.spec.ipFamilies];
}

export function prepareForUpdate(obj: KubeObject, old: KubeObject): void {
  if (obj.kind === 'Service') {
    patchAllocatedValues(obj as Service, old as Service);
    normalizeClusterIPs(obj as Service, old as Service);
  }
  if (obj.kind === 'DaemonSet') {
    const ds = obj as DaemonSet;
    const prev = old as DaemonSet;
    const changed = !deepEqual(ds.spec.template, prev.spec.template);
    setTemplateGeneration(ds, templateGeneration(prev) + (changed ? 1 : 0));
  }
}

/**
 * A DaemonSet's spec.templateGeneration, which apps/v1 shows as the annotation
 * `deprecated.daemonset.template.generation`: 1 on create, one more on each update that changes
 * the pod template, never set by the client on update. The controller labels its pods with it
 * (`pod-template-generation`).
 *
 *   create → "1"; set image → "2"; scale-like change (updateStrategy only) → still "2".
 */
const DS_TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

function templateGeneration(ds: DaemonSet): number {
  const v = ds.metadata.annotations?.[DS_TEMPLATE_GENERATION];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0;
}

function setTemplateGeneration(ds: DaemonSet, generation: number): void {
  ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [DS_TEMPLATE_GENERATION]: String(generation) };
}
