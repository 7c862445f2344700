/**
 * `kubectl get endpointslices` (printers.go printEndpointSlice): PORTS and ENDPOINTS list at most 3
 * entries then ` + N more...`, `<unset>` when empty.
 */
import type { EndpointSlice, KubeObject } from '../api/types/index.ts';
import { AGE, column, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

const MAX = 3;

function listWithMore(list: string[], more: boolean, count: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - MAX} more...`;
  return ret === '' ? '<unset>' : ret;
}

export function formatSlicePorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < MAX) list.push(p.port !== undefined ? String(p.port) : p.name !== undefined ? p.name : '*');
    else if (list.length === MAX) more = true;
    count++;
  }
  return listWithMore(list, more, count);
}

export function formatSliceEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of slice.endpoints ?? []) {
    for (const address of e.addresses ?? []) {
      if (list.length < MAX) list.push(address);
      else if (list.length === MAX) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count);
}

const eps = (o: KubeObject) => o as EndpointSlice;

export const endpointSliceColumns: ColumnDef[] = [
  NAME,
  column('ADDRESSTYPE', (o) => eps(o).addressType ?? ''),
  column('PORTS', (o) => formatSlicePorts(eps(o))),
  column('ENDPOINTS', (o) => formatSliceEndpoints(eps(o))),
  AGE,
];
