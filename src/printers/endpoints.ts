/**
 * `kubectl get endpoints` (printers.go formatEndpoints): the ready addresses as `ip:port`, for each
 * port of each subset, at most 3 then ` + N more...`; bare IPs for a subset without ports;
 * `<none>` without subsets.
 * Worked example: 5 addresses × 1 port → "10.244.1.2:80,10.244.1.3:80,10.244.2.2:80 + 2 more...".
 */
import type { Endpoints } from '../api/types/index.ts';
import { AGE, column, NAME } from './common.ts';
import type { ColumnDef } from './types.ts';

const MAX = 3;

function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

export const endpointsColumns: ColumnDef[] = [NAME, column('ENDPOINTS', (o) => formatEndpoints(o as Endpoints)), AGE];
