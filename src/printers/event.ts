/**
 * `kubectl get events` (printers.go printEvent). OBJECT is `kind/name` with the kind lowercased
 * (`pod/web-1`); SOURCE is `component, host` (falling back to reportingController/Instance);
 * LAST SEEN falls back to the first timestamp, which falls back to eventTime; COUNT is at least 1.
 * Column order follows the server's definitions, wide ones interleaved: LAST SEEN TYPE REASON
 * OBJECT [SUBOBJECT SOURCE] MESSAGE [FIRST SEEN COUNT NAME].
 */
import { age } from '../api/duration.ts';
import type { KubeEvent, KubeObject } from '../api/types/index.ts';
import { column } from './common.ts';
import type { ColumnDef, PrintContext } from './types.ts';

const ev = (o: KubeObject) => o as KubeEvent & { reportingController?: string };

function firstSeen(e: KubeEvent, ctx: PrintContext): string {
  return e.firstTimestamp ? age(e.firstTimestamp, ctx.now) : age(e.eventTime ?? undefined, ctx.now);
}

export function eventLastSeen(e: KubeEvent, ctx: PrintContext): string {
  return e.lastTimestamp ? age(e.lastTimestamp, ctx.now) : firstSeen(e, ctx);
}

export function eventObject(e: KubeEvent): string {
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  return e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
}

export function eventSource(e: KubeEvent & { reportingController?: string }): string {
  const component = e.source?.component || e.reportingController || e.reportingComponent || '';
  const host = e.source?.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

export const eventColumns: ColumnDef[] = [
  column('LAST SEEN', (o, ctx) => eventLastSeen(ev(o), ctx)),
  column('TYPE', (o) => ev(o).type ?? ''),
  column('REASON', (o) => ev(o).reason ?? ''),
  column('OBJECT', (o) => eventObject(ev(o))),
  column('SUBOBJECT', (o) => ev(o).involvedObject?.fieldPath ?? '', true),
  column('SOURCE', (o) => eventSource(ev(o)), true),
  column('MESSAGE', (o) => (ev(o).message ?? '').trim()),
  column('FIRST SEEN', (o, ctx) => firstSeen(ev(o), ctx), true),
  column('COUNT', (o) => String(ev(o).count || 1), true),
  { ...column('NAME', (o) => o.metadata.name, true), nameColumn: true },
];
