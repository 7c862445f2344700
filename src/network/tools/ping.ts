/**
 * BusyBox `ping`: a few echo requests, then the statistics. Pods, nodes and public addresses
 * answer; a ClusterIP does not (kube-proxy only forwards the Service's TCP/UDP ports), nor does an
 * address nobody has. Without -c the real tool runs until interrupted; here it stops after 4.
 *
 *   PING web-0.web (10.244.1.5): 56 data bytes
 *   64 bytes from 10.244.1.5: seq=0 ttl=63 time=0.412 ms
 *   ...
 *
 *   --- web-0.web ping statistics ---
 *   4 packets transmitted, 4 packets received, 0% packet loss
 *   round-trip min/avg/max = 0.388/0.410/0.431 ms
 *
 * Times depend on the path (same pod, same node, another node, the internet), with a small jitter
 * from the seeded random source (or from the sequence number without one).
 */
import { fnv1a32 } from '../../api/names.ts';
import { isPublicIp } from '../external.ts';
import { resolveHost } from '../resolver.ts';
import { nodeByIp, podByIp, serviceByClusterIp } from '../routing.ts';
import type { ExecOutput, NetCommandContext } from './context.ts';

const DEFAULT_COUNT = 4;

interface Path {
  ttl: number;
  /** Typical round trip in microseconds. */
  rttUs: number;
}

function pathTo(ctx: NetCommandContext, ip: string): Path | undefined {
  const me = ctx.pod;
  if (ip.startsWith('127.') || ip === me.status?.podIP) return { ttl: 64, rttUs: 45 };
  if (serviceByClusterIp(ctx.store, ip)) return undefined;
  const node = nodeByIp(ctx.store, ip);
  if (node) return { ttl: 64, rttUs: node.metadata.name === me.spec.nodeName ? 60 : 350 };
  const pod = podByIp(ctx.store, ip);
  if (pod) return pod.spec.nodeName === me.spec.nodeName ? { ttl: 64, rttUs: 80 } : { ttl: 63, rttUs: 420 };
  if (isPublicIp(ip)) return { ttl: 116, rttUs: 2_000 + (fnv1a32(ip) % 30_000) };
  return undefined;
}

const ms = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

export function ping(args: string[], ctx: NetCommandContext): ExecOutput {
  let count = DEFAULT_COUNT;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-c') count = Number(args[++i]);
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s' || a === '-t' || a === '-I') i++;
    else if (!a.startsWith('-')) host ??= a;
  }
  if (!host) return { stdout: '', stderr: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n', exitCode: 1 };
  if (!Number.isFinite(count) || count < 1) count = DEFAULT_COUNT;
  const resolved = resolveHost(ctx.store, ctx.pod, host);
  if (!resolved) return { stdout: '', stderr: `ping: bad address '${host}'\n`, exitCode: 1 };
  const ip = resolved.addresses[0];
  const path = pathTo(ctx, ip);
  let out = `PING ${host} (${ip}): 56 data bytes\n`;
  const times: number[] = [];
  if (path) {
    for (let seq = 0; seq < count; seq++) {
      const jitter = ctx.random ? ctx.random.int(Math.max(1, Math.floor(path.rttUs / 4))) : (seq * 37) % Math.max(1, Math.floor(path.rttUs / 4));
      const us = path.rttUs + jitter;
      times.push(us);
      out += `64 bytes from ${ip}: seq=${seq} ttl=${path.ttl} time=${ms(us)} ms\n`;
    }
  }
  const received = times.length;
  const loss = Math.round(((count - received) * 100) / count);
  out += `\n--- ${host} ping statistics ---\n${count} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
  if (received > 0) {
    const avg = Math.round(times.reduce((a, b) => a + b, 0) / received);
    out += `round-trip min/avg/max = ${ms(Math.min(...times))}/${ms(avg)}/${ms(Math.max(...times))} ms\n`;
  }
  return { stdout: out, stderr: '', exitCode: received > 0 ? 0 : 1 };
}
