/**
 * The image catalog: what each image does when a container runs it, since nothing really runs.
 * Built-in entries cover common public images; a scenario adds its own, or extends a built-in one
 * (see add). An entry without a tag matches every tag of its repository; one with `tags` says
 * which tags the registry has, and a reference to any other tag of that repository does not exist
 * (the pull fails: `not found`).
 *
 *   { image: 'nginx', tags: ['1.16', '1.16.1', ...] }   nginx:1.16.1 exists, nginx:1.161 does not
 *   { image: 'docker.io/hiondal/member' }              every tag of hiondal/member exists
 */
export type RunBehaviour = 'forever' | { seconds: number; exitCode?: number; failRate?: number };

export interface ImageEntry {
  image: string;
  /** The tags the repository has; without it, every tag exists. A digest reference always resolves. */
  tags?: string[];
  private?: boolean;
  credentials?: { server: string; username: string; password: string };
  pullSeconds?: number;
  run?: RunBehaviour;
  readyAfterSeconds?: number;
  logs?: string[];
  /** Executables on the image's PATH that `kubectl exec` can run (nslookup, curl, sh...). */
  commands?: string[];
  sizeBytes?: number;
  /**
   * Ports the server listens on (for `curl` and probes that need a listener). The catalog is the
   * one place that says what an image listens on: the network (routing.ts listeningPorts) and the
   * probes both read it from here.
   */
  ports?: number[];
  /**
   * An environment variable that moves the server to another port: when the container sets it to
   * a number, the server listens there instead of on `ports`. amsy810/echo-nginx renders its nginx
   * config with `listen ${NGINX_PORT}` (80 when unset), which is how the named-port example of
   * TUTORIALS §8 runs one pod on 80 and another on 8080:
   *
   *   { image: 'amsy810/echo-nginx', ports: [80], portEnv: 'NGINX_PORT' }
   *   env NGINX_PORT=8080   → listens on 8080;   no NGINX_PORT (or not a number) → 80
   */
  portEnv?: string;
  /** Seconds the process takes to exit after SIGTERM; without it, it exits at once. */
  stopSeconds?: number;
  /** The process ignores SIGTERM (a shell or `sleep` as PID 1) and is killed after the grace period. */
  ignoresSigterm?: boolean;
  /** An HTTP server answering with the pod's name (as echo-nginx does). */
  echoResponse?: boolean;
  /** The entrypoint refuses to start without one of these variables, printing these lines and exiting 1. */
  requiredEnv?: { anyOf: string[]; logs: string[] };
}

export interface ImageRef {
  /** `docker.io/library/nginx` */
  repository: string;
  tag: string;
  /** The registry host: `docker.io`. */
  registry: string;
  /** `docker.io/library/nginx:1.25` */
  full: string;
}

/** Normalises `nginx`, `nginx:1.25`, `hiondal/member`, `registry.k8s.io/pause:3.9` as containerd does. */
export function parseImage(image: string): ImageRef {
  let rest = image.trim();
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let path = hasRegistry ? rest.slice(slash + 1) : rest;
  const colon = path.lastIndexOf(':');
  let tag = 'latest';
  if (colon >= 0) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  const repository = `${registry}/${path}`;
  return { repository, tag, registry, full: `${repository}:${tag}${digest}` };
}

export class ImageCatalog {
  private entries: { ref: ImageRef; tagged: boolean; entry: ImageEntry }[] = [];
  private tagSets = new WeakMap<ImageEntry, Set<string>>();

  constructor(extra: ImageEntry[], builtin: ImageEntry[] = []) {
    for (const e of builtin) this.add(e);
    for (const e of extra) this.add(e);
  }

  /**
   * Adds an entry in front of the others. An entry for an image the catalog already describes
   * (a scenario's `nginx` over the built-in one) extends it: what it says wins, what it does not
   * say (tags, logs, ports, commands...) is kept. A tagged entry (`nginx:1.25`) extends what that
   * tag resolved to, and the tag exists whatever the repository's tag list says.
   *
   *   built-in { image: 'nginx', tags: [...], ports: [80], logs: [...] }
   *   + scenario { image: 'nginx', run: { seconds: 5 } }
   *   = { image: 'nginx', tags: [...], ports: [80], logs: [...], run: { seconds: 5 } }
   */
  add(entry: ImageEntry): void {
    const ref = parseImage(entry.image);
    const tagged = /:[^/]+$/.test(entry.image.replace(/@.*$/, ''));
    const base = tagged
      ? (this.entries.find((e) => e.tagged && e.ref.repository === ref.repository && e.ref.tag === ref.tag) ??
        this.entries.find((e) => !e.tagged && e.ref.repository === ref.repository))
      : this.entries.find((e) => !e.tagged && e.ref.repository === ref.repository);
    this.entries.unshift({ ref, tagged, entry: base ? extend(base.entry, entry, tagged && !base.tagged) : entry });
  }

  /** The entry for an image: scenario entries first, a tagged entry before an untagged one. */
  lookup(image: string): ImageEntry | undefined {
    const ref = parseImage(image);
    const exact = this.entries.find((e) => e.tagged && e.ref.repository === ref.repository && e.ref.tag === ref.tag);
    if (exact) return exact.entry;
    return this.entries.find((e) => !e.tagged && e.ref.repository === ref.repository)?.entry;
  }

  /**
   * Whether the registry has `image`: 'repository' when no entry names its repository, 'tag' when
   * the entry lists its tags and this one is not among them, undefined when it exists.
   */
  missing(image: string): 'repository' | 'tag' | undefined {
    const entry = this.lookup(image);
    if (!entry) return 'repository';
    if (!entry.tags || image.includes('@')) return undefined;
    let tags = this.tagSets.get(entry);
    if (!tags) this.tagSets.set(entry, (tags = new Set(entry.tags)));
    return tags.has(parseImage(image).tag) ? undefined : 'tag';
  }
}

/** `over` on top of `base`; fields `over` leaves undefined keep the base's. */
function extend(base: ImageEntry, over: ImageEntry, dropTags: boolean): ImageEntry {
  const merged: ImageEntry = { ...base };
  if (dropTags) delete merged.tags;
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}
