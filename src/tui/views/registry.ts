/**
 * The table views: for each, its title, the kind it lists, the names `:` accepts for it (every
 * kubectl name of the kind: plural, singular, short names, plus k9s's own aliases), the default
 * sort, and what Enter does (k9s's drill-downs: a workload → its pods, a CronJob → its Jobs, a
 * node → the pods on it, a pod → its containers, a container → its logs).
 */
import { findKind, type KindInfo } from '../../api/kinds.ts';
import { fromLabelSelector, fromMap, type Selector } from '../../api/selector.ts';
import type { CronJob, DaemonSet, Deployment, Job, KubeObject, ReplicaSet, Service, StatefulSet } from '../../api/types/index.ts';
import { formatLabelSelector } from '../../api/selector.ts';
import { RESOURCE_VIEWS, type ResourceView, type TableView } from './view-names.ts';

export interface SortSpec {
  by: 'name' | 'age' | 'status' | 'namespace';
  desc: boolean;
}

/** Narrows a table to what a drill-down asked for; shown in the title as `<label>`. */
export interface Scope {
  label: string;
  selector?: Selector;
  nodeName?: string;
  ownerUid?: string;
  /** The containers view: the pod whose containers are listed. */
  pod?: { namespace: string; name: string };
}

export type Drill =
  | { to: 'table'; view: TableView; namespace: string; scope?: Scope; useNamespace?: boolean }
  | { to: 'describe' }
  | { to: 'logs' }
  | { to: 'none'; reason: string };

export interface ViewDef {
  name: TableView;
  /** `Pods`, as the table's title names it. */
  title: string;
  kind?: string;
  info?: KindInfo;
  namespaced: boolean;
  aliases: readonly string[];
  defaultSort?: SortSpec;
  enter: (obj: KubeObject) => Drill;
}

/** k9s's own aliases, on top of kubectl's names (k9s internal/config/templates/aliases.yaml). */
const K9S_ALIASES: Partial<Record<ResourceView, string[]>> = {
  deployments: ['dp'],
  secrets: ['sec'],
  jobs: ['jo'],
  events: ['event'],
};

const TITLES: Record<TableView, string> = {
  pods: 'Pods',
  deployments: 'Deployments',
  replicasets: 'ReplicaSets',
  statefulsets: 'StatefulSets',
  daemonsets: 'DaemonSets',
  jobs: 'Jobs',
  cronjobs: 'CronJobs',
  nodes: 'Nodes',
  services: 'Services',
  endpoints: 'Endpoints',
  persistentvolumeclaims: 'PersistentVolumeClaims',
  persistentvolumes: 'PersistentVolumes',
  configmaps: 'ConfigMaps',
  secrets: 'Secrets',
  serviceaccounts: 'ServiceAccounts',
  namespaces: 'Namespaces',
  events: 'Events',
  containers: 'Containers',
};

const ns = (o: KubeObject) => o.metadata.namespace ?? '';

function podsBySelector(o: KubeObject, selector: Selector, label: string): Drill {
  return { to: 'table', view: 'pods', namespace: ns(o), scope: { label, selector } };
}

function workloadPods(o: KubeObject): Drill {
  const sel = (o as Deployment | ReplicaSet | StatefulSet | DaemonSet | Job).spec.selector;
  if (!sel) return { to: 'none', reason: `${o.kind.toLowerCase()} ${o.metadata.name} has no selector` };
  return podsBySelector(o, fromLabelSelector(sel), formatLabelSelector(sel));
}

const ENTER: Partial<Record<TableView, (o: KubeObject) => Drill>> = {
  deployments: workloadPods,
  replicasets: workloadPods,
  statefulsets: workloadPods,
  daemonsets: workloadPods,
  jobs: workloadPods,
  services: (o) => {
    const sel = (o as Service).spec.selector;
    if (!sel || Object.keys(sel).length === 0) return { to: 'none', reason: `service ${o.metadata.name} has no selector` };
    return podsBySelector(o, fromMap(sel), Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(','));
  },
  cronjobs: (o) => ({ to: 'table', view: 'jobs', namespace: ns(o), scope: { label: `cronjob/${o.metadata.name}`, ownerUid: (o as CronJob).metadata.uid ?? '' } }),
  nodes: (o) => ({ to: 'table', view: 'pods', namespace: '', scope: { label: `node/${o.metadata.name}`, nodeName: o.metadata.name } }),
  namespaces: (o) => ({ to: 'table', view: 'pods', namespace: o.metadata.name, useNamespace: true }),
  pods: (o) => ({
    to: 'table',
    view: 'containers',
    namespace: ns(o),
    scope: { label: `${ns(o)}/${o.metadata.name}`, pod: { namespace: ns(o), name: o.metadata.name } },
  }),
  containers: () => ({ to: 'logs' }),
};

function kindOf(view: ResourceView): KindInfo {
  const kinds: Record<ResourceView, string> = {
    pods: 'Pod',
    deployments: 'Deployment',
    replicasets: 'ReplicaSet',
    statefulsets: 'StatefulSet',
    daemonsets: 'DaemonSet',
    jobs: 'Job',
    cronjobs: 'CronJob',
    nodes: 'Node',
    services: 'Service',
    endpoints: 'Endpoints',
    persistentvolumeclaims: 'PersistentVolumeClaim',
    persistentvolumes: 'PersistentVolume',
    configmaps: 'ConfigMap',
    secrets: 'Secret',
    serviceaccounts: 'ServiceAccount',
    namespaces: 'Namespace',
    events: 'Event',
  };
  return findKind(kinds[view])!;
}

function define(name: ResourceView): ViewDef {
  const info = kindOf(name);
  return {
    name,
    title: TITLES[name],
    kind: info.kind,
    info,
    namespaced: info.namespaced,
    aliases: [...new Set([info.plural, info.singular, ...info.shortNames, ...(K9S_ALIASES[name] ?? [])])],
    ...(name === 'events' ? { defaultSort: { by: 'age', desc: false } as SortSpec } : {}),
    ...(name === 'jobs' ? { defaultSort: { by: 'age', desc: false } as SortSpec } : {}),
    enter: ENTER[name] ?? (() => ({ to: 'describe' })),
  };
}

export const VIEWS: Record<TableView, ViewDef> = {
  ...(Object.fromEntries(RESOURCE_VIEWS.map((v) => [v, define(v)])) as Record<ResourceView, ViewDef>),
  containers: { name: 'containers', title: TITLES.containers, namespaced: true, aliases: [], enter: ENTER.containers! },
};

/** Every name `:` accepts for a view, sorted, with the view it opens. */
export const ALIASES: ReadonlyMap<string, ResourceView> = new Map(
  RESOURCE_VIEWS.flatMap((v) => VIEWS[v].aliases.map((a) => [a, v] as const)).sort((a, b) => a[0].localeCompare(b[0])),
);

export function viewForAlias(name: string): ResourceView | undefined {
  return ALIASES.get(name.toLowerCase());
}
