/**
 * Starting one container (kuberuntime startContainer): make sure the image is there according to
 * imagePullPolicy (pull, with the node's serialized puller and per-image back-off), then create
 * and start it with the behaviour it will have, recording the kubelet's events:
 * Pulling / Pulled / Failed / BackOff / Created / Started.
 */
import type { Container, Pod, Secret } from '../api/types/index.ts';
import type { ObjectStore } from '../api/store.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { SeededRandom } from '../sim/random.ts';
import { behaviourFor } from './behaviour.ts';
import { ProbeRunner } from './probes.ts';
import { envConfigError } from './env-check.ts';
import { parseBytes } from '../api/quantity.ts';
import { stampLogLine } from './log-time.ts';

/** The kubelet retries a container whose configuration does not resolve about every 10 s. */
const CONFIG_RETRY_MS = 10_000;
/** A container over its memory limit is killed this soon after it starts. */
const OOM_AFTER_MS = 1_000;
import { BACKOFF_RESYNC_MS, PLEG_MS } from './constants.ts';
import type { ContainerRun } from './container-run.ts';
import type { Credentials, ImagePuller } from './image-puller.ts';
import type { ImageCatalog } from './images.ts';

export interface StartContext {
  pod: Pod;
  now: number;
  node: string;
  store: ObjectStore;
  events: EventRecorder;
  catalog: ImageCatalog;
  puller: ImagePuller;
  failures: SeededRandom;
  /** When the pod's sandbox was created (a PLEG event: the pod syncs again at the next relist). */
  sandboxCreatedAt?: number;
  /** Ask to be synced again at this time. */
  wake(at: number): void;
}

export function fieldPath(run: ContainerRun): string {
  return run.kind === 'regular' ? `spec.containers{${run.name}}` : `spec.initContainers{${run.name}}`;
}

function emit(ctx: StartContext, run: ContainerRun, type: 'Normal' | 'Warning', reason: string, message: string): void {
  ctx.events.event(ctx.pod, type, reason, message, { component: 'kubelet', host: ctx.node }, fieldPath(run));
}

/** The image pull credentials of a pod: its imagePullSecrets of type dockerconfigjson or dockercfg. */
export function pullCredentials(pod: Pod, store: ObjectStore): Credentials[] {
  const out: Credentials[] = [];
  for (const ref of pod.spec.imagePullSecrets ?? []) {
    const secret = store.get<Secret>('Secret', pod.metadata.namespace ?? 'default', ref.name);
    const raw = secret?.data?.['.dockerconfigjson'] ?? secret?.data?.['.dockercfg'];
    if (!raw) continue;
    try {
      const parsed = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as Record<string, unknown>;
      const auths = (parsed.auths ?? parsed) as Record<string, { username?: string; password?: string; auth?: string }>;
      for (const [server, a] of Object.entries(auths)) {
        let { username, password } = a;
        if ((!username || !password) && a.auth) [username, password] = Buffer.from(a.auth, 'base64').toString('utf8').split(':');
        if (username !== undefined && password !== undefined) out.push({ server, username, password });
      }
    } catch {
      // A malformed pull secret gives no credentials, as the kubelet ignores it.
    }
  }
  return out;
}

function pullPolicy(c: Container): 'Always' | 'IfNotPresent' | 'Never' {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const image = c.image ?? '';
  const tagged = /:[^/]+$/.test(image.replace(/@.*$/, '')) && !image.endsWith(':latest');
  return tagged || image.includes('@') ? 'IfNotPresent' : 'Always';
}

/**
 * Ensures the image of `run` is present. Returns true when the container may be created now;
 * otherwise the run shows why it waits and a wake-up is scheduled.
 *
 * The pace of a pull that keeps failing follows the pod worker (pod_workers.go completeWork): a
 * sync that fails (ErrImagePull, or ImagePullBackOff, see BACKOFF_RESYNC_MS) is requeued 10 s
 * later, and nothing else syncs the pod since no container changes. The one exception is the
 * first failure: the sandbox created by that same sync is a PLEG event, so the pod syncs again at
 * the next relist (PLEG_MS), finds the image in back-off and shows ImagePullBackOff at once. The
 * image back-off (image_manager.go: 10 s doubling to 300 s, counted from each failure) only lets
 * a sync pull again once it has passed. For nginx:1.161 created at 0 (sandbox at 1 s, each
 * failing pull takes 1 s):
 *
 *   pull 1 at 1 s, fails 2 s (back-off 10 s) ErrImagePull;  3 s ImagePullBackOff (PLEG sync)
 *   13 s: 11 s since the failure, pull 2, fails 14 s (20 s) ErrImagePull;  24 s ImagePullBackOff
 *   34 s: pull 3, fails 35 s (40 s) ErrImagePull; 45, 55, 65 s ImagePullBackOff
 *   75 s: pull 4, fails 76 s (80 s) ErrImagePull; 86 ... 146 s ImagePullBackOff
 *   156 s: pull 5, fails 157 s (160 s); 317 s: pull 6, fails 318 s (300 s from then on)
 */
