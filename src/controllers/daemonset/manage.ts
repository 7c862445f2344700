/**
 * Placing daemon pods (daemon_controller.go podsShouldBeOnNode / manage / syncNodes).
 *
 * Per node: no pod where one should run → create one; a Failed pod → delete it (Warning
 * FailedDaemonPod, subject to the failed-pods back-off) and recreate it on a later pass; more than
 * one pod → keep the oldest (with surge: the oldest new and oldest old, until the new one is
 * available); pods where none should run any more → delete them all.
 *
 * Pods are made from the template with the daemon tolerations and the revision labels, pinned to
 * their node by `matchFields metadata.name In [node]`, named `<ds>-xxxxx`, and bound by the
 * scheduler. Creations go in slow-start batches (1, 2, 4, ...), stopping at a failing batch.
 *   SuccessfulCreate "Created pod: fluentd-x8k2p"   SuccessfulDelete "Deleted pod: fluentd-x8k2p"
 */
import type { DaemonSet, Node, Pod } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import { isPodAvailable, isPodReady } from '../util/pod.ts';
import { podFromTemplate } from '../util/pod-template.ts';
import type { FailedPodsBackoff } from './failed-pods-backoff.ts';
import { nodeShouldRunDaemonPod } from './node-should-run.ts';
import { allowsSurge, createPodTemplate, REVISION_HASH_LABEL, replaceNodeNameAffinity, templateGeneration } from './util.ts';

export const SOURCE = { component: 'daemonset-controller' };
const BURST_REPLICAS = 250;

export interface DaemonContext {
  api: ApiServer;
  events: EventRecorder;
  backoff: FailedPodsBackoff;
  now: number;
  /** The earliest time a pass is needed again (failed-pod back-off). */
  requeueAt?: number;
}

/** podByCreationTimestampAndPhase: scheduled first, then oldest, then by name. */
export function byCreationAndPhase(a: Pod, b: Pod): number {
  if (!!a.spec.nodeName !== !!b.spec.nodeName) return a.spec.nodeName ? -1 : 1;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

function requeueAt(ctx: DaemonContext, at: number): void {
  ctx.requeueAt = ctx.requeueAt === undefined ? at : Math.min(ctx.requeueAt, at);
}

/** What should change on one node: nodes needing a pod, and pods to delete. */
export function podsShouldBeOnNode(ctx: DaemonContext, ds: DaemonSet, node: Node, daemonPods: Pod[] | undefined, hash: string): { create: boolean; remove: Pod[] } {
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const remove: Pod[] = [];
  if (shouldRun && !daemonPods) return { create: true, remove };
  if (!daemonPods) return { create: false, remove };
  if (!shouldContinueRunning) return { create: false, remove: daemonPods.filter((p) => !p.metadata.deletionTimestamp) };
  const running: Pod[] = [];
  for (const pod of daemonPods) {
    if (pod.metadata.deletionTimestamp) continue;
    const phase = pod.status?.phase;
    if (phase === 'Failed') {
      const key = `${ds.metadata.uid}/${ds.status?.observedGeneration ?? 0}/${node.metadata.name}`;
      if (ctx.backoff.inBackoff(key, ctx.now)) {
        requeueAt(ctx, ctx.now + ctx.backoff.remaining(key, ctx.now));
        continue;
      }
      ctx.backoff.next(key, ctx.now);
      const msg = `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${node.metadata.name}, will try to kill it`;
      ctx.events.event(ds, 'Warning', 'FailedDaemonPod', msg, SOURCE);
      remove.push(pod);
    } else if (phase === 'Succeeded') {
      const msg = `Found succeeded daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${node.metadata.name}, will try to delete it`;
      ctx.events.event(ds, 'Normal', 'SucceededDaemonPod', msg, SOURCE);
      remove.push(pod);
    } else running.push(pod);
  }
  running.sort(byCreationAndPhase);
  if (!allowsSurge(ds)) {
    remove.push(...running.slice(1));
    return { create: false, remove };
  }
  if (running.length <= 1) return { create: running.length === 0 && shouldRun, remove };
  // Surging: keep the oldest new pod and the oldest old pod; the old one goes once the new one is available.
  let oldestNew: Pod | undefined;
  let oldestOld: Pod | undefined;
  for (const pod of running) {
    const isNew = pod.metadata.labels?.[REVISION_HASH_LABEL] === hash;
    if (isNew && !oldestNew) oldestNew = pod;
    else if (!isNew && !oldestOld) oldestOld = pod;
    else remove.push(pod);
  }
  if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec.minReadySeconds ?? 0, ctx.now))) remove.push(oldestOld);
  return { create: false, remove };
}

/** syncNodes: deletes the given pods and creates a pod on each given node. Returns error messages. */
export function syncNodes(ctx: DaemonContext, ds: DaemonSet, podsToDelete: Pod[], nodesNeedingPods: string[], hash: string): string[] {
  const errors: string[] = [];
  const creates = nodesNeedingPods.slice(0, BURST_REPLICAS);
  const template = createPodTemplate(ds.spec.template, templateGeneration(ds), hash);
  for (let pos = 0, batch = Math.min(1, creates.length); batch > 0; pos += batch, batch = Math.min(2 * batch, creates.length - pos)) {
    const before = errors.length;
    for (const node of creates.slice(pos, pos + batch)) {
      const t = { ...template, spec: { ...template.spec, affinity: replaceNodeNameAffinity(template.spec.affinity, node) } };
      try {
        const pod = ctx.api.create(podFromTemplate(t, ds));
        ctx.events.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (e.message.includes('because it is being terminated')) continue;
        ctx.events.event(ds, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, SOURCE);
        errors.push(e.message);
      }
    }
    if (errors.length > before) break;
  }
  for (const pod of podsToDelete.slice(0, BURST_REPLICAS)) {
    try {
      ctx.api.delete('Pod', pod.metadata.namespace ?? '', pod.metadata.name);
      ctx.events.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'NotFound') continue;
      ctx.events.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`, SOURCE);
      errors.push(e.message);
    }
  }
  return errors;
}

/** manage: every node's changes, plus unscheduled pods pinned to nodes that no longer exist. */
export function manage(ctx: DaemonContext, ds: DaemonSet, nodes: Node[], nodeToPods: Map<string, Pod[]>, hash: string): string[] {
  const create: string[] = [];
  const remove: Pod[] = [];
  for (const node of nodes) {
    const r = podsShouldBeOnNode(ctx, ds, node, nodeToPods.get(node.metadata.name), hash);
    if (r.create) create.push(node.metadata.name);
    remove.push(...r.remove);
  }
  const existing = new Set(nodes.map((n) => n.metadata.name));
  for (const [node, pods] of nodeToPods) if (!existing.has(node)) remove.push(...pods.filter((p) => !p.spec.nodeName));
  return syncNodes(ctx, ds, remove, create, hash);
}
