/**
 * `kubectl get nodes` (printers.go printNode).
 *
 * STATUS: `Ready` when the Ready condition is True, `NotReady` when it is False or Unknown,
 * `Unknown` without one; `,SchedulingDisabled` appended when spec.unschedulable.
 * ROLES: the `<role>` of every `node-role.kubernetes.io/<role>` label and the value of
 * `kubernetes.io/role`, sorted and comma-separated; `<none>` without any.
 */
import type { KubeObject, Node } from '../api/types/index.ts';
import { AGE, column, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';
const node = (o: KubeObject) => o as Node;

export function nodeStatus(n: Node): string {
  const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (n.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** findNodeRoles: sorted, de-duplicated. */
export function nodeRoles(n: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(n.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

function address(n: Node, type: string): string {
  return n.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

const info = (o: KubeObject, key: string) => node(o).status?.nodeInfo?.[key] || '<unknown>';

export const nodeColumns: ColumnDef[] = [
  NAME,
  column('STATUS', (o) => nodeStatus(node(o))),
  column('ROLES', (o) => nodeRoles(node(o)).join(',') || '<none>'),
  AGE,
  column('VERSION', (o) => node(o).status?.nodeInfo?.kubeletVersion ?? ''),
  column('INTERNAL-IP', (o) => address(node(o), 'InternalIP'), true),
  column('EXTERNAL-IP', (o) => address(node(o), 'ExternalIP'), true),
  column('OS-IMAGE', (o) => info(o, 'osImage'), true),
  column('KERNEL-VERSION', (o) => info(o, 'kernelVersion'), true),
  column('CONTAINER-RUNTIME', (o) => info(o, 'containerRuntimeVersion'), true),
];