export function ensureImage(ctx: StartContext, run: ContainerRun): boolean {
  if (run.imageReady) return true;
  const image = run.spec.image ?? '';
  const policy = pullPolicy(run.spec);
  const backoffKey = `${ctx.pod.metadata.uid}/${image}`;
  // A failed sync is retried backOffPeriod later; the syncs in between are not the pod worker's.
  if (run.imageSyncAt !== undefined && ctx.now < run.imageSyncAt && !run.pulling) {
    ctx.wake(run.imageSyncAt);
    return false;
  }
  run.imageSyncAt = undefined;
  if (policy === 'Never') {
    if (ctx.puller.has(image)) return (run.imageReady = true);
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    setWaiting(run, 'ErrImageNeverPull', msg);
    emit(ctx, run, 'Warning', 'ErrImageNeverPull', msg);
    failedSync(ctx, run, ctx.now + BACKOFF_RESYNC_MS);
    return false;
  }
  if (policy === 'IfNotPresent' && ctx.puller.has(image) && !run.pulling) {
    emit(ctx, run, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
    return (run.imageReady = true);
  }
  if (run.pulling) {
    if (ctx.now < run.pulling.doneAt) return false;
    const outcome = run.pulling;
    const freshSandbox = run.pullStartedAt !== undefined && run.pullStartedAt === ctx.sandboxCreatedAt;
    run.pulling = undefined;
    run.pullStartedAt = undefined;
    ctx.puller.finish(image, outcome, backoffKey);
    if (outcome.ok) {
      emit(ctx, run, 'Normal', 'Pulled', outcome.message);
      return (run.imageReady = true);
    }
    emit(ctx, run, 'Warning', 'Failed', `Failed to pull image "${image}": ${outcome.message}`);
    emit(ctx, run, 'Warning', 'Failed', 'Error: ErrImagePull');
    setWaiting(run, 'ErrImagePull', outcome.message);
    failedSync(ctx, run, ctx.now + (freshSandbox ? PLEG_MS : BACKOFF_RESYNC_MS));
    return false;
  }
  if (ctx.puller.backoffUntil(backoffKey, ctx.now) !== undefined) {
    // Each sync in back-off records both events again (image_manager's BackOff, then
    // startContainer's Failed).
    emit(ctx, run, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
    emit(ctx, run, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    setWaiting(run, 'ImagePullBackOff', `Back-off pulling image "${image}"`);
    failedSync(ctx, run, ctx.now + BACKOFF_RESYNC_MS);
    return false;
  }
  emit(ctx, run, 'Normal', 'Pulling', `Pulling image "${image}"`);
  run.pulling = ctx.puller.pull(image, pullCredentials(ctx.pod, ctx.store), ctx.now);
  run.pullStartedAt = ctx.now;
  ctx.wake(run.pulling.doneAt);
  return false;
}

/** The sync failed for this container: the pod worker syncs the pod again at `at`. */
function failedSync(ctx: StartContext, run: ContainerRun, at: number): void {
  run.imageSyncAt = at;
  ctx.wake(at);
}

function setWaiting(run: ContainerRun, reason: string, message?: string): void {
  run.waiting = { reason, message };
  if (run.current) run.blocked = true;
}

/**
 * The container's configuration (env from ConfigMaps and Secrets) resolves; otherwise it waits in
 * CreateContainerConfigError, retried about every 10 s.
 */
export function configReady(ctx: StartContext, run: ContainerRun): boolean {
  const error = envConfigError(ctx.pod, run.spec, ctx.store);
  if (!error) return true;
  emit(ctx, run, 'Warning', 'Failed', `Error: ${error}`);
  setWaiting(run, 'CreateContainerConfigError', error);
  run.imageReady = false;
  ctx.wake(ctx.now + CONFIG_RETRY_MS);
  return false;
}

/** Creates and starts the container (its image is present). */
export function startContainer(ctx: StartContext, run: ContainerRun): void {
  const entry = ctx.catalog.lookup(run.spec.image ?? '');
  const behaviour = behaviourFor(ctx.pod, run.spec, entry, ctx.now);
  let exitCode = behaviour.exitCode;
  if (behaviour.failRate !== undefined && behaviour.failRate > 0) exitCode = ctx.failures.next() < behaviour.failRate ? 1 : 0;
  const limit = run.spec.resources?.limits?.memory;
  if (behaviour.memoryBytes !== undefined && limit !== undefined && behaviour.memoryBytes > parseBytes(limit)) {
    // It allocates past its limit within a moment and the kernel kills it.
    behaviour.runMs = Math.min(behaviour.runMs ?? Infinity, OOM_AFTER_MS);
    behaviour.oomKilled = true;
    exitCode = 137;
  }
  const required = entry?.requiredEnv;
  if (required && !required.anyOf.some((name) => (run.spec.env ?? []).some((e) => e.name === name))) {
    behaviour.runMs = 1000;
    behaviour.logs = required.logs.map((line) => stampLogLine(line, ctx.now));
    exitCode = 1;
  }
  const inst = run.start(ctx.now, behaviour, exitCode, ctx.pod.metadata.uid ?? '', behaviour.readyAfterMs ?? 0);
  run.startup = run.spec.startupProbe ? new ProbeRunner('startup', run.spec.startupProbe, ctx.now) : undefined;
  run.liveness = run.spec.livenessProbe ? new ProbeRunner('liveness', run.spec.livenessProbe, ctx.now) : undefined;
  run.readiness = run.spec.readinessProbe ? new ProbeRunner('readiness', run.spec.readinessProbe, ctx.now) : undefined;
  run.waiting = { reason: 'ContainerCreating' };
  emit(ctx, run, 'Normal', 'Created', `Created container: ${run.name}`);
  emit(ctx, run, 'Normal', 'Started', `Started container ${run.name}`);
  if (inst.readyAt !== undefined && inst.readyAt > ctx.now) ctx.wake(inst.readyAt);
  if (inst.exitAt !== undefined) ctx.wake(inst.exitAt);
}
