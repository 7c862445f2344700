/**
 * What an HTTP server answers, by the image its container runs, and the log line it writes:
 *
 *   nginx (and gihyodocker/nginx's static files)  the welcome page at / (615 bytes), 404 elsewhere;
 *                                                 an access log line in nginx's `main` format
 *   gihyodocker/nginx                             a reverse proxy to $BACKEND_HOST (the echo sidecar)
 *   amsy810/echo-nginx (and catalog entries with echoResponse)
 *                                                 `Host=<host>  Path=<uri>  From=<pod>  ClientIP=<ip>  XFF=`
 *   gihyodocker/echo                              `Hello Docker!!`, logging `received request`
 *   the API server                                403 for system:anonymous (served over TLS only)
 *   the internet                                  google.com's 301, other sites a redirect to https
 * A server the catalog knows nothing about answers 200 with a line saying so, rather than
 * inventing an application's output.
 */
import type { Pod } from '../api/types/index.ts';
import { parseImage, type ImageEntry } from '../kubelet/images.ts';
import { knownNameOf } from './external.ts';
import { connect, type NetContext, type Target } from './routing.ts';
import { resolveHost } from './resolver.ts';
import { goLogLine, nginxAccessLine, type ServedRequest } from './access-log.ts';
import { NGINX_404, NGINX_WELCOME, nginxVersion } from './nginx-pages.ts';

export interface HttpRequest {
  method: 'GET' | 'HEAD';
  scheme: 'http' | 'https';
  /** The Host header (the host as typed in the URL, with `:port` when not the default). */
  host: string;
  path: string;
  clientIp: string;
  userAgent: string;
  now: number;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

export interface ServeContext extends NetContext {
  onRequest?: (r: ServedRequest) => void;
}

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 502: 'Bad Gateway' };

export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

function response(status: number, headers: [string, string][], body: string): HttpResponse {
  return { status, reason: REASONS[status] ?? '', headers, body };
}

/** The `$host` nginx sees: the Host header without its port. */
function hostOnly(host: string): string {
  return host.replace(/:\d+$/, '');
}

export function serveHttp(ctx: ServeContext, target: Target, req: HttpRequest, depth = 0): HttpResponse {
  if (target.kind === 'apiserver') return apiServer(req);
  if (target.kind === 'external') return internet(target.ip, req);
  const { pod, container } = target;
  const entry = ctx.catalog.lookup(container.image ?? '');
  const repo = parseImage(container.image ?? '').repository;
  const log = (line: string) => ctx.onRequest?.({ pod: { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name, uid: pod.metadata.uid ?? '' }, container: container.name, at: req.now, line });
  let res: HttpResponse;
  if (repo === 'docker.io/gihyodocker/echo') {
    log(goLogLine(req.now, 'received request'));
    return response(200, [['Date', httpDate(req.now)], ['Content-Length', '14'], ['Content-Type', 'text/plain; charset=utf-8']], 'Hello Docker!!');
  }
  if (repo === 'docker.io/gihyodocker/nginx' && depth === 0) res = proxy(ctx, pod, req, depth);
  else if (repo === 'docker.io/amsy810/echo-nginx' || entry?.echoResponse) res = echoNginx(pod, req);
  else if (repo === 'docker.io/library/nginx' || repo === 'docker.io/gihyodocker/nginx') res = nginxStatic(container.image ?? '', req);
  else return unknownServer(entry, container.image ?? '', target.port, req);
  const server = `nginx/${nginxVersion(container.image ?? '')}`;
  res.headers.unshift(['Server', server], ['Date', httpDate(req.now)]);
  log(nginxAccessLine(req, res.status, req.method === 'HEAD' ? 0 : Buffer.byteLength(res.body)));
  return res;
}

