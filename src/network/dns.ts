/**
 * Cluster DNS: what CoreDNS (the `kubernetes` plugin for `cluster.local`, then `forward` to the
 * upstream resolver) answers to one query, computed from the store.
 *
 *   <svc>.<ns>.svc.cluster.local          A: the ClusterIP; headless: the ready endpoint IPs;
 *                                         ExternalName: a CNAME to the external name
 *   <ep>.<svc>.<ns>.svc.cluster.local     A: the ready endpoint whose hostname is <ep> (a pod with
 *                                         hostname + subdomain, as a StatefulSet's) or whose IP
 *                                         with dashes is <ep> (10-244-1-5)
 *   <a-b-c-d>.<ns>.pod.cluster.local      A: a.b.c.d (`pods insecure`)
 *   <ns>.svc.cluster.local                no records if the namespace exists, else NXDOMAIN
 *   d.c.b.a.in-addr.arpa                  PTR: the Service (ClusterIP) or endpoint name
 *   anything else in cluster.local        NXDOMAIN
 *   other names                           forwarded: public names resolve (external.ts), others NXDOMAIN
 *
 * Answers from the cluster zone are authoritative; forwarded ones are not (busybox nslookup then
 * prints "Non-authoritative answer:"). There are no IPv6 addresses in the cluster: AAAA queries
 * for existing cluster names get an empty answer (NODATA).
 */
import type { ObjectStore } from '../api/store.ts';
import type { Service } from '../api/types/index.ts';
import { externalA, externalAAAA, knownNameOf } from './external.ts';
import { dnsBackends } from './service-endpoints.ts';

export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS_IP = '10.96.0.10';
export const DNS_PORT = 53;

export type QueryType = 'A' | 'AAAA' | 'PTR';

export interface DnsRecord {
  name: string;
  type: 'A' | 'AAAA' | 'CNAME' | 'PTR';
  data: string;
}

export interface DnsReply {
  rcode: 'NOERROR' | 'NXDOMAIN';
  authoritative: boolean;
  answers: DnsRecord[];
}

const NX_AUTH: DnsReply = { rcode: 'NXDOMAIN', authoritative: true, answers: [] };
const NODATA: DnsReply = { rcode: 'NOERROR', authoritative: true, answers: [] };

/** One query to the cluster DNS server. `qname` may end with a dot; case does not matter. */
export function queryClusterDns(store: ObjectStore, qname: string, qtype: QueryType): DnsReply {
  const name = qname.toLowerCase().replace(/\.$/, '');
  if (qtype === 'PTR') return reverse(store, name);
  if (name === CLUSTER_DOMAIN) return { ...NODATA };
  if (name.endsWith(`.${CLUSTER_DOMAIN}`)) return clusterZone(store, name, qtype);
  return forward(name, qtype);
}

function forward(name: string, qtype: 'A' | 'AAAA'): DnsReply {
  const ips = qtype === 'A' ? externalA(name) : externalAAAA(name);
  if (!ips) return { rcode: 'NXDOMAIN', authoritative: false, answers: [] };
  return { rcode: 'NOERROR', authoritative: false, answers: ips.map((data) => ({ name, type: qtype, data })) };
}

function clusterZone(store: ObjectStore, name: string, qtype: 'A' | 'AAAA'): DnsReply {
  const labels = name.slice(0, -(CLUSTER_DOMAIN.length + 1)).split('.');
  const kind = labels.pop();
  if (kind === 'pod') return podRecord(store, name, labels, qtype);
  if (kind !== 'svc') return { ...NX_AUTH };
  const [ns, svcName, endpoint, ...extra] = [...labels].reverse();
  if (extra.length > 0 || !ns) return ns ? { ...NX_AUTH } : { ...NODATA };
  if (!store.get('Namespace', '', ns)) return { ...NX_AUTH };
  if (!svcName) return { ...NODATA };
  const svc = store.get<Service>('Service', ns, svcName);
  if (!svc) return { ...NX_AUTH };
  if (svc.spec.type === 'ExternalName') return endpoint ? { ...NX_AUTH } : externalNameRecord(store, name, svc, qtype);
  if (endpoint || svc.spec.clusterIP === 'None') {
    const matches = dnsBackends(store, svc).filter((b) => !endpoint || endpointHostname(b.ip, b.hostname) === endpoint);
    if (matches.length === 0) return { ...NX_AUTH };
    return answer(name, qtype, matches.map((b) => b.ip));
  }
  const ips = (svc.spec.clusterIPs ?? [svc.spec.clusterIP ?? '']).filter((ip) => ip && ip !== 'None');
  return answer(name, qtype, ips);
}

function answer(name: string, qtype: 'A' | 'AAAA', ips: string[]): DnsReply {
  const wanted = ips.filter((ip) => ip.includes(':') === (qtype === 'AAAA'));
  return { rcode: 'NOERROR', authoritative: true, answers: wanted.map((data) => ({ name, type: qtype, data })) };
}

/** The endpoint's DNS label: its hostname, or its IP with dashes. */
export function endpointHostname(ip: string, hostname: string | undefined): string {
  return hostname || ip.replace(/[.:]/g, '-');
}

function podRecord(store: ObjectStore, name: string, labels: string[], qtype: 'A' | 'AAAA'): DnsReply {
  if (labels.length !== 2 || !store.get('Namespace', '', labels[1])) return { ...NX_AUTH };
  const ip = labels[0].replace(/-/g, '.');
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip) || ip.split('.').some((o) => Number(o) > 255)) return { ...NX_AUTH };
  return answer(name, qtype, [ip]);
}

function externalNameRecord(store: ObjectStore, name: string, svc: Service, qtype: 'A' | 'AAAA'): DnsReply {
  const target = (svc.spec.externalName ?? '').toLowerCase().replace(/\.$/, '');
  const cname: DnsRecord = { name, type: 'CNAME', data: target };
  // CoreDNS follows the CNAME itself and adds the target's records when it can resolve them.
  const next = target.endsWith(`.${CLUSTER_DOMAIN}`) ? clusterZone(store, target, qtype) : forward(target, qtype);
  return { rcode: 'NOERROR', authoritative: true, answers: [cname, ...(next.rcode === 'NOERROR' ? next.answers : [])] };
}

/** `d.c.b.a.in-addr.arpa` back to a name. */
function reverse(store: ObjectStore, name: string): DnsReply {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(name);
  if (!m) return { rcode: 'NXDOMAIN', authoritative: false, answers: [] };
  const ip = [m[4], m[3], m[2], m[1]].join('.');
  const found = reverseName(store, ip);
  if (found) return { rcode: 'NOERROR', authoritative: true, answers: [{ name, type: 'PTR', data: found }] };
  const ext = knownNameOf(ip);
  if (ext) return { rcode: 'NOERROR', authoritative: false, answers: [{ name, type: 'PTR', data: ext }] };
  return { rcode: 'NXDOMAIN', authoritative: false, answers: [] };
}

/** The cluster name of an IP: a Service's ClusterIP, or a ready endpoint of a Service. */
export function reverseName(store: ObjectStore, ip: string): string | undefined {
  const services = store.list<Service>('Service');
  for (const svc of services) {
    if ((svc.spec.clusterIPs ?? [svc.spec.clusterIP]).includes(ip)) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  }
  for (const svc of services) {
    if (svc.spec.type === 'ExternalName') continue;
    const b = dnsBackends(store, svc).find((x) => x.ip === ip);
    if (b) return `${endpointHostname(b.ip, b.hostname)}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  }
  return undefined;
}
