/**
 * The FailedScheduling message (k8s framework/types.go FitError.Error, v1.32):
 *
 *   0/<N> nodes are available: <count> <reason>, <count> <reason>. preemption: 0/<N> nodes are
 *   available: <count> <preemption reason>..
 *
 * Histogram entries are "<count> <reason>" sorted as strings (so "10 ..." sorts before "2 ...").
 * A PreFilter rejection replaces the histogram with its own message. The preemption part is
 * DefaultPreemption's PostFilter message; on v1.32 the outer format adds a period after it even
 * though it already ends in one, hence the trailing "..".
 */
import type { Code, Status } from './framework/types.ts';

export const NO_NODES_MESSAGE = 'no nodes available to schedule pods';
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';

export function histogram(reasons: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.entries()]
    .map(([r, n]) => `${n} ${r}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(', ');
}

export interface Diagnosis {
  numNodes: number;
  /** Per rejected node, its status (from the first failing filter). */
  nodeStatuses: Map<string, Status>;
  preFilterMessage?: string;
  /** The plugins that rejected the pod somewhere: which cluster events can help it (queueing hints). */
  unschedulablePlugins: Set<string>;
}

/** What the messages are made of. */
export type DiagnosisMessage = Pick<Diagnosis, 'numNodes' | 'nodeStatuses' | 'preFilterMessage'>;

/**
 * The PostFilter (DefaultPreemption) message for a pod that found no node. Nodes rejected as
 * UnschedulableAndUnresolvable cannot be helped by preemption; on the others preemption looks for
 * lower-priority victims, of which a cluster of priority-0 pods has none.
 */
export function preemptionMessage(d: DiagnosisMessage, podCanPreempt: boolean): string {
  if (!podCanPreempt) return 'preemption: not eligible due to preemptionPolicy=Never.';
  const reasons: string[] = [];
  if (d.preFilterMessage) {
    for (let i = 0; i < d.numNodes; i++) reasons.push(PREEMPTION_NOT_HELPFUL);
  } else {
    for (const s of d.nodeStatuses.values()) reasons.push(isUnresolvable(s.code) ? PREEMPTION_NOT_HELPFUL : NO_PREEMPTION_VICTIMS);
  }
  return `preemption: 0/${d.numNodes} nodes are available: ${histogram(reasons)}.`;
}

function isUnresolvable(code: Code): boolean {
  return code === 'UnschedulableAndUnresolvable';
}

export function fitErrorMessage(d: DiagnosisMessage, postFilterMessage: string): string {
  if (d.numNodes === 0) return NO_NODES_MESSAGE;
  let msg = `0/${d.numNodes} nodes are available:`;
  if (d.preFilterMessage) msg += ` ${d.preFilterMessage}.`;
  else {
    const h = histogram([...d.nodeStatuses.values()].flatMap((s) => s.reasons));
    if (h) msg += ` ${h}.`;
  }
  if (postFilterMessage) msg += ` ${postFilterMessage}.`;
  return msg;
}
