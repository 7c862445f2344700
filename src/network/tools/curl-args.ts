/**
 * curl's command line: short flags cluster (`-sSL`, `-so /dev/null`), a value follows its flag in
 * the same word or the next one, long options take `--opt value` or `--opt=value`. Options curl
 * has but the simulation does not need are accepted and ignored.
 */
export interface CurlOptions {
  url?: string;
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  follow: boolean;
  insecure: boolean;
  fail: boolean;
  output?: string;
  writeOut?: string;
  maxTime?: number;
  connectTimeout?: number;
  hostHeader?: string;
  userAgent?: string;
}

/** Short options that take a value. */
const SHORT_VALUE = new Set(['o', 'w', 'm', 'H', 'X', 'A', 'd', 'u', 'e', 'x', 'T', 'K', 'b', 'c', 'r', 'E', 'F', 'C', 'U', 'Y', 'y', 'z', 'D']);
const LONG_VALUE = new Set([
  'output', 'write-out', 'max-time', 'connect-timeout', 'header', 'request', 'user-agent', 'data', 'user', 'referer', 'proxy',
  'upload-file', 'config', 'cookie', 'cookie-jar', 'range', 'cert', 'form', 'continue-at', 'proxy-user', 'speed-limit', 'speed-time',
  'time-cond', 'dump-header', 'url', 'resolve', 'retry', 'cacert', 'data-raw', 'data-binary',
]);

export function parseCurlArgs(args: string[]): CurlOptions {
  const o: CurlOptions = { silent: false, showError: false, include: false, head: false, follow: false, insecure: false, fail: false };
  const set = (name: string, value?: string) => {
    switch (name) {
      case 's': case 'silent': o.silent = true; break;
      case 'S': case 'show-error': o.showError = true; break;
      case 'i': case 'include': o.include = true; break;
      case 'I': case 'head': o.head = true; break;
      case 'L': case 'location': o.follow = true; break;
      case 'k': case 'insecure': o.insecure = true; break;
      case 'f': case 'fail': o.fail = true; break;
      case 'o': case 'output': o.output = value; break;
      case 'w': case 'write-out': o.writeOut = value; break;
      case 'm': case 'max-time': o.maxTime = Number(value); break;
      case 'connect-timeout': o.connectTimeout = Number(value); break;
      case 'A': case 'user-agent': o.userAgent = value; break;
      case 'url': o.url ??= value; break;
      case 'H': case 'header': {
        const m = /^\s*host\s*:\s*(.*)$/i.exec(value ?? '');
        if (m) o.hostHeader = m[1].trim();
        break;
      }
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (LONG_VALUE.has(name)) set(name, eq > 0 ? a.slice(eq + 1) : args[++i]);
      else set(name);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (SHORT_VALUE.has(c)) {
          set(c, j + 1 < a.length ? a.slice(j + 1) : args[++i]);
          break;
        }
        set(c);
      }
    } else o.url ??= a;
  }
  return o;
}
