/**
 * Log lines a server writes when it answers a request, and a book that keeps them per container
 * so that `kubectl logs` can show them after the image's start-up lines.
 *
 *   nginx (log_format main):  10.244.1.5 - - [06/Jan/2025:09:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.11.1" "-"
 *   Go's log package:         2025/01/06 09:00:00 received request
 */

export interface ServedRequest {
  pod: { namespace: string; name: string; uid: string };
  container: string;
  /** Virtual time of the request (ms since the epoch). */
  at: number;
  line: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** nginx's $time_local in UTC: `06/Jan/2025:09:00:00 +0000`. */
export function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export function nginxAccessLine(req: { clientIp: string; now: number; method: string; path: string; userAgent: string }, status: number, bytes: number): string {
  return `${req.clientIp} - - [${nginxTime(req.now)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes} "-" "${req.userAgent}" "-"`;
}

/** A line from Go's standard logger (LstdFlags): `2025/01/06 09:00:00 message`. */
export function goLogLine(ms: number, message: string): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${message}`;
}

/** Served-request lines by pod uid and container, in the order they were written. */
export class AccessLogBook {
  private lines = new Map<string, { at: number; line: string }[]>();

  /** Usable directly as the `onRequest` callback of a network command. */
  readonly record = (r: ServedRequest): void => {
    const key = `${r.pod.uid}/${r.container}`;
    const list = this.lines.get(key) ?? [];
    list.push({ at: r.at, line: r.line });
    this.lines.set(key, list);
  };

  /** Lines of a container written in [from, to) (a container instance's lifetime), oldest first. */
  linesFor(podUid: string, container: string, from = -Infinity, to = Infinity): string[] {
    return (this.lines.get(`${podUid}/${container}`) ?? []).filter((l) => l.at >= from && l.at < to).map((l) => l.line);
  }

  /** Forgets a pod (when it is deleted). */
  forget(podUid: string): void {
    for (const key of [...this.lines.keys()]) if (key.startsWith(`${podUid}/`)) this.lines.delete(key);
  }
}
