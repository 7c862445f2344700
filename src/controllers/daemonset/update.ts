/**
 * The RollingUpdate strategy (daemon/update.go rollingUpdate), after manage() has placed pods.
 *
 * maxSurge 0 — delete old pods and let manage() create new ones on those nodes. A node counts as
 * unavailable when it has no pod, both an old and a new pod, or an unavailable new pod. Old pods
 * that are unavailable are always replaced; available old pods are deleted while unavailable
 * nodes stay below maxUnavailable.
 *   3 nodes, maxUnavailable 1: delete old on n1 → new on n1 Ready → delete old on n2 → ...
 *
 * maxSurge > 0 — create a new pod beside the old one (always where the old one is unavailable, else
 * on up to maxSurge nodes), and delete the old pod once the new one is available.
 *   3 nodes, maxSurge 1: new on n1 beside old → new available → old on n1 deleted, new on n2 → ...
 */
import type { DaemonSet, Node, Pod } from '../../api/types/index.ts';
import { isPodAvailable } from '../util/pod.ts';
import { syncNodes, type DaemonContext } from './manage.ts';
import { nodeShouldRunDaemonPod } from './node-should-run.ts';
import { isPodUpdated, surgeCount, templateGeneration, unavailableCount } from './util.ts';

/** findUpdatedPodsOnNode: at most one new and one old live pod, else not ok (manage() prunes). */
function updatedPodsOnNode(ds: DaemonSet, pods: Pod[], hash: string): { ok: boolean; newPod?: Pod; oldPod?: Pod } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, templateGeneration(ds))) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { ok: true, newPod, oldPod };
}

/** updatedDesiredNodeCounts: the budgets, and every node that should run a pod in the map. */
function budgets(ds: DaemonSet, nodes: Node[], nodeToPods: Map<string, Pod[]>): { maxSurge: number; maxUnavailable: number; desired: number } {
  let desired = 0;
  for (const node of nodes) {
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) continue;
    desired++;
    if (!nodeToPods.has(node.metadata.name)) nodeToPods.set(node.metadata.name, []);
  }
  let maxUnavailable = unavailableCount(ds, desired);
  const maxSurge = surgeCount(ds, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable, desired };
}

export function rollingUpdate(ctx: DaemonContext, ds: DaemonSet, nodes: Node[], podsByNode: Map<string, Pod[]>, hash: string): string[] {
  const { maxSurge, maxUnavailable, desired } = budgets(ds, nodes, podsByNode);
  // Nodes in name order, so that which nodes go first does not depend on when pods were made.
  const nodeToPods = new Map([...podsByNode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const minReady = ds.spec.minReadySeconds ?? 0;
  const available = (p: Pod) => isPodAvailable(p, minReady, ctx.now);
  const nodeByName = new Map(nodes.map((n) => [n.metadata.name, n]));
  const shouldRun = (name: string) => {
    const node = nodeByName.get(name);
    return !!node && nodeShouldRunDaemonPod(node, ds).shouldRun;
  };

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const replacements: Pod[] = [];
    const candidates: Pod[] = [];
    for (const pods of nodeToPods.values()) {
      const { ok, newPod, oldPod } = updatedPodsOnNode(ds, pods, hash);
      if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod && !available(oldPod)) {
        replacements.push(oldPod);
        numUnavailable++;
      } else if (oldPod && numUnavailable < maxUnavailable) candidates.push(oldPod);
    }
    const room = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    return syncNodes(ctx, ds, [...replacements, ...candidates.slice(0, room)], [], hash);
  }

  const oldPodsToDelete: Pod[] = [];
  const shouldNotRunPodsToDelete: Pod[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [nodeName, pods] of nodeToPods) {
    const { ok, newPod, oldPod } = updatedPodsOnNode(ds, pods, hash);
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod ? available(oldPod) : newPod && available(newPod)) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!shouldRun(nodeName)) oldPodsToDelete.push(oldPod);
        else allowedNewNodes.push(nodeName);
      } else if (!shouldRun(nodeName)) shouldNotRunPodsToDelete.push(oldPod);
      else if (numSurge < maxSurge) candidateNewNodes.push(nodeName);
      continue;
    }
    if (!available(newPod)) numSurge++;
    else oldPodsToDelete.push(oldPod);
  }
  // With surge, a pod on a node that should no longer run it goes only once enough others are available.
  const deletable = Math.min(Math.max(0, numAvailable - desired), shouldNotRunPodsToDelete.length);
  oldPodsToDelete.push(...shouldNotRunPodsToDelete.slice(0, deletable));
  const room = Math.min(Math.max(0, maxSurge - numSurge), candidateNewNodes.length);
  return syncNodes(ctx, ds, oldPodsToDelete, [...allowedNewNodes, ...candidateNewNodes.slice(0, room)], hash);
}
