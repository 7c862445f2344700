/**
 * The taint eviction controller (k8s pkg/controller/tainteviction): a pod on a node with a
 * NoExecute taint it does not tolerate is deleted at once; one that tolerates it for
 * tolerationSeconds is deleted that long after the taint was added (300 s for the default
 * not-ready/unreachable tolerations); tolerating without tolerationSeconds means staying forever.
 * An evicted pod gets the DisruptionTarget condition and a TaintManagerEviction event ("Marking
 * for deletion Pod ns/name"). A countdown that stops before it ends (the taint removed, a toleration
 * that now tolerates forever, the pod gone) is cancelled with the event "Cancelling deletion of Pod
 * ns/name". Both events name the pod without its uid, as the controller's reference does, so
 * `kubectl describe pod` does not list them; `kubectl get events` does.
 */
import { rfc3339 } from '../../api/duration.ts';
import { clone, objectKey, splitKey } from '../../api/object-util.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { Node, Pod } from '../../api/types/index.ts';
import { toleratesTaint } from '../../api/taints.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import type { Controller, ReconcileResult, WatchSpec } from '../runtime.ts';

const SOURCE = { component: 'taint-eviction-controller' };

/**
 * How long a pod may stay on a node with these NoExecute taints (processPodOnNode): 0 when a taint
 * is not tolerated; otherwise the shortest tolerationSeconds among the first toleration matching
 * each taint (≤ 0 counts as 0); undefined when none of them has tolerationSeconds (forever).
 *
 * Worked example: taint unreachable:NoExecute; tolerations [unreachable Exists NoExecute 300s,
 * Exists (everything, forever)] → the first match is the 300 s one → evicted after 300 s.
 */
export function tolerationTime(pod: Pod, node: Node): number | undefined {
  const used = [];
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect !== 'NoExecute') continue;
    const t = (pod.spec.tolerations ?? []).find((x) => toleratesTaint(x, taint));
    if (!t) return 0;
    used.push(t);
  }
  if (used.length === 0) return undefined;
  let min: number | undefined;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = min === undefined ? t.tolerationSeconds * 1000 : Math.min(min, t.tolerationSeconds * 1000);
  }
  return min;
}

export class TaintEvictionController implements Controller {
  readonly name = 'taint-eviction-controller';
  /** When the eviction countdown of each pod started (the first time it was seen on a tainted node). */
  private started = new Map<string, number>();

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
    private events: EventRecorder,
  ) {}

  watches(): WatchSpec[] {
    return [
      {
        kind: 'Node',
        keys: (e) => {
          if (e.type === 'DELETED') return [];
          const node = e.object as Node;
          const had = ((e.old as Node | undefined)?.spec.taints ?? []).some((t) => t.effect === 'NoExecute');
          const has = (node.spec.taints ?? []).some((t) => t.effect === 'NoExecute');
          if (!had && !has) return [];
          if (e.old && (e.old as Node).spec.taints === node.spec.taints) return [];
          return this.store.podsOnNode(node.metadata.name).map(objectKey);
        },
      },
      {
        kind: 'Pod',
        keys: (e) => {
          const key = objectKey(e.object);
          if (e.type === 'DELETED') return this.started.has(key) ? [key] : [];
          const pod = e.object as Pod;
          const old = e.old as Pod | undefined;
          return pod.spec.nodeName && (!old || !old.spec.nodeName || old.spec.tolerations !== pod.spec.tolerations) ? [key] : [];
        },
      },
    ];
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const pod = this.store.get<Pod>('Pod', namespace, name);
    if (!pod) {
      this.cancel(key);
      return;
    }
    if (!pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
    const node = this.store.get<Node>('Node', '', pod.spec.nodeName);
    if (!node) {
      this.started.delete(key);
      return;
    }
    const now = this.clock.now();
    const wait = tolerationTime(pod, node);
    if (wait === undefined) {
      this.cancel(key);
      return;
    }
    // Not tolerated: a pending countdown is cancelled (with its event) and the pod goes now.
    if (wait === 0) this.cancel(key);
    if (!this.started.has(key)) this.started.set(key, now);
    const at = this.started.get(key)! + wait;
    if (at > now) return { requeueAfter: at - now };
    this.started.delete(key);
    this.evict(pod);
  }

  /** Stops a pending countdown, saying so (emitCancelPodDeletionEvent). */
  private cancel(key: string): void {
    if (!this.started.delete(key)) return;
    const { namespace, name } = splitKey(key);
    this.events.event(podRef(namespace, name), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${namespace}/${name}`, SOURCE);
  }

  private evict(pod: Pod): void {
    const ns = pod.metadata.namespace ?? 'default';
    const copy = clone(pod);
    const conditions = (copy.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
    conditions.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(this.clock.now()), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    copy.status = { ...(copy.status ?? {}), conditions };
    try {
      this.api.updateStatus(copy);
      this.events.event(podRef(ns, pod.metadata.name), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${pod.metadata.name}`, SOURCE);
      this.api.delete('Pod', ns, pod.metadata.name);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}

/** The reference the controller's events carry: kind, name and namespace, no uid. */
function podRef(namespace: string, name: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [] } };
}
