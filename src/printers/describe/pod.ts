/**
 * `kubectl describe pod` (describePod): identity and placement, status, IPs, the controller,
 * init containers and containers, conditions, volumes, QoS class, node selectors, tolerations,
 * topology spread constraints and the pod's events.
 */
import type { Pod } from '../../api/types/index.ts';
import type { PrintContext } from '../types.ts';
import { describeContainers } from './containers.ts';
import { describeEvents, eventsFor } from './events.ts';
import { rfc1123z, since } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './multiline.ts';
import { podQOS } from './qos.ts';
import { describeTopologySpread } from './topology.ts';
import { describeVolumes } from './volumes.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer.ts';
import type { KubeObject } from '../../api/types/index.ts';

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** `Kind/name` of the controller owner, as `Controlled By:` shows it. */
export function controlledBy(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export function describePod(pod: Pod, ctx: PrintContext): string {
  const w = new DescribeWriter();
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, ctx.now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controller = controlledBy(pod);
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(w, 'Init Containers', spec.initContainers!, status.initContainerStatuses ?? [], pod, '');
  }
  describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses ?? [], pod, '');
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates!) {
      const c = status.conditions?.find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeTopologySpread(w, spec.topologySpreadConstraints, '');
  // A mirror pod's events are recorded against the static pod's uid (the annotation).
  const uid = pod.metadata.annotations?.[MIRROR_ANNOTATION] ?? pod.metadata.uid;
  describeEvents(w, eventsFor(pod, ctx, { anyKind: true, uid }), ctx);
  return w.toString();
}
