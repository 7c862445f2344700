/**
 * Pod garbage collection (k8s pkg/controller/podgc): a loop that runs every 20 s (gcCheckPeriod)
 * and, at each run,
 *   - force-deletes terminating pods on a not-ready node tainted `node.kubernetes.io/out-of-service`;
 *   - force-deletes pods bound to a node that no longer exists, once that node has been missing
 *     for the 40 s quarantine (marking them Failed with the DisruptionTarget condition
 *     "PodGC: node no longer exists");
 *   - force-deletes terminating pods that were never scheduled.
 *
 * The quarantine is a delaying queue of node names: a run that finds pods on a missing node adds
 * the node (ready 40 s later; adding a node already waiting keeps its time); a later run takes the
 * ready nodes out, and those still missing have their pods deleted. A node taken out is forgotten,
 * so pods that appear on it afterwards wait a fresh quarantine.
 *
 * Worked example (a Deployment's pods with `nodeName: worker2`, no such node; runs at :00, :20, :40):
 *   09:00:05 pods created → 09:00:20 run: worker2 quarantined until 09:01:00 → 09:01:00 run: pods
 *   marked Failed and deleted; the ReplicaSet creates new ones at once → 09:01:20 run: worker2
 *   quarantined until 09:02:00 → 09:02:00 run: deleted again. Each generation lives about a minute.
 *
 * The loop only runs while something may need collecting: pod and node changes wake it at the
 * next 20 s tick, and it keeps ticking while a node is in quarantine.
 */
import { rfc3339 } from '../api/duration.ts';
import type { ObjectStore, WatchEvent } from '../api/store.ts';
import type { Condition, Node, Pod } from '../api/types/index.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { Clock } from '../sim/clock.ts';
import { nextTick, PODGC_PERIOD_MS, PODGC_QUARANTINE_MS, TAINT_OUT_OF_SERVICE } from './nodelifecycle/constants.ts';
import type { Controller, ReconcileResult, WatchSpec } from './runtime.ts';

const KEY = 'gc';

export class PodGarbageCollector implements Controller {
  readonly name = 'pod-garbage-collector';
  /** Missing nodes in quarantine: when each is ready to be checked again. */
  private quarantine = new Map<string, number>();
  /** The instant of the last run (a run happens at most once per tick). */
  private lastRun = -Infinity;

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
  ) {}

  watches(): WatchSpec[] {
    return [
      { kind: 'Pod', keys: (e) => (e.type !== 'DELETED' && this.collectable(e.object as Pod) ? [KEY] : []) },
      { kind: 'Node', keys: (e) => (this.nodeMatters(e) ? [KEY] : []) },
    ];
  }

  /** Whether a run could delete this pod (now or after a quarantine). */
  private collectable(pod: Pod): boolean {
    const nodeName = pod.spec.nodeName;
    if (!nodeName) return !!pod.metadata.deletionTimestamp;
    const node = this.store.get<Node>('Node', '', nodeName);
    if (!node) return true;
    return !!pod.metadata.deletionTimestamp && outOfService(node);
  }

  private nodeMatters(e: WatchEvent): boolean {
    const name = e.object.metadata.name;
    if (e.type === 'DELETED') return this.store.podCountOnNode(name) > 0;
    return outOfService(e.object as Node) && this.store.podsOnNode<Pod>(name).some((p) => p.metadata.deletionTimestamp);
  }

  reconcile(): ReconcileResult | void {
    const now = this.clock.now();
    // Runs happen on the 20 s ticks, once each: a wake-up between ticks (or after this tick's run)
    // waits for the next one.
    if (now % PODGC_PERIOD_MS !== 0 || now === this.lastRun) return { requeueAfter: nextTick(now + 1, PODGC_PERIOD_MS) - now };
    this.lastRun = now;
    const pods = this.store.unsortedList<Pod>('Pod');
    this.gcTerminatingOutOfService(pods);
    this.gcOrphaned(pods, now);
    this.gcUnscheduledTerminating(pods);
    if (this.quarantine.size > 0) return { requeueAfter: PODGC_PERIOD_MS };
  }

  private gcTerminatingOutOfService(pods: Pod[]): void {
    for (const pod of pods) {
      if (!pod.metadata.deletionTimestamp || !pod.spec.nodeName) continue;
      const node = this.store.get<Node>('Node', '', pod.spec.nodeName);
      if (node && outOfService(node)) this.markFailedAndDelete(pod);
    }
  }

  private gcOrphaned(pods: Pod[], now: number): void {
    for (const pod of pods) {
      const nodeName = pod.spec.nodeName;
      if (nodeName && !this.store.get('Node', '', nodeName) && !this.quarantine.has(nodeName)) this.quarantine.set(nodeName, now + PODGC_QUARANTINE_MS);
    }
    const deleted = new Set<string>();
    for (const [nodeName, readyAt] of [...this.quarantine]) {
      if (readyAt > now) continue;
      this.quarantine.delete(nodeName);
      if (!this.store.get('Node', '', nodeName)) deleted.add(nodeName);
    }
    if (deleted.size === 0) return;
    for (const pod of pods) {
      if (!pod.spec.nodeName || !deleted.has(pod.spec.nodeName)) continue;
      this.markFailedAndDelete(pod, {
        type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(now), reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists',
      });
    }
  }

  private gcUnscheduledTerminating(pods: Pod[]): void {
    for (const pod of pods) if (pod.metadata.deletionTimestamp && !pod.spec.nodeName) this.markFailedAndDelete(pod);
  }

  /** Moves the pod to Failed (with `condition`) unless it already finished, then deletes it with grace 0. */
  private markFailedAndDelete(pod: Pod, condition?: Condition): void {
    const ns = pod.metadata.namespace ?? 'default';
    const current = this.store.get<Pod>('Pod', ns, pod.metadata.name);
    if (!current || current.metadata.uid !== pod.metadata.uid) return;
    const phase = current.status?.phase;
    try {
      if (phase !== 'Succeeded' && phase !== 'Failed') {
        const conditions = (current.status?.conditions ?? []).filter((c) => !condition || c.type !== condition.type);
        if (condition) conditions.push(condition);
        this.api.updateStatus({ ...current, status: { ...(current.status ?? {}), phase: 'Failed', conditions } });
      }
      this.api.delete('Pod', ns, pod.metadata.name, { gracePeriodSeconds: 0 });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}

function outOfService(node: Node): boolean {
  return (node.spec.taints ?? []).some((t) => t.key === TAINT_OUT_OF_SERVICE) && node.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True';
}
