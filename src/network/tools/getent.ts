/**
 * `getent hosts NAME` (and `ahostsv4`): the C library's answer, address padded to 15 then the
 * canonical name, as glibc's getent prints it; exit 2 when the name does not resolve.
 *
 *   $ getent hosts kubernetes
 *   10.96.0.1       kubernetes.default.svc.cluster.local
 *
 * Other databases (passwd, group...) are not network lookups: undefined lets the caller answer.
 */
import { hostsEntries, resolveHost } from '../resolver.ts';
import type { ExecOutput, NetCommandContext } from './context.ts';

export function getent(args: string[], ctx: NetCommandContext): ExecOutput | undefined {
  const [db, ...keys] = args;
  if (db !== 'hosts' && db !== 'ahosts' && db !== 'ahostsv4') return undefined;
  if (keys.length === 0) {
    if (db !== 'hosts') return { stdout: '', stderr: '', exitCode: 0 };
    const lines = [...hostsEntries(ctx.pod)].map(([name, ip]) => `${ip.padEnd(15)} ${name}\n`);
    return { stdout: lines.join(''), stderr: '', exitCode: 0 };
  }
  let out = '';
  let missing = false;
  for (const key of keys) {
    const r = resolveHost(ctx.store, ctx.pod, key);
    if (!r) {
      missing = true;
      continue;
    }
    if (db === 'hosts') out += `${r.addresses[0].padEnd(15)} ${r.name}\n`;
    else for (const ip of r.addresses) out += `${ip.padEnd(15)} STREAM ${r.name}\n${ip.padEnd(15)} DGRAM  \n${ip.padEnd(15)} RAW    \n`;
  }
  return { stdout: out, stderr: '', exitCode: missing ? 2 : 0 };
}