function nginxStatic(image: string, req: HttpRequest): HttpResponse {
  if (req.path === '/' || req.path === '/index.html') {
    return response(200, [['Content-Type', 'text/html'], ['Content-Length', String(Buffer.byteLength(NGINX_WELCOME))], ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'], ['Connection', 'keep-alive'], ['ETag', '"6745ef54-267"'], ['Accept-Ranges', 'bytes']], NGINX_WELCOME);
  }
  const body = NGINX_404(nginxVersion(image));
  return response(404, [['Content-Type', 'text/html'], ['Content-Length', String(Buffer.byteLength(body))], ['Connection', 'keep-alive']], body);
}

function echoNginx(pod: Pod, req: HttpRequest): HttpResponse {
  const from = pod.spec.hostname ?? pod.metadata.name;
  const body = `Host=${hostOnly(req.host)}  Path=${req.path}  From=${from}  ClientIP=${req.clientIp}  XFF=\n`;
  return response(200, [['Content-Type', 'text/plain'], ['Content-Length', String(Buffer.byteLength(body))], ['Connection', 'keep-alive']], body);
}

/** gihyodocker/nginx: `proxy_pass http://$BACKEND_HOST` (the echo container, localhost:8080). */
function proxy(ctx: ServeContext, pod: Pod, req: HttpRequest, depth: number): HttpResponse {
  const env = pod.spec.containers.flatMap((c) => c.env ?? []).find((e) => e.name === 'BACKEND_HOST')?.value ?? 'localhost:8080';
  const [host, portText] = env.split(':');
  const ip = resolveHost(ctx.store, pod, host)?.addresses[0];
  const conn = ip ? connect(ctx, pod, ip, Number(portText || 80)) : undefined;
  if (!conn?.ok) {
    const body = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/${nginxVersion('gihyodocker/nginx')}</center>\r\n</body>\r\n</html>\r\n`;
    return response(502, [['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body);
  }
  const clientIp = ip === '127.0.0.1' ? ip : (pod.status?.podIP ?? '127.0.0.1');
  const upstream = serveHttp(ctx, conn.target, { ...req, host: env, clientIp }, depth + 1);
  return { ...upstream, headers: upstream.headers.filter(([k]) => k !== 'Date' && k !== 'Server') };
}

function unknownServer(entry: ImageEntry | undefined, image: string, port: number, req: HttpRequest): HttpResponse {
  const custom = (entry as (ImageEntry & { httpBody?: string }) | undefined)?.httpBody;
  const body = custom ?? `kubesim: ${image} accepted the connection on port ${port}; the image catalog does not say what it answers\n`;
  return response(200, [['Date', httpDate(req.now)], ['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', String(Buffer.byteLength(body))]], body);
}

function apiServer(req: HttpRequest): HttpResponse {
  if (req.scheme === 'http') return response(400, [], 'Client sent an HTTP request to an HTTPS server.\n');
  const body = `{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"${req.path}\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}\n`;
  return response(403, [['Audit-Id', '00000000-0000-4000-8000-000000000000'], ['Cache-Control', 'no-cache, private'], ['Content-Type', 'application/json'], ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(req.now)], ['Content-Length', String(body.length)]], body);
}

/** The internet: google.com's well-known redirect; any other site redirects to its https URL. */
function internet(ip: string, req: HttpRequest): HttpResponse {
  const host = hostOnly(req.host);
  const name = knownNameOf(ip) ?? host;
  if (name === 'google.com' || host === 'google.com') {
    const loc = `${req.scheme}://www.google.com${req.path}`;
    const body = `<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">\n<TITLE>301 Moved</TITLE></HEAD><BODY>\n<H1>301 Moved</H1>\nThe document has moved\n<A HREF="${loc}">here</A>.\r\n</BODY></HTML>\r\n`;
    return response(301, [['Location', loc], ['Content-Type', 'text/html; charset=UTF-8'], ['Date', httpDate(req.now)], ['Server', 'gws'], ['Content-Length', String(body.length)]], body);
  }
  if (req.scheme === 'http') {
    const body = `<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n<center><h1>301 Moved Permanently</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
    return response(301, [['Server', 'nginx'], ['Date', httpDate(req.now)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Location', `https://${host}${req.path}`]], body);
  }
  const body = `<!doctype html>\n<html><head><title>${host}</title></head><body></body></html>\n`;
  return response(200, [['Date', httpDate(req.now)], ['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', String(body.length)]], body);
}
