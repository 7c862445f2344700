/**
 * A node's image store and puller. Pulls are serialized per node (serializeImagePulls, the
 * default): a pull waits for the one before it, and the `Pulled` event reports both the pull time
 * and the time including waiting. Two containers wanting the same image share one pull.
 *
 * A pull fails for an image the catalog does not know (the registry has no such repository) and
 * for a private image without matching credentials, both with containerd's message for the
 * registry's 401; and for a tag the repository does not have (the registry's 404), with the
 * NotFound status containerd gives it, which the kubelet passes on with its gRPC code (only
 * Unknown codes are stripped, in cri-client's PullImage). Failures back off per pod and image,
 * 10 s doubling to 5 minutes.
 */
import { createHash } from 'node:crypto';
import { goDuration } from '../api/duration.ts';
import { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, CACHED_PULL_MS, DEFAULT_PULL_MS, FAILED_PULL_MS, PULL_BYTES_PER_MS } from './constants.ts';
import { parseImage, type ImageCatalog, type ImageEntry } from './images.ts';

export interface Credentials {
  server: string;
  username: string;
  password: string;
}

export interface PullOutcome {
  /** When the pull finishes (virtual ms). */
  doneAt: number;
  ok: boolean;
  /** The `Pulled` event message, or the error of the `Failed` event. */
  message: string;
}

interface Backoff {
  delayMs: number;
  until: number;
}

/** The registry refuses (401): no such repository, or a private one without credentials. */
export function pullErrorMessage(image: string): string {
  const ref = parseImage(image).full;
  return `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

/** The repository has no such tag (404). */
export function tagNotFoundMessage(image: string): string {
  const ref = parseImage(image).full;
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
}

export function defaultPullMs(entry: ImageEntry | undefined): number {
  if (entry?.pullSeconds !== undefined) return entry.pullSeconds * 1000;
  if (entry?.sizeBytes) return Math.max(500, Math.round(entry.sizeBytes / PULL_BYTES_PER_MS));
  return DEFAULT_PULL_MS;
}

export class ImagePuller {
  /** Images present on the node, by full reference. */
  readonly present = new Set<string>();
  private busyUntil = 0;
  private inflight = new Map<string, PullOutcome>();
  private backoffs = new Map<string, Backoff>();

  /** Called when an image becomes present on the node. */
  onPresent?: () => void;

  constructor(private catalog: ImageCatalog) {}

  /** Images on the node with their sizes, largest first (as the kubelet reports them, at most 50). */
  report(): { names: string[]; sizeBytes: number }[] {
    return [...this.present]
      .map((full) => {
        const ref = parseImage(full);
        const digest = createHash('sha256').update(ref.full).digest('hex');
        return { names: [`${ref.repository}@sha256:${digest}`, ref.full], sizeBytes: this.catalog.lookup(full)?.sizeBytes ?? 0 };
      })
      .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.names[1] < b.names[1] ? -1 : 1))
      .slice(0, 50);
  }

  has(image: string): boolean {
    return this.present.has(parseImage(image).full);
  }

  /**
   * Starts (or joins) a pull of `image` at `now` with the given credentials. The caller shows
   * `Pulling` now and acts on the outcome at `doneAt` by calling finish().
   */
  pull(image: string, creds: Credentials[], now: number): PullOutcome {
    const ref = parseImage(image);
    const entry = this.catalog.lookup(image);
    const authorized = entry !== undefined && (!entry.private || creds.some((c) => matchesCredentials(entry, c)));
    // Resolving the reference needs access first: a private repository without credentials is a 401 whatever the tag.
    const error = !authorized ? pullErrorMessage(image) : this.catalog.missing(image) ? tagNotFoundMessage(image) : undefined;
    const allowed = error === undefined;
    const key = `${ref.full}\u0000${allowed}`;
    const joined = this.inflight.get(key);
    if (joined && joined.doneAt >= now) return joined;
    const start = Math.max(now, this.busyUntil);
    const cached = this.present.has(ref.full);
    const duration = !allowed ? FAILED_PULL_MS : cached ? CACHED_PULL_MS : defaultPullMs(entry);
    const doneAt = start + duration;
    this.busyUntil = doneAt;
    const size = entry?.sizeBytes ?? 0;
    const outcome: PullOutcome = allowed
      ? { doneAt, ok: true, message: `Successfully pulled image "${image}" in ${goDuration(duration)} (${goDuration(doneAt - now)} including waiting). Image size: ${size} bytes.` }
      : { doneAt, ok: false, message: error };
    this.inflight.set(key, outcome);
    return outcome;
  }

  /** Records a finished pull: the image is now present (or the failure backs off). */
  finish(image: string, outcome: PullOutcome, backoffKey: string): void {
    if (outcome.ok) {
      const full = parseImage(image).full;
      const fresh = !this.present.has(full);
      this.present.add(full);
      this.backoffs.delete(backoffKey);
      if (fresh) this.onPresent?.();
      return;
    }
    const prev = this.backoffs.get(backoffKey);
    const delayMs = prev ? Math.min(prev.delayMs * 2, BACKOFF_MAX_MS) : BACKOFF_INITIAL_MS;
    this.backoffs.set(backoffKey, { delayMs, until: outcome.doneAt + delayMs });
  }

  /** When a failed pull for this pod may be retried, if it is still backing off. */
  backoffUntil(backoffKey: string, now: number): number | undefined {
    const b = this.backoffs.get(backoffKey);
    return b && b.until > now ? b.until : undefined;
  }

  forget(prefix: string): void {
    for (const k of this.backoffs.keys()) if (k.startsWith(prefix)) this.backoffs.delete(k);
  }
}

function matchesCredentials(entry: ImageEntry, c: Credentials): boolean {
  const want = entry.credentials;
  if (!want) return true;
  const norm = (s: string) => s.replace(/^https?:\/\//, '').replace(/\/v1\/?$/, '').replace(/^index\.docker\.io$/, 'docker.io').replace(/^registry-1\.docker\.io$/, 'docker.io');
  return norm(want.server) === norm(c.server) && want.username === c.username && want.password === c.password;
}
