/**
 * Pod garbage collection (k8s pkg/controller/podgc): every 20 s it force-deletes pods bound to a
 * node that no longer exists (after a 40 s quarantine, marking them Failed with the
 * DisruptionTarget condition "PodGC: node no longer exists"), and terminating pods that were never
 * scheduled.
 */
import { rfc3339 } from '../api/duration.ts';
import { clone, objectKey, splitKey } from '../api/object-util.ts';
import type { ObjectStore } from '../api/store.ts';
import type { Node, Pod } from '../api/types/index.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { Clock } from '../sim/clock.ts';
import { nextTick, PODGC_PERIOD_MS, PODGC_QUARANTINE_MS } from './nodelifecycle/constants.ts';
import type { Controller, ReconcileResult, WatchSpec } from './runtime.ts';

export class PodGarbageCollector implements Controller {
  readonly name = 'pod-garbage-collector';
  /** When each missing node was first seen missing. */
  private missingSince = new Map<string, number>();

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
  ) {}

  watches(): WatchSpec[] {
    return [
      {
        kind: 'Pod',
        keys: (e) => {
          const pod = e.object as Pod;
          if (e.type === 'DELETED') return [];
          if (pod.spec.nodeName && !this.store.get('Node', '', pod.spec.nodeName)) return [objectKey(pod)];
          if (!pod.spec.nodeName && pod.metadata.deletionTimestamp) return [objectKey(pod)];
          return [];
        },
      },
      {
        kind: 'Node',
        keys: (e) => {
          if (e.type === 'DELETED') return this.store.podsOnNode(e.object.metadata.name).map(objectKey);
          if (e.type === 'ADDED') this.missingSince.delete(e.object.metadata.name);
          return [];
        },
      },
    ];
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const pod = this.store.get<Pod>('Pod', namespace, name);
    if (!pod) return;
    const now = this.clock.now();
    if (!pod.spec.nodeName) {
      if (pod.metadata.deletionTimestamp) this.forceDelete(pod);
      return;
    }
    const nodeName = pod.spec.nodeName;
    if (this.store.get<Node>('Node', '', nodeName)) return;
    if (!this.missingSince.has(nodeName)) this.missingSince.set(nodeName, now);
    const due = nextTick(this.missingSince.get(nodeName)! + PODGC_QUARANTINE_MS, PODGC_PERIOD_MS);
    if (now < due) return { requeueAfter: due - now };
    this.markFailed(pod);
    this.forceDelete(pod);
  }

  private markFailed(pod: Pod): void {
    const copy = clone(pod);
    const conditions = (copy.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
    conditions.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(this.clock.now()), reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
    copy.status = { ...(copy.status ?? {}), phase: 'Failed', conditions };
    try {
      this.api.updateStatus(copy);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  private forceDelete(pod: Pod): void {
    try {
      this.api.delete('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name, { gracePeriodSeconds: 0 });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}
