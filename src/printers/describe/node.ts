/**
 * `kubectl describe node` (describeNode): roles, labels, annotations, taints, unschedulable, the
 * kubelet's lease, conditions, addresses, capacity and allocatable, system info, pod CIDRs, the
 * non-terminated pods with their requests and limits, allocated resources and the node's events.
 *
 * kubesim has no Lease objects: the Lease section shows the kubelet as holder and the renew time
 * the cluster's node leases give (ctx.leaseRenewTime: every 10 s while the kubelet runs), or the
 * Ready condition's last heartbeat when there is no cluster behind the printer.
 */
import { rfc3339 } from '../../api/duration.ts';
import type { Node, Pod } from '../../api/types/index.ts';
import { nodeRoles } from '../node.ts';
import { canonicalQuantity } from '../quantity-format.ts';
import type { PrintContext } from '../types.ts';
import { describeEvents, searchEvents } from './events.ts';
import { rfc1123z } from './format.ts';
import { cmp, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './multiline.ts';
import { describeNodeResource } from './node-resources.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer.ts';

export function describeNode(node: Node, ctx: PrintContext): string {
  const w = new DescribeWriter();
  const status = node.status ?? {};
  const info = status.nodeInfo ?? {};
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, 'Taints', node.spec?.taints);
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  const ready = status.conditions?.find((c) => c.type === 'Ready');
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
  const renewed = ctx.leaseRenewTime?.(node.metadata.name);
  const renewTime = renewed !== undefined ? rfc3339(renewed) : ready?.lastHeartbeatTime;
  w.write(LEVEL_1, `RenewTime:\t${renewTime ? rfc1123z(renewTime) : '<unset>'}\n`);
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions!) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    const names = Object.keys(list ?? {}).sort(cmp);
    if (names.length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const n of names) w.write(LEVEL_0, `  ${n}:\t${canonicalQuantity(list![n])}\n`);
  }
  w.write(LEVEL_0, 'System Info:\n');
  const sys: [string, string][] = [
    ['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion'],
  ];
  for (const [title, key] of sys) w.write(LEVEL_0, `  ${title}:\t${info[key] ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
  const pods = ctx.store
    .podsOnNode<Pod>(node.metadata.name)
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name, b.metadata.name));
  describeNodeResource(w, node, pods, ctx);
  // Node events carry the node's uid (controllers) or its name (the kubelet).
  const q = { namespace: '', name: node.metadata.name, kind: 'Node' };
  const events = [...searchEvents(ctx, { ...q, uid: node.metadata.uid }), ...searchEvents(ctx, { ...q, uid: node.metadata.name })];
  describeEvents(w, events, ctx);
  return w.toString();
}
