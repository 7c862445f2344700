/** Builders and lookups shared by the Job, CronJob and TTL controller tests. */
import type { Cluster } from '../../src/cluster/cluster.ts';
import type { Job, JobSpec, KubeEvent, Pod } from '../../src/api/types/index.ts';

export interface JobOpts extends Partial<Omit<JobSpec, 'template'>> {
  image?: string;
  command?: string[];
  restartPolicy?: 'Never' | 'OnFailure';
  /** kubesim.io/* annotations on the pod template (what the containers do). */
  behaviour?: Record<string, string>;
  namespace?: string;
}

export function jobSpec(o: JobOpts = {}): JobSpec {
  const { image, command, restartPolicy, behaviour, namespace: _ns, ...spec } = o;
  return {
    ...spec,
    template: {
      metadata: behaviour ? { annotations: behaviour } : {},
      spec: {
        restartPolicy: restartPolicy ?? 'Never',
        containers: [{ name: 'main', image: image ?? 'busybox', ...(command ? { command } : {}) }],
      },
    },
  };
}

export function makeJob(name: string, o: JobOpts = {}): Job {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: o.namespace ?? 'default' }, spec: jobSpec(o) };
}

/** The perl pi Job of the tutorial. */
export function piJob(extra: JobOpts = {}): Job {
  return makeJob('pi', { completions: 5, parallelism: 2, ttlSecondsAfterFinished: 30, image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'], ...extra });
}

export function getJob(c: Cluster, name: string, ns = 'default'): Job | undefined {
  return c.store.get<Job>('Job', ns, name);
}

export function jobPods(c: Cluster, name: string, ns = 'default'): Pod[] {
  return c.store.list<Pod>('Pod', { namespace: ns }).filter((p) => p.metadata.labels?.['batch.kubernetes.io/job-name'] === name);
}

export function conditionTypes(job: Job | undefined): string[] {
  return (job?.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);
}

export function events(c: Cluster, kind: string, name: string, ns = 'default'): KubeEvent[] {
  return c.store
    .list<KubeEvent>('Event', { namespace: ns })
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

export function reasons(c: Cluster, kind: string, name: string, ns = 'default'): string[] {
  return events(c, kind, name, ns).map((e) => e.reason ?? '');
}

export function finishedAt(pod: Pod): number {
  return Date.parse(pod.status?.containerStatuses?.[0]?.state.terminated?.finishedAt ?? '');
}

export function created(obj: { metadata: { creationTimestamp?: string } }): number {
  return Date.parse(obj.metadata.creationTimestamp ?? '');
}

export function byCreation<T extends { metadata: { creationTimestamp?: string; name: string } }>(items: T[]): T[] {
  return [...items].sort((a, b) => created(a) - created(b) || (a.metadata.name < b.metadata.name ? -1 : 1));
}

export function isFinished(job: Job | undefined): boolean {
  return conditionTypes(job).some((t) => t === 'Complete' || t === 'Failed');
}
