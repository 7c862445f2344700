/**
 * One HTTP request from a pod, as curl and wget make it: resolve the host with the pod's resolver,
 * connect through the node's network (routing.ts), and have the server answer (http-servers.ts).
 * TLS is modelled only as far as its failures show: the API server's certificate is not trusted
 * without -k, and a plain-HTTP server cannot speak TLS.
 */
import { serveHttp, type HttpResponse } from '../http-servers.ts';
import { resolveHost } from '../resolver.ts';
import { connect } from '../routing.ts';
import { hostHeader, netContext, type NetCommandContext, type Url } from './context.ts';

export type FetchResult =
  | { ok: true; ip: string; response: HttpResponse }
  | { ok: false; ip?: string; error: 'resolve' | 'refused' | 'timeout' | 'tls-untrusted' | 'tls-plain' };

export interface FetchOptions {
  method: 'GET' | 'HEAD';
  userAgent: string;
  /** -k: do not verify the server's certificate. */
  insecure?: boolean;
  /** A Host header given explicitly (-H 'Host: x'). */
  hostOverride?: string;
}

export function fetchUrl(ctx: NetCommandContext, url: Url, opts: FetchOptions): FetchResult {
  const resolved = resolveHost(ctx.store, ctx.pod, url.host);
  if (!resolved) return { ok: false, error: 'resolve' };
  const ip = resolved.addresses[0];
  const net = netContext(ctx);
  const conn = connect(net, ctx.pod, ip, url.port);
  if (!conn.ok) return { ok: false, ip, error: conn.error };
  if (url.scheme === 'https') {
    if (conn.target.kind === 'pod') return { ok: false, ip, error: 'tls-plain' };
    if (conn.target.kind === 'apiserver' && !opts.insecure) return { ok: false, ip, error: 'tls-untrusted' };
  }
  const local = ip === '127.0.0.1';
  const clientIp = local ? '127.0.0.1' : (ctx.pod.status?.podIP ?? '');
  const response = serveHttp(net, conn.target, {
    method: opts.method,
    scheme: url.scheme,
    host: opts.hostOverride ?? hostHeader(url),
    path: url.path,
    clientIp,
    userAgent: opts.userAgent,
    now: ctx.now,
  });
  return { ok: true, ip, response };
}

/** The response head as it comes over the wire (CRLF line ends, a blank line at the end). */
export function responseHead(r: HttpResponse, version = 'HTTP/1.1'): string {
  return `${version} ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}
