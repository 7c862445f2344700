/**
 * `curl URL` in a container: curl 8.11.1 in curlimages/curl, Debian's 7.88.1 in the Debian-based
 * images (nginx, perl...). The messages differ between the two where real curl's do:
 *
 *   unknown host      curl: (6) Could not resolve host: web
 *   refused           curl: (7) Failed to connect to web port 80 after 0 ms: Could not connect to server   (8.x)
 *                     curl: (7) Failed to connect to web port 80 after 0 ms: Connection refused            (7.88)
 *   no route/answer   curl: (28) Failed to connect to ... after 127003 ms: ... (the kernel gives up), or
 *                     curl: (28) Connection timed out after 5001 milliseconds (-m 5)
 *
 * Options: -s -S -i -I -L -k -f -o FILE -w FORMAT -m SEC --connect-timeout SEC -H 'Host: x' -A UA.
 * Without -s, and unless a TTY shows the output, the progress meter goes to stderr.
 */
import type { HttpResponse } from '../http-servers.ts';
import { clientImage, curlVersion, parseUrl, type ExecOutput, type NetCommandContext } from './context.ts';
import { parseCurlArgs, type CurlOptions } from './curl-args.ts';
import { fetchUrl, responseHead } from './http-client.ts';

const HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const SYSTEM_TIMEOUT_MS = 127_003;

/** curl's max5data: a size in at most 5 characters (`  615`, ` 600k`, ` 1200M`). */
function max5(n: number): string {
  if (n < 100_000) return String(n).padStart(5);
  if (n < 10_000 * 1024) return `${Math.floor(n / 1024)}k`.padStart(5);
  return `${Math.floor(n / 1024 / 1024)}M`.padStart(5);
}

function meterLine(total: number): string {
  const pct = total > 0 ? 100 : 0;
  const speed = total * 1000; // one virtual millisecond for the transfer
  const t = '--:--:--';
  return `${String(pct).padStart(3)} ${max5(total)}  ${String(pct).padStart(3)} ${max5(total)}    0 ${max5(0)}  ${max5(speed)}  ${max5(0)} ${t} ${t} ${t} ${max5(speed)}\n`;
}

export function curl(args: string[], ctx: NetCommandContext): ExecOutput {
  const opts = parseCurlArgs(args);
  const version = curlVersion(clientImage(ctx));
  if (!opts.url) return { stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
  const meter = !opts.silent && (!ctx.tty || opts.output !== undefined);
  let stderr = meter ? HEADER : '';
  const fail = (code: number, message: string, writeOut: Partial<WriteOutVars> = {}): ExecOutput => {
    if (meter) stderr += meterLine(0);
    if (!opts.silent || opts.showError) stderr += `curl: (${code}) ${message}\n`;
    return { stdout: writeOutText(opts, { code: 0, ...writeOut }), stderr, exitCode: code };
  };
  let url = parseUrl(opts.url);
  if (!url) return fail(3, `URL rejected: Malformed input to a URL function`);
  let stdout = '';
  for (let hops = 0; ; hops++) {
    const r = fetchUrl(ctx, url, { method: opts.head ? 'HEAD' : 'GET', userAgent: opts.userAgent ?? `curl/${version}`, insecure: opts.insecure, hostOverride: opts.hostHeader });
    if (!r.ok) return fail(...failure(r.error, url.host, url.port, opts, version), { ip: r.ip });
    const res = r.response;
    const head = opts.include || opts.head ? responseHead(res) : '';
    const body = opts.head ? '' : res.body;
    const location = res.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (opts.follow && res.status >= 300 && res.status < 400 && location && hops < 50) {
      if (opts.output === undefined) stdout += head;
      const next = parseUrl(location);
      if (next) {
        url = next;
        continue;
      }
    }
    if (opts.fail && res.status >= 400) return fail(22, `The requested URL returned error: ${res.status}`, { ip: r.ip, code: res.status });
    if (meter) stderr += meterLine(Buffer.byteLength(body));
    if (opts.output === undefined) stdout += head + body;
    stdout += writeOutText(opts, { code: res.status, ip: r.ip, size: Buffer.byteLength(body), res });
    return { stdout, stderr, exitCode: 0 };
  }
}

function failure(error: string, host: string, port: number, opts: CurlOptions, version: string): [number, string] {
  const v8 = version.startsWith('8');
  switch (error) {
    case 'resolve':
      return [6, `Could not resolve host: ${host}`];
    case 'refused':
      return [7, `Failed to connect to ${host} port ${port} after 0 ms: ${v8 ? 'Could not connect to server' : 'Connection refused'}`];
    case 'timeout': {
      const limit = Math.min(opts.maxTime ?? Infinity, opts.connectTimeout ?? Infinity);
      if (limit === Infinity) return [28, `Failed to connect to ${host} port ${port} after ${SYSTEM_TIMEOUT_MS} ms: ${v8 ? 'Could not connect to server' : 'Connection timed out'}`];
      const ms = Math.round(limit * 1000) + 1;
      if (opts.connectTimeout !== undefined && opts.connectTimeout <= (opts.maxTime ?? Infinity) && v8) {
        return [28, `Failed to connect to ${host} port ${port} after ${ms} ms: Timeout was reached`];
      }
      return [28, `Connection timed out after ${ms} milliseconds`];
    }
    case 'tls-untrusted':
      return [
        60,
        'SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\n' +
          'curl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the webpage mentioned above.',
      ];
    default:
      return [35, `${v8 ? 'TLS connect error' : 'OpenSSL/3.0.15'}: error:0A00010B:SSL routines::wrong version number`];
  }
}

interface WriteOutVars {
  code: number;
  ip?: string;
  size?: number;
  res?: HttpResponse;
}

/** -w: %{http_code}, %{remote_ip}, %{size_download}, %{content_type}, %{time_total} and \n \t \r. */
function writeOutText(opts: CurlOptions, v: WriteOutVars): string {
  if (opts.writeOut === undefined) return '';
  const vars: Record<string, string> = {
    http_code: String(v.code).padStart(3, '0'),
    response_code: String(v.code).padStart(3, '0'),
    remote_ip: v.ip ?? '',
    size_download: String(v.size ?? 0),
    content_type: v.res?.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '',
    time_total: '0.001000',
  };
  return opts.writeOut
    .replace(/%\{(\w+)\}/g, (m, k: string) => vars[k] ?? m)
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\r/g, '\r')
    .replace(/%%/g, '%');
}
