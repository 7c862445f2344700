/**
 * Service ClusterIP and NodePort allocation, as the service registry does on create.
 *
 * ClusterIPs come from 10.96.0.0/12 (kubeadm's default). The first 256 addresses (10.96.0.0 -
 * 10.96.0.255) are the static band (ServiceIPStaticSubrange: min(max(16, size/16), 256)) kept for
 * explicitly requested IPs such as 10.96.0.1 (kubernetes) and 10.96.0.10 (DNS); dynamic IPs are
 * drawn at random above it. NodePorts are drawn at random from 30000-32767.
 */
import type { ObjectStore } from '../../api/store.ts';
import type { Service } from '../../api/types/index.ts';
import type { SeededRandom } from '../../sim/random.ts';
import { ApiError, invalid } from '../errors.ts';
import { kindInfo } from '../../api/kinds.ts';

const BASE = ipToInt('10.96.0.0');
const SIZE = 1 << 20; // /12
const STATIC_BAND = 256;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export function inServiceRange(ip: string): boolean {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const n = ipToInt(ip);
  return n > BASE && n < BASE + SIZE - 1;
}

export class ServiceAllocator {
  constructor(
    private store: ObjectStore,
    private random: SeededRandom,
  ) {}

  private usedIps(): Set<string> {
    const used = new Set<string>();
    for (const s of this.store.unsortedList<Service>('Service')) for (const ip of s.spec.clusterIPs ?? [s.spec.clusterIP ?? '']) used.add(ip);
    return used;
  }

  private usedPorts(): Set<number> {
    const used = new Set<number>();
    for (const s of this.store.unsortedList<Service>('Service')) for (const p of s.spec.ports ?? []) if (p.nodePort) used.add(p.nodePort);
    return used;
  }

  /** Fills spec.clusterIP(s) and nodePorts of a new Service, or throws the API's error. */
  allocate(svc: Service): void {
    const spec = svc.spec;
    const type = spec.type ?? 'ClusterIP';
    if (type !== 'ExternalName' && spec.clusterIP !== 'None') {
      const used = this.usedIps();
      if (spec.clusterIP) {
        if (!inServiceRange(spec.clusterIP)) {
          throw invalid(kindInfo('Service'), svc.metadata.name, [
            {
              field: 'spec.clusterIPs',
              path: ['spec', 'clusterIPs'],
              type: 'FieldValueInvalid',
              message: `spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`,
            },
          ]);
        }
        if (used.has(spec.clusterIP)) {
          throw invalid(kindInfo('Service'), svc.metadata.name, [
            {
              field: 'spec.clusterIPs',
              path: ['spec', 'clusterIPs'],
              type: 'FieldValueInvalid',
              message: `spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`,
            },
          ]);
        }
      } else {
        let ip: string;
        do ip = intToIp(BASE + STATIC_BAND + this.random.int(SIZE - STATIC_BAND - 1));
        while (used.has(ip));
        spec.clusterIP = ip;
      }
      spec.clusterIPs = [spec.clusterIP];
    } else if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
    }
    if (type === 'NodePort' || type === 'LoadBalancer') {
      const used = this.usedPorts();
      for (const p of spec.ports ?? []) {
        if (p.nodePort) {
          if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
            throw new ApiError('Invalid', `Service "${svc.metadata.name}" is invalid: spec.ports[0].nodePort: Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is 30000-32767`);
          }
          if (used.has(p.nodePort)) {
            throw new ApiError('Invalid', `Service "${svc.metadata.name}" is invalid: spec.ports[0].nodePort: Invalid value: ${p.nodePort}: provided port is already allocated`);
          }
          used.add(p.nodePort);
          continue;
        }
        let port: number;
        do port = NODE_PORT_MIN + this.random.int(NODE_PORT_MAX - NODE_PORT_MIN + 1);
        while (used.has(port));
        used.add(port);
        p.nodePort = port;
      }
    }
  }
}
