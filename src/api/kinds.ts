/**
 * The resource kinds the API serves: names as kubectl resolves them (plural, singular, short names,
 * `plural.group`), the group/version, and whether they live in a namespace.
 */
export interface KindInfo {
  kind: string;
  group: string;
  version: string;
  apiVersion: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** kubectl get all */
  categoryAll: boolean;
  /**
   * whether the registry strategy tracks metadata.generation (PrepareForCreate sets 1, spec
   * changes bump it). In 1.32: the apps and batch workloads and EndpointSlice; not Pods (that
   * came in 1.33 with PodObservedGenerationTracking), Services, Nodes, Namespaces, volumes...
   */
  hasGeneration: boolean;
}

function k(
  kind: string,
  apiVersion: string,
  plural: string,
  shortNames: string[],
  namespaced: boolean,
  opts: { all?: boolean; generation?: boolean } = {},
): KindInfo {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return {
    kind,
    group,
    version,
    apiVersion,
    plural,
    singular: kind.toLowerCase(),
    shortNames,
    namespaced,
    categoryAll: opts.all ?? false,
    hasGeneration: opts.generation ?? false,
  };
}

export const KINDS: readonly KindInfo[] = [
  k('Pod', 'v1', 'pods', ['po'], true, { all: true }),
  k('Service', 'v1', 'services', ['svc'], true, { all: true }),
  k('Deployment', 'apps/v1', 'deployments', ['deploy'], true, { all: true, generation: true }),
  k('ReplicaSet', 'apps/v1', 'replicasets', ['rs'], true, { all: true, generation: true }),
  k('StatefulSet', 'apps/v1', 'statefulsets', ['sts'], true, { all: true, generation: true }),
  k('DaemonSet', 'apps/v1', 'daemonsets', ['ds'], true, { all: true, generation: true }),
  k('Job', 'batch/v1', 'jobs', [], true, { all: true, generation: true }),
  k('CronJob', 'batch/v1', 'cronjobs', ['cj'], true, { all: true, generation: true }),
  k('Namespace', 'v1', 'namespaces', ['ns'], false),
  k('Node', 'v1', 'nodes', ['no'], false),
  k('Endpoints', 'v1', 'endpoints', ['ep'], true),
  k('EndpointSlice', 'discovery.k8s.io/v1', 'endpointslices', [], true, { generation: true }),
  k('PersistentVolumeClaim', 'v1', 'persistentvolumeclaims', ['pvc'], true),
  k('PersistentVolume', 'v1', 'persistentvolumes', ['pv'], false),
  k('StorageClass', 'storage.k8s.io/v1', 'storageclasses', ['sc'], false),
  k('Secret', 'v1', 'secrets', [], true),
  k('ConfigMap', 'v1', 'configmaps', ['cm'], true),
  k('ServiceAccount', 'v1', 'serviceaccounts', ['sa'], true),
  k('Event', 'v1', 'events', ['ev'], true),
  k('ControllerRevision', 'apps/v1', 'controllerrevisions', [], true),
];

const byKind = new Map(KINDS.map((i) => [i.kind, i]));
const byName = new Map<string, KindInfo>();
for (const info of KINDS) {
  const names = [info.plural, info.singular, ...info.shortNames, info.kind.toLowerCase()];
  for (const n of names) {
    byName.set(n, info);
    if (info.group) byName.set(`${n}.${info.group}`, info);
  }
}
// events.k8s.io serves Event too; kubectl accepts `events.events.k8s.io`.
byName.set('events.events.k8s.io', byKind.get('Event')!);

/** Resolves what a user types (`po`, `pods`, `deployment.apps`, `Deployment`) to a kind. */
export function resolveResource(name: string): KindInfo | undefined {
  return byName.get(name.toLowerCase());
}

export function kindInfo(kind: string): KindInfo {
  const info = byKind.get(kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}

export function findKind(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

/** `deployments.apps`, as API errors name a resource. */
export function qualifiedResource(info: KindInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** `deployment.apps`, as kubectl prints `deployment.apps/member created`. */
export function qualifiedKind(info: KindInfo): string {
  return info.group ? `${info.singular}.${info.group}` : info.singular;
}
