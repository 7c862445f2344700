/**
 * The network commands of `kubectl exec`: nslookup, curl, wget, ping and getent, answered from the
 * cluster's state (cluster DNS, Services and their endpoints, the pods' servers) by src/network.
 *
 * runNetCommand(argv, ctx) returns the command's output, or undefined when argv is not one of
 * these commands (the caller answers it). Whether the image has the program at all is the
 * caller's check, made first: nginx has curl but no nslookup; busybox has nslookup, wget and ping
 * but no curl.
 *
 *   runNetCommand(['nslookup', 'web'], { pod, store, now })
 *   runNetCommand(['curl', '-s', 'http://web:8080/'], { pod, store, now, random, catalog, onRequest })
 */
import type { ExecResult } from './runtime-api.ts';
import type { NetCommandContext } from '../network/tools/context.ts';
import { curl } from '../network/tools/curl.ts';
import { getent } from '../network/tools/getent.ts';
import { nslookup } from '../network/tools/nslookup.ts';
import { ping } from '../network/tools/ping.ts';
import { wget } from '../network/tools/wget.ts';

export type { NetCommandContext } from '../network/tools/context.ts';

export const NET_COMMANDS = ['nslookup', 'curl', 'wget', 'ping', 'getent'] as const;

export function runNetCommand(argv: readonly string[], ctx: NetCommandContext): ExecResult | undefined {
  const [cmd, ...args] = argv;
  switch (cmd?.split('/').pop()) {
    case 'nslookup':
      return nslookup(args, ctx);
    case 'curl':
      return curl(args, ctx);
    case 'wget':
      return wget(args, ctx);
    case 'ping':
      return ping(args, ctx);
    case 'getent':
      return getent(args, ctx);
    default:
      return undefined;
  }
}
