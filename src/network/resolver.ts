/**
 * Name resolution inside a pod, as the C library does it (getaddrinfo): /etc/hosts first, then
 * the nameserver of /etc/resolv.conf with its search list and `ndots:5`.
 *
 * The kubelet writes resolv.conf for dnsPolicy ClusterFirst (the default):
 *   search <ns>.svc.cluster.local svc.cluster.local cluster.local / nameserver 10.96.0.10 / options ndots:5
 * A name with fewer than 5 dots is tried with each search domain first, then as given; a name with
 * 5 or more (or a trailing dot) is tried as given first. So in namespace `default`:
 *   web          → web.default.svc.cluster.local (found)
 *   web.ott      → web.ott.default.svc.cluster.local (NXDOMAIN), web.ott.svc.cluster.local (found)
 *   google.com   → three cluster names (NXDOMAIN), then google.com (forwarded, found)
 * dnsPolicy Default (and hostNetwork pods without ClusterFirstWithHostNet) use the node's resolver,
 * which knows no cluster names.
 */
import type { ObjectStore } from '../api/store.ts';
import type { Pod } from '../api/types/index.ts';
import { CLUSTER_DNS_IP, CLUSTER_DOMAIN, queryClusterDns, type DnsReply } from './dns.ts';
import { externalA } from './external.ts';

export const NDOTS = 5;

export interface ResolverConfig {
  nameserver: string;
  search: string[];
  ndots: number;
  /** The node's resolver: no cluster names. */
  nodeResolver: boolean;
}

export interface Resolution {
  /** The canonical name (the last CNAME target, or the name that answered). */
  name: string;
  addresses: string[];
  /** Where the answer came from: /etc/hosts, a literal address, or DNS. */
  source: 'hosts' | 'literal' | 'dns';
}

export function resolverConfig(pod: Pod): ResolverConfig {
  const ns = pod.metadata.namespace ?? 'default';
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const nodeResolver = policy === 'Default' || (!!pod.spec.hostNetwork && policy !== 'ClusterFirstWithHostNet');
  if (nodeResolver) return { nameserver: '172.18.0.1', search: [], ndots: 1, nodeResolver };
  return { nameserver: CLUSTER_DNS_IP, search: [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN], ndots: NDOTS, nodeResolver };
}

export function isIpv4(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((o) => Number(o) <= 255);
}

/** The entries of the pod's /etc/hosts: localhost and the pod's own names. */
export function hostsEntries(pod: Pod): Map<string, string> {
  const m = new Map<string, string>([['localhost', '127.0.0.1']]);
  const ip = pod.status?.podIP;
  if (ip) {
    const host = pod.spec.hostname ?? pod.metadata.name;
    m.set(host.toLowerCase(), ip);
    if (pod.spec.subdomain) m.set(`${host}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${CLUSTER_DOMAIN}`.toLowerCase(), ip);
  }
  return m;
}

/** The names tried, in order, for `host` under this configuration. */
export function candidates(host: string, cfg: ResolverConfig): string[] {
  if (host.endsWith('.')) return [host.slice(0, -1)];
  const dots = host.split('.').length - 1;
  const searched = cfg.search.map((d) => `${host}.${d}`);
  return dots >= cfg.ndots ? [host, ...searched] : [...searched, host];
}

/** One DNS query as the pod sends it, to the cluster DNS or to the node's resolver. */
export function podQuery(store: ObjectStore, cfg: ResolverConfig, name: string, type: 'A' | 'AAAA'): DnsReply {
  if (!cfg.nodeResolver) return queryClusterDns(store, name, type);
  const ips = type === 'A' ? externalA(name) : [];
  if (!ips) return { rcode: 'NXDOMAIN', authoritative: false, answers: [] };
  return { rcode: 'NOERROR', authoritative: false, answers: ips.map((data) => ({ name, type, data })) };
}

/** getaddrinfo(host) for IPv4, or undefined when the name does not resolve. */
export function resolveHost(store: ObjectStore, pod: Pod, host: string): Resolution | undefined {
  const h = host.toLowerCase();
  if (isIpv4(h)) return { name: h, addresses: [h], source: 'literal' };
  const fromHosts = hostsEntries(pod).get(h.replace(/\.$/, ''));
  if (fromHosts) return { name: h.replace(/\.$/, ''), addresses: [fromHosts], source: 'hosts' };
  const cfg = resolverConfig(pod);
  for (const name of candidates(h, cfg)) {
    const reply = podQuery(store, cfg, name, 'A');
    if (reply.rcode !== 'NOERROR') continue;
    const addresses = reply.answers.filter((r) => r.type === 'A').map((r) => r.data);
    if (addresses.length === 0) continue;
    const cnames = reply.answers.filter((r) => r.type === 'CNAME');
    return { name: cnames.length ? cnames[cnames.length - 1].data : name, addresses, source: 'dns' };
  }
  return undefined;
}
