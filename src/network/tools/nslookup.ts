/**
 * BusyBox `nslookup` (networking/nslookup.c, 1.36), as in the busybox, alpine and curlimages/curl
 * images. It sends its own queries and prints each reply in turn:
 *
 *   - a name without a dot is tried with every search domain of resolv.conf, a name with a dot is
 *     sent as is (so `nslookup kubernetes.default` fails where the C library would succeed);
 *   - without -type, an A and an AAAA query per name (an address gets one PTR query);
 *   - the first reply prints `Server:\t\t10.96.0.10` and `Address:\t10.96.0.10:53`, a blank line;
 *   - an error reply prints `** server can't find NAME: NXDOMAIN` and the exit status becomes 1;
 *     a non-authoritative reply starts with `Non-authoritative answer:`; each reply ends with a
 *     blank line (so an empty AAAA answer is just a blank line).
 *
 *   $ nslookup member-0.member.ott.svc.cluster.local
 *   Server:		10.96.0.10
 *   Address:	10.96.0.10:53
 *
 *   Name:	member-0.member.ott.svc.cluster.local
 *   Address: 10.244.1.5
 *
 *   (blank line for the empty AAAA reply)
 */
import { queryClusterDns, type DnsReply, type QueryType } from '../dns.ts';
import { externalA, externalAAAA } from '../external.ts';
import { isIpv4, podQuery, resolverConfig } from '../resolver.ts';
import type { ExecOutput, NetCommandContext } from './context.ts';

const USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any
`;

export function nslookup(args: string[], ctx: NetCommandContext): ExecOutput {
  let types: QueryType[] | undefined;
  const positional: string[] = [];
  for (const a of args) {
    const t = /^-(?:type|querytype|q)=(\w+)$/i.exec(a);
    if (t) {
      const v = t[1].toUpperCase();
      types = v === 'ANY' ? ['A', 'AAAA'] : v === 'A' || v === 'AAAA' || v === 'PTR' ? [v] : [];
    } else if (a === '-debug' || a === '-d') continue;
    else if (a.startsWith('-')) return { stdout: '', stderr: USAGE, exitCode: 1 };
    else positional.push(a);
  }
  if (positional.length < 1 || positional.length > 2) return { stdout: '', stderr: USAGE, exitCode: 1 };
  const [name, server] = positional;
  const cfg = resolverConfig(ctx.pod);
  const serverIp = server ?? cfg.nameserver;
  const queries: { name: string; type: QueryType }[] = [];
  if (isIpv4(name) && !types) {
    queries.push({ name: name.split('.').reverse().join('.') + '.in-addr.arpa', type: 'PTR' });
  } else {
    const names = name.includes('.') || cfg.search.length === 0 ? [name] : cfg.search.map((d) => `${name}.${d}`);
    for (const type of types ?? ['A', 'AAAA']) for (const n of names) queries.push({ name: n, type });
  }
  const ask = (q: { name: string; type: QueryType }): DnsReply => {
    if (server && server !== cfg.nameserver) return upstreamOnly(q.name, q.type);
    if (q.type === 'PTR') return queryClusterDns(ctx.store, q.name, 'PTR');
    return podQuery(ctx.store, cfg, q.name, q.type);
  };
  let out = `Server:\t\t${serverIp}\nAddress:\t${serverIp}:53\n\n`;
  let exitCode = 0;
  for (const q of queries) {
    const reply = ask(q);
    if (reply.rcode !== 'NOERROR') {
      out += `** server can't find ${q.name}: ${reply.rcode}\n`;
      exitCode = 1;
    } else {
      if (!reply.authoritative) out += 'Non-authoritative answer:\n';
      for (const r of reply.answers) {
        if (r.type === 'A' || r.type === 'AAAA') out += `Name:\t${r.name}\nAddress: ${r.data}\n`;
        else if (r.type === 'CNAME') out += `${r.name}\tcanonical name = ${r.data}\n`;
        else out += `${r.name}\tname = ${r.data}\n`;
      }
    }
    out += '\n';
  }
  return { stdout: out, stderr: '', exitCode };
}

/** A server outside the cluster (`nslookup web 8.8.8.8`) knows only public names. */
function upstreamOnly(name: string, type: QueryType): DnsReply {
  const ips = type === 'A' ? externalA(name) : type === 'AAAA' ? externalAAAA(name) : undefined;
  if (!ips) return { rcode: 'NXDOMAIN', authoritative: false, answers: [] };
  return { rcode: 'NOERROR', authoritative: false, answers: ips.map((data) => ({ name, type, data })) };
}
