/**
 * What a network command run by `kubectl exec` needs to know: the pod it runs in, the cluster's
 * store, the virtual time, and optionally the seeded random source (kube-proxy's backend choice,
 * ping times), the image catalog, a callback for served requests, and whether a TTY is attached.
 * Also the small pieces the tools share: the client's image flavour and URL parsing.
 */
import type { ObjectStore } from '../../api/store.ts';
import type { Pod } from '../../api/types/index.ts';
import { BUILTIN_IMAGES } from '../../kubelet/catalog-builtin.ts';
import { ImageCatalog, parseImage } from '../../kubelet/images.ts';
import type { ServedRequest } from '../access-log.ts';
import type { NetContext } from '../routing.ts';

export interface NetCommandContext {
  pod: Pod;
  store: ObjectStore;
  now: number;
  random?: { int(n: number): number; next(): number };
  catalog?: ImageCatalog;
  /** Called for every request a server answers (its log line, for `kubectl logs`). */
  onRequest?: (r: ServedRequest) => void;
  /** `kubectl exec -t`: curl draws no progress meter on a terminal. */
  tty?: boolean;
  /** The container the command runs in (default: the first). */
  container?: string;
}

export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

let builtin: ImageCatalog | undefined;

export function netContext(ctx: NetCommandContext): NetContext & { onRequest?: NetCommandContext['onRequest'] } {
  builtin ??= new ImageCatalog([], BUILTIN_IMAGES);
  return { store: ctx.store, catalog: ctx.catalog ?? builtin, random: ctx.random, onRequest: ctx.onRequest };
}

/** The image of the container the command runs in. */
export function clientImage(ctx: NetCommandContext): string {
  const c = ctx.pod.spec.containers.find((x) => x.name === ctx.container) ?? ctx.pod.spec.containers[0];
  return c?.image ?? '';
}

/** curlimages/curl ships curl 8 (on Alpine); the Debian-based images ship Debian 12's curl 7.88.1. */
export function curlVersion(image: string): '8.11.1' | '7.88.1' {
  return parseImage(image).repository === 'docker.io/curlimages/curl' ? '8.11.1' : '7.88.1';
}

export interface Url {
  scheme: 'http' | 'https';
  host: string;
  /** The port as given, or the scheme's default. */
  port: number;
  explicitPort: boolean;
  path: string;
}

/** Parses `http://web:8080/x`, `web:8080`, `https://10.96.0.1/` (a missing scheme is http). */
export function parseUrl(text: string): Url | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]+)(?::(\d+))?([/?#][^\s]*)?$/.exec(text);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const explicitPort = m[3] !== undefined;
  const port = explicitPort ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] ?? '/';
  if (path.startsWith('?')) path = `/${path}`;
  path = path.replace(/#.*$/, '') || '/';
  return { scheme, host: m[2], port, explicitPort, path };
}

/** The Host header a client sends: the host, with the port when it is not the default. */
export function hostHeader(url: Url): string {
  return url.explicitPort && url.port !== (url.scheme === 'https' ? 443 : 80) ? `${url.host}:${url.port}` : url.host;
}
