/**
 * Which node changes can make a waiting pod schedulable (the scheduler's queueing hints for
 * NodeAdd and NodeUpdate): a new node, or a change to its labels, taints, allocatable resources,
 * conditions or unschedulable flag. Heartbeat-only updates do not wake the queue.
 */
import { deepEqual } from '../api/object-util.ts';
import type { WatchEvent } from '../api/store.ts';
import type { Node } from '../api/types/index.ts';

export function relevantNodeChange(e: WatchEvent): boolean {
  if (e.type === 'ADDED') return true;
  if (e.type !== 'MODIFIED' || !e.old) return false;
  const a = e.old as Node;
  const b = e.object as Node;
  if (!deepEqual(a.metadata.labels, b.metadata.labels)) return true;
  if (!deepEqual(a.spec.taints, b.spec.taints)) return true;
  if (!!a.spec.unschedulable !== !!b.spec.unschedulable) return true;
  if (!deepEqual(a.status?.allocatable, b.status?.allocatable)) return true;
  const conds = (n: Node) => (n.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(',');
  return conds(a) !== conds(b);
}
