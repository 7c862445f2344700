/**
 * The names of the TUI's pages. A table view per resource (named by the kubectl plural), the
 * containers of a pod, and the two kinds of non-table page: text (describe, YAML, logs, events,
 * kubectl output, the scenario log) and help.
 */
export const RESOURCE_VIEWS = [
  'pods',
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'nodes',
  'services',
  'endpoints',
  'persistentvolumeclaims',
  'persistentvolumes',
  'configmaps',
  'secrets',
  'serviceaccounts',
  'namespaces',
  'events',
] as const;

export type ResourceView = (typeof RESOURCE_VIEWS)[number];
export type TableView = ResourceView | 'containers';
export type PageKind = TableView | 'text' | 'help';

export function isResourceView(name: string): name is ResourceView {
  return (RESOURCE_VIEWS as readonly string[]).includes(name);
}
