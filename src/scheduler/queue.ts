/**
 * The scheduling queue's memory of pods that did not fit (k8s backend/queue): how many attempts
 * each has had and when the last was, for the per-pod back-off (1 s doubling to 10 s), and which
 * pods are waiting as unschedulable, to be retried when the cluster changes or after 5 minutes
 * (podMaxInUnschedulablePodsDuration).
 *
 * Each waiting pod remembers the plugins that rejected it; a cluster event wakes only the pods
 * some rejecting plugin cares about (the queueing hints), so binding the 100,000th pod does not
 * retry every pod waiting for a bigger node. A pod rejected without a plugin (no nodes at all)
 * wakes on every event.
 *
 *   pod waiting on NodeResourcesFit: wakes when an assigned pod is deleted or a node changes,
 *   not when another pod is bound.
 */
import { INTER_POD_AFFINITY } from './plugins/inter-pod-affinity.ts';
import { NODE_PORTS } from './plugins/node-ports.ts';
import { NODE_RESOURCES_FIT } from './plugins/node-resources-fit.ts';
import { POD_TOPOLOGY_SPREAD } from './plugins/pod-topology-spread.ts';
import { VOLUME_BINDING } from './plugins/volume-binding.ts';

/** Cluster events a waiting pod may be retried on. */
export type ClusterEvent = 'Node' | 'AssignedPodAdd' | 'AssignedPodUpdate' | 'AssignedPodDelete' | 'Storage';

/** The plugins each event can help (a Node event helps every plugin). */
const HELPS: Record<Exclude<ClusterEvent, 'Node'>, readonly string[]> = {
  AssignedPodAdd: [INTER_POD_AFFINITY, POD_TOPOLOGY_SPREAD],
  AssignedPodUpdate: [INTER_POD_AFFINITY, POD_TOPOLOGY_SPREAD],
  AssignedPodDelete: [NODE_RESOURCES_FIT, NODE_PORTS, INTER_POD_AFFINITY, POD_TOPOLOGY_SPREAD],
  Storage: [VOLUME_BINDING],
};
export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;
export const MAX_UNSCHEDULABLE_MS = 5 * 60_000;

interface Attempt {
  attempts: number;
  lastAttempt: number;
  plugins: ReadonlySet<string>;
}

export class SchedulingQueue {
  private unschedulable = new Map<string, Attempt>();

  recordFailure(key: string, now: number, plugins: ReadonlySet<string> = new Set()): void {
    const a = this.unschedulable.get(key);
    this.unschedulable.set(key, { attempts: (a?.attempts ?? 0) + 1, lastAttempt: now, plugins });
  }

  forget(key: string): void {
    this.unschedulable.delete(key);
  }

  /** Milliseconds until the pod's back-off ends (0 when it may be tried now). */
  backoffRemaining(key: string, now: number): number {
    const a = this.unschedulable.get(key);
    if (!a) return 0;
    const backoff = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** (a.attempts - 1));
    return Math.max(0, a.lastAttempt + backoff - now);
  }

  /** Keys of the pods waiting as unschedulable that `event` may help (every one without an event). */
  unschedulableKeys(event?: ClusterEvent): string[] {
    if (this.unschedulable.size === 0) return [];
    if (!event || event === 'Node') return [...this.unschedulable.keys()];
    const helps = HELPS[event];
    const keys: string[] = [];
    for (const [key, a] of this.unschedulable) {
      if (a.plugins.size === 0 || helps.some((p) => a.plugins.has(p))) keys.push(key);
    }
    return keys;
  }

  size(): number {
    return this.unschedulable.size;
  }
}
