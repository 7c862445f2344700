/**
 * The Events section of kubectl describe: the Event objects about an object (searchEvents: same
 * name, namespace and uid; for cluster-scoped objects the events live in `default`), oldest last
 * seen first, with `x3 over 2m` when an event repeated.
 *
 *   Events:
 *     Type    Reason     Age               From               Message
 *     ----    ------     ----              ----               -------
 *     Normal  Scheduled  2m                default-scheduler  Successfully assigned default/web-1 to worker1
 *     Normal  Pulling    30s (x3 over 2m)  kubelet            Pulling image "nginx"
 */
import type { KubeEvent, KubeObject } from '../../api/types/index.ts';
import { ms } from '../common.ts';
import type { PrintContext } from '../types.ts';
import { since } from './format.ts';
import { LEVEL_0, LEVEL_1, type DescribeWriter } from './writer.ts';

export interface EventQuery {
  /** The object's namespace; '' for a cluster-scoped object. */
  namespace: string;
  name: string;
  uid?: string;
  /** Omitted for pods (kubectl clears the kind of a pod's reference). */
  kind?: string;
}

/**
 * The events searchEvents finds for a reference: involvedObject name, namespace, kind and uid as
 * given. Events about cluster-scoped objects are recorded in `default`.
 */
export function searchEvents(ctx: PrintContext, q: EventQuery): KubeEvent[] {
  return ctx.store.list<KubeEvent>('Event', { namespace: q.namespace || 'default' }).filter((e) => {
    const io = e.involvedObject ?? {};
    if (io.name !== q.name || (io.namespace ?? '') !== q.namespace) return false;
    if (q.kind !== undefined && io.kind !== q.kind) return false;
    return q.uid === undefined || io.uid === q.uid;
  });
}

/** Events about an object, as `kubectl describe` fetches them. */
export function eventsFor(obj: KubeObject, ctx: PrintContext, opts: { anyKind?: boolean; uid?: string } = {}): KubeEvent[] {
  return searchEvents(ctx, {
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name,
    uid: opts.uid ?? obj.metadata.uid,
    kind: opts.anyKind ? undefined : obj.kind,
  });
}

/** DescribeEvents. */
export function describeEvents(w: DescribeWriter, events: readonly KubeEvent[], ctx: PrintContext): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  // SortableEvents: by last timestamp (stable here, so equal times keep the list's order).
  const sorted = [...events].sort((a, b) => ms(a.lastTimestamp) - ms(b.lastTimestamp));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, ctx.now) : since(e.firstTimestamp, ctx.now);
    const count = e.count ?? 0;
    const interval = count > 1 ? `${since(e.lastTimestamp, ctx.now)} (x${count} over ${first})` : first;
    const source = e.source?.component || (e as { reportingController?: string }).reportingController || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
