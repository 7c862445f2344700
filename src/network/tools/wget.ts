/**
 * BusyBox `wget` (busybox, alpine, curlimages/curl images): `wget -qO- URL` prints the body;
 * without -q it reports on stderr what it does:
 *
 *   Connecting to web:8080 (10.96.12.34:8080)
 *   writing to stdout
 *   -                    100% |********************************|   615  0:00:00 ETA
 *   written to stdout
 *
 * Errors (exit 1): `wget: bad address 'x'`, `wget: can't connect to remote host (IP): Connection
 * refused`, `wget: server returned error: HTTP/1.1 404 Not Found`, `wget: download timed out`
 * (with -T). Redirects are followed. Without -O the body goes to a file (index.html), which the
 * simulation does not keep.
 */
import { parseUrl, type ExecOutput, type NetCommandContext } from './context.ts';
import { fetchUrl, responseHead } from './http-client.ts';

const BAR = '*'.repeat(32);

function progress(name: string, size: number): string {
  return `${name.padEnd(20).slice(0, 20)} 100% |${BAR}| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

export function wget(args: string[], ctx: NetCommandContext): ExecOutput {
  let quiet = false;
  let output: string | undefined;
  let timeout: number | undefined;
  let serverResponse = false;
  let urlText: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-S' || a === '--server-response') serverResponse = true;
    else if (a === '-O' || a === '--output-document') output = args[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a.startsWith('-q') && a.slice(2).startsWith('O')) {
      quiet = true;
      output = a.slice(3) || args[++i];
    } else if (a === '-T' || a === '--timeout') timeout = Number(args[++i]);
    else if (a.startsWith('--timeout=')) timeout = Number(a.slice(10));
    else if (!a.startsWith('-')) urlText ??= a;
  }
  if (!urlText) return { stdout: '', stderr: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n', exitCode: 1 };
  let url = parseUrl(urlText);
  let stderr = '';
  const err = (msg: string): ExecOutput => ({ stdout: '', stderr: `${stderr}wget: ${msg}\n`, exitCode: 1 });
  if (!url) return err(`not an http or ftp url: ${urlText}`);
  for (let hops = 0; hops < 20; hops++) {
    const r = fetchUrl(ctx, url, { method: 'GET', userAgent: 'Wget' });
    if (!r.ok && r.error === 'resolve') return err(`bad address '${url.host}'`);
    const where = `${url.explicitPort ? `${url.host}:${url.port}` : url.host} (${r.ip}:${url.port})`;
    if (!quiet) stderr += `Connecting to ${where}\n`;
    if (!r.ok) {
      if (r.error === 'refused') return err(`can't connect to remote host (${r.ip}): Connection refused`);
      if (r.error === 'timeout') return err(timeout !== undefined ? 'download timed out' : `can't connect to remote host (${r.ip}): Connection timed out`);
      return err('error getting response: Connection reset by peer');
    }
    const res = r.response;
    if (serverResponse) stderr += responseHead(res).replace(/\r\n$/, '').split('\r\n').filter(Boolean).map((l) => `  ${l}\n`).join('');
    const location = res.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (res.status >= 300 && res.status < 400 && location) {
      const next = parseUrl(location);
      if (next) {
        url = next;
        continue;
      }
    }
    if (res.status >= 400) return err(`server returned error: HTTP/1.1 ${res.status} ${res.reason}`);
    const size = Buffer.byteLength(res.body);
    if (output === '-') {
      if (!quiet) stderr += `writing to stdout\n${progress('-', size)}written to stdout\n`;
      return { stdout: res.body, stderr, exitCode: 0 };
    }
    const file = output ?? (url.path.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
    if (!quiet) stderr += `saving to '${file}'\n${progress(file, size)}'${file}' saved\n`;
    return { stdout: '', stderr, exitCode: 0 };
  }
  return err('too many redirections');
}
