/**
 * Shared fixtures of the StatefulSet, DaemonSet and volume tests: manifests, a pod timeline that
 * records when pods appear, become Ready, start terminating and go, and small store helpers.
 */
import type { Cluster } from '../../src/cluster/cluster.ts';
import { clone } from '../../src/api/object-util.ts';
import type { DaemonSet, KubeObject, PersistentVolumeClaim, Pod, StatefulSet } from '../../src/api/types/index.ts';
import { isPodReady } from '../../src/controllers/util/pod.ts';

export const NS = 'default';

export function statefulSet(name: string, o: { replicas?: number; policy?: 'OrderedReady' | 'Parallel'; image?: string; claims?: boolean; extra?: Partial<StatefulSet['spec']> } = {}): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: NS },
    spec: {
      replicas: o.replicas ?? 3,
      serviceName: name,
      ...(o.policy ? { podManagementPolicy: o.policy } : {}),
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image: o.image ?? 'nginx:1.25', volumeMounts: o.claims === false ? undefined : [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
      },
      ...(o.claims === false
        ? {}
        : { volumeClaimTemplates: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] }),
      ...(o.extra ?? {}),
    },
  } as StatefulSet;
}

export function daemonSet(name: string, spec: Partial<DaemonSet['spec']['template']['spec']> = {}, extra: Partial<DaemonSet['spec']> = {}): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: NS, annotations: { 'deprecated.daemonset.template.generation': '1' } },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'fluentd' }], ...spec } },
      ...extra,
    },
  } as DaemonSet;
}

/**
 * Changes a DaemonSet's template as `kubectl set image` would, bumping the
 * deprecated.daemonset.template.generation annotation as the API server's DaemonSet strategy does.
 */
export function setDaemonImage(c: Cluster, name: string, image: string): DaemonSet {
  return edit<DaemonSet>(c, 'DaemonSet', name, (d) => {
    d.spec.template.spec.containers[0].image = image;
    const key = 'deprecated.daemonset.template.generation';
    d.metadata.annotations = { ...d.metadata.annotations, [key]: String(Number(d.metadata.annotations?.[key] ?? '0') + 1) };
  });
}

export function claim(name: string, spec: Partial<PersistentVolumeClaim['spec']> = {}): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: NS },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Mi' } }, ...spec },
  } as PersistentVolumeClaim;
}

export function podUsing(name: string, claimName: string, spec: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS },
    spec: { containers: [{ name: 'c', image: 'nginx' }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }], ...spec },
  } as Pod;
}

/** Applies `change` to a copy of the stored object and updates it. */
export function edit<T extends KubeObject>(c: Cluster, kind: string, name: string, change: (o: T) => void, namespace = NS): T {
  return c.act(() => {
    const copy = clone(c.store.get<T>(kind, kind === 'PersistentVolume' || kind === 'Node' ? '' : namespace, name)!);
    change(copy);
    return c.api.update(copy);
  });
}

export const pods = (c: Cluster, selector?: (p: Pod) => boolean) => c.store.list<Pod>('Pod', { namespace: NS }).filter((p) => !selector || selector(p));
export const podNames = (c: Cluster) => pods(c).map((p) => p.metadata.name);
export const readyNames = (c: Cluster) => pods(c).filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
export const events = (c: Cluster, kind: string, name: string) =>
  c.store.list<KubeObject & { involvedObject: { kind: string; name: string }; reason: string; message: string; count: number; type: string }>('Event', { namespace: NS })
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name);

export interface PodTimes {
  created?: number;
  ready?: number;
  terminating?: number;
  gone?: number;
}

/** Records, per pod name and incarnation (oldest first), when it was created, Ready, marked for deletion and gone. */
export function timeline(c: Cluster): Map<string, PodTimes[]> {
  const times = new Map<string, PodTimes[]>();
  const byUid = new Map<string, PodTimes>();
  c.store.watch('Pod', (e) => {
    const pod = e.object as Pod;
    const now = c.now();
    let t = byUid.get(pod.metadata.uid!);
    if (!t) {
      t = e.type === 'ADDED' ? { created: now } : {};
      byUid.set(pod.metadata.uid!, t);
      times.set(pod.metadata.name, [...(times.get(pod.metadata.name) ?? []), t]);
    }
    if (e.type === 'DELETED') t.gone ??= now;
    else {
      if (isPodReady(pod)) t.ready ??= now;
      if (pod.metadata.deletionTimestamp) t.terminating ??= now;
    }
  });
  return times;
}

/** The first (0) or a later incarnation's times; the last one with -1. */
export function at(times: Map<string, PodTimes[]>, name: string, i = 0): PodTimes {
  const list = times.get(name) ?? [];
  return list.at(i) ?? {};
}
