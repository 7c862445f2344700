/**
 * `kubectl describe deployment` (describeDeployment). OldReplicaSets lists every replica set the
 * deployment controls other than the new one (oldest first, even when scaled to 0); NewReplicaSet
 * is the oldest one whose pod template equals the deployment's, ignoring pod-template-hash.
 */
import { deepEqual } from '../../api/object-util.ts';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../api/types/index.ts';
import { ms, selectorString } from '../common.ts';
import type { PrintContext } from '../types.ts';
import { describeEvents, eventsFor } from './events.ts';
import { rfc1123z } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { describePodTemplate } from './pod-template.ts';
import { describeConditionsTable, intOrString } from './workload-common.ts';
import { DescribeWriter, LEVEL_0 } from './writer.ts';

const HASH_LABEL = 'pod-template-hash';

function withoutHash(t: PodTemplateSpec | undefined): unknown {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...(t?.metadata ?? {}), labels } };
}

/** findNewReplicaSet / findOldReplicaSets over the replica sets this deployment controls. */
export function deploymentReplicaSets(d: Deployment, ctx: PrintContext): { newRS?: ReplicaSet; oldRSs: ReplicaSet[] } {
  const owned = ctx.store
    .dependentsOf<ReplicaSet>(d.metadata.uid ?? '', 'ReplicaSet')
    .filter((rs) => rs.metadata.namespace === d.metadata.namespace && rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid))
    .sort((a, b) => ms(a.metadata.creationTimestamp) - ms(b.metadata.creationTimestamp) || (a.metadata.name < b.metadata.name ? -1 : 1));
  const target = withoutHash(d.spec?.template);
  const newRS = owned.find((rs) => deepEqual(withoutHash(rs.spec?.template), target));
  return { newRS, oldRSs: owned.filter((rs) => rs !== newRS) };
}

function rsList(list: readonly ReplicaSet[]): string {
  const s = list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ');
  return s || '<none>';
}

export function describeDeployment(d: Deployment, ctx: PrintContext): string {
  const w = new DescribeWriter();
  const spec = d.spec;
  const st = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
  const ru = spec?.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable, '0')} max unavailable, ${intOrString(ru.maxSurge, '0')} max surge\n`);
  describePodTemplate(w, spec?.template);
  describeConditionsTable(w, st.conditions);
  const { newRS, oldRSs } = deploymentReplicaSets(d, ctx);
  if (newRS || oldRSs.length > 0) {
    w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(w, eventsFor(d, ctx), ctx);
  return w.toString();
}
