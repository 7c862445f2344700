/**
 * Endpoints subsets in their canonical layout (k8s `pkg/api/v1/endpoints` RepackSubsets): every
 * (address, port) pair is spread out, then addresses that offer exactly the same ports (with the
 * same readiness) are packed into one subset. A pod that is not ready for one port is not ready
 * for that port only ("not ready wins" when the same address appears twice for a port).
 *
 * Worked example (Service port `http` → targetPort `http`):
 *   pod a 10.244.1.2 ready,     http=8080
 *   pod b 10.244.2.2 ready,     http=80
 *   pod c 10.244.1.3 not ready, http=8080
 * gives two subsets: {addresses [10.244.1.2], notReadyAddresses [10.244.1.3], ports [http 8080]}
 * and {addresses [10.244.2.2], ports [http 80]}.
 *
 * Ordering: upstream sorts addresses by IP (bytewise) then uid, and sorts ports and subsets by an
 * md5 of their Go representation, which cannot be reproduced; here ports sort by name then number
 * and subsets by their first address, which is just as stable.
 */
import type { EndpointAddress, EndpointSubset } from '../../api/types/index.ts';

export type EndpointPort = NonNullable<EndpointSubset['ports']>[number];

/** One address offering one port (or no port: a headless Service without ports). */
export interface AddressEntry {
  address: EndpointAddress;
  port?: EndpointPort;
  ready: boolean;
}

const portKey = (p: EndpointPort | undefined) => (p ? `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? 'TCP'}\u0000${p.appProtocol ?? ''}` : '');
const addressKey = (a: EndpointAddress) => `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;

/** Bytewise comparison, as Go's bytes.Compare on IP strings ("10.244.1.10" < "10.244.1.2"). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  return cmp(a.ip, b.ip) || cmp(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');
}

function comparePorts(a: EndpointPort, b: EndpointPort): number {
  return cmp(a.name ?? '', b.name ?? '') || a.port - b.port || cmp(a.protocol ?? '', b.protocol ?? '');
}

export function repackSubsets(entries: readonly AddressEntry[]): EndpointSubset[] {
  // 1. port → (address → ready), keeping the first full address seen for each key.
  const addresses = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port?: EndpointPort; ready: Map<string, boolean> }>();
  for (const e of entries) {
    const ak = addressKey(e.address);
    if (!addresses.has(ak)) addresses.set(ak, e.address);
    const pk = portKey(e.port);
    let slot = byPort.get(pk);
    if (!slot) byPort.set(pk, (slot = { port: e.port, ready: new Map() }));
    const was = slot.ready.get(ak);
    if (was === undefined || was) slot.ready.set(ak, e.ready);
  }
  // 2. group ports by their exact (address, readiness) set.
  const groups = new Map<string, { ready: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, ready } of byPort.values()) {
    const sig = [...ready.entries()].map(([k, r]) => `${k}\u0001${r}`).sort().join('\u0002');
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { ready, ports: [] }));
    if (port) g.ports.push(port);
  }
  // 3. build and sort.
  const subsets: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of g.ready) (r ? ready : notReady).push(addresses.get(k)!);
    const ss: EndpointSubset = {};
    if (ready.length) ss.addresses = ready.sort(compareAddresses);
    if (notReady.length) ss.notReadyAddresses = notReady.sort(compareAddresses);
    if (g.ports.length) ss.ports = g.ports.sort(comparePorts);
    subsets.push(ss);
  }
  const first = (ss: EndpointSubset) => (ss.addresses ?? ss.notReadyAddresses ?? [])[0];
  return subsets.sort((a, b) => {
    const fa = first(a);
    const fb = first(b);
    return (fa && fb ? compareAddresses(fa, fb) : 0) || comparePorts(a.ports?.[0] ?? { port: 0 }, b.ports?.[0] ?? { port: 0 });
  });
}
