/**
 * One pod on one node (the kubelet's pod worker and SyncPod): creates the sandbox, runs the init
 * containers one after another, starts the app containers, notices exits, restarts according to
 * restartPolicy with the crash back-off, and on deletion stops the containers within the grace
 * period and confirms the deletion. Everything it knows is runtime state; sync() moves that state
 * to the current instant and writes the resulting pod status.
 */
import { deepEqual } from '../api/object-util.ts';
import type { ObjectStore } from '../api/store.ts';
import type { ContainerStatus, Pod } from '../api/types/index.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { Clock, TimerId } from '../sim/clock.ts';
import type { SeededRandom } from '../sim/random.ts';
import { BACKOFF_RESYNC_MS, MIN_STOP_MS, PLEG_MS, SANDBOX_MS } from './constants.ts';
import { ContainerRun } from './container-run.ts';
import { configReady, ensureImage, fieldPath, startContainer, type StartContext } from './container-starter.ts';
import { unmountable } from './volumes.ts';
import type { ImagePuller } from './image-puller.ts';
import type { ImageCatalog } from './images.ts';
import { buildPodStatus, runtimeContainerStatus, type WorkerView } from './pod-status.ts';
import { runPodProbes } from './pod-probes.ts';
import { advanceWaitLoop } from './wait-loop.ts';
import { FAILED_PULL_SECRET_REASON, missingPullSecrets, missingPullSecretsMessage, SYNC_FREQUENCY_MS } from './pull-secrets.ts';

export interface WorkerDeps {
  clock: Clock;
  api: ApiServer;
  store: ObjectStore;
  events: EventRecorder;
  catalog: ImageCatalog;
  failures: SeededRandom;
  node: string;
  hostIP: string;
  puller: ImagePuller;
  allocateIp(key: string): string;
  releaseIp(key: string): void;
  enqueue(key: string): void;
  /** Runs a command inside a container (the `until` checks of scripts). */
  runCheck?(pod: Pod, container: string, argv: string[]): { stdout: string; stderr: string; exitCode: number };
  /** The API pod whose status this worker reports (the pod itself, or a static pod's mirror). */
  statusTarget(): Pod | undefined;
  /** All containers stopped after deletion: confirm it (delete the API pod with grace 0). */
  onTerminated(): void;
}

export class PodWorker {
  readonly key: string;
  readonly uid: string;
  private pod: Pod;
  private startTime: number;
  private sandboxAt?: number;
  private sandboxReady = false;
  /** When the sandbox came up (the sync that created it). */
  private sandboxCreatedAt?: number;
  private podIP?: string;
  readonly inits: ContainerRun[];
  readonly containers: ContainerRun[];
  private timers = new Map<number, TimerId>();
  private killing = false;
  private mountBackoff?: { delay: number; next: number };
  /** The kubelet failed the pod itself (activeDeadlineSeconds). */
  private forced?: { phase: 'Failed'; reason: string; message: string };
  /** When the sandbox is torn down at the earliest (termination takes at least MIN_STOP_MS). */
  private sandboxGoneAt = 0;
  /** No container will run again (terminal phase reached, or stopped for deletion). */
  private finished = false;
  /** When the last FailedToRetrieveImagePullSecret warning was recorded. */
  private pullSecretWarnedAt?: number;

  constructor(
    key: string,
    pod: Pod,
    private deps: WorkerDeps,
  ) {
    this.key = key;
    this.uid = pod.metadata.uid ?? '';
    this.pod = pod;
    this.startTime = deps.clock.now();
    const hasInit = (pod.spec.initContainers ?? []).some((c) => c.restartPolicy !== 'Always');
    this.inits = (pod.spec.initContainers ?? []).map((c) => new ContainerRun(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', 'PodInitializing'));
    this.containers = pod.spec.containers.map((c) => new ContainerRun(c, 'regular', hasInit ? 'PodInitializing' : 'ContainerCreating'));
  }

  /** Every container run: init containers first, then the app containers. */
  allRuns(): ContainerRun[] {
    return [...this.inits, ...this.containers];
  }

  run(name: string): ContainerRun | undefined {
    return this.allRuns().find((r) => r.name === name);
  }

  sync(pod: Pod): void {
    this.pod = pod;
    // Containers may have changed image (a pod update): the next start uses the new spec.
    for (const r of this.allRuns()) r.spec = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((c) => c.name === r.name) ?? r.spec;
    const now = this.deps.clock.now();
    this.advanceProcesses(now);
    if (pod.metadata.deletionTimestamp) this.terminate(now);
    else if (!this.finished) {
      this.warnMissingPullSecrets(now);
      this.progress(now);
      // Containers started just now run their first loop round and probes at once.
      for (const r of this.allRuns()) if (r.current) this.waitLoop(r, now);
      this.runProbes(now);
    }
    this.writeStatus(now);
    if (this.killing && this.allRuns().every((r) => !r.running)) {
      if (now >= this.sandboxGoneAt) this.confirmDeletion();
      else this.wake(this.sandboxGoneAt);
    }
  }

  /** Processes that exited by `now`, and exits the kubelet has had time to notice. */
  private advanceProcesses(now: number): void {
    for (const r of this.allRuns()) {
      const cur = r.current;
      if (!cur) continue;
      this.waitLoop(r, now);
      if (cur.finishedAt === undefined && r.stopAt !== undefined && r.stopAt <= now) {
        r.exit(r.stopAt, cur.behaviour.ignoresSigterm ? 137 : 0);
        cur.noticed = true;
      }
      if (cur.finishedAt === undefined && cur.exitAt !== undefined && cur.exitAt <= now) r.exit(cur.exitAt, cur.exitCode);
      if (cur.finishedAt !== undefined && !cur.noticed) {
        if (cur.finishedAt + PLEG_MS <= now) cur.noticed = true;
        else this.wake(cur.finishedAt + PLEG_MS);
      }
    }
  }

  /** The rounds of a script's `until` loop due by `now` (wait-loop.ts). */
  private waitLoop(r: ContainerRun, now: number): void {
    const runCheck = this.deps.runCheck;
    if (runCheck) advanceWaitLoop(r, now, (argv) => runCheck(this.pod, r.name, argv), (at) => this.wake(at));
  }

  /** Runs the probes due by `now` (pod-probes.ts). */
  private runProbes(now: number): void {
    runPodProbes({ pod: this.pod, podIP: this.podIP ?? '', events: this.deps.events, catalog: this.deps.catalog, node: this.deps.node, wake: (at) => this.wake(at) }, this.allRuns(), now);
  }

  private ctx(now: number): StartContext {
    return {
      pod: this.pod,
      now,
      node: this.deps.node,
      store: this.deps.store,
      events: this.deps.events,
      catalog: this.deps.catalog,
      puller: this.deps.puller,
      failures: this.deps.failures,
      sandboxCreatedAt: this.sandboxCreatedAt,
      wake: (at) => this.wake(at),
    };
  }

  private progress(now: number): void {
    if (this.deadlineExceeded(now)) return;
    if (!this.sandboxReady && !this.volumesMounted(now)) return;
    if (!this.sandboxReady) {
      if (this.sandboxAt === undefined) this.sandboxAt = now + SANDBOX_MS;
      if (now < this.sandboxAt) return this.wake(this.sandboxAt);
      this.sandboxReady = true;
      this.sandboxCreatedAt = now;
      // A hostNetwork pod shares the node's network namespace, and so its address.
      this.podIP = this.pod.spec.hostNetwork ? this.deps.hostIP : this.deps.allocateIp(this.key);
    }
    if (!this.runInits(now)) return;
    for (const r of this.containers) this.drive(r, now);
    const policy = this.pod.spec.restartPolicy ?? 'Always';
    if (this.containers.every((r) => r.terminated && !this.shouldRestart(r, policy))) this.finish();
  }

  /**
   * The volume manager mounts the pod's volumes before its sandbox starts; a missing ConfigMap or
   * Secret holds it in ContainerCreating with FailedMount events, retried with back-off (0.5 s
   * doubling to 2m2s).
   */
  private volumesMounted(now: number): boolean {
    const missing = unmountable(this.pod, this.deps.store);
    if (!missing) {
      this.mountBackoff = undefined;
      return true;
    }
    const b = this.mountBackoff;
    if (!b || now >= b.next) {
      this.deps.events.event(this.pod, 'Warning', 'FailedMount', missing.message, { component: 'kubelet', host: this.deps.node });
      const delay = b ? Math.min(b.delay * 2, 122_000) : 500;
      this.mountBackoff = { delay, next: now + delay };
    }
    this.wake(this.mountBackoff!.next);
    return false;
  }

  /**
   * activeDeadlineSeconds: a pod active on the node longer than that is stopped and fails with
   * reason DeadlineExceeded.
   */
  private deadlineExceeded(now: number): boolean {
    const ads = this.pod.spec.activeDeadlineSeconds;
    if (ads === undefined || ads === null) return false;
    const deadline = this.startTime + ads * 1000;
    if (now < deadline) {
      this.wake(deadline);
      return false;
    }
    if (this.forced) return true;
    this.forced = { phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' };
    this.deps.events.event(this.pod, 'Normal', 'DeadlineExceeded', this.forced.message, { component: 'kubelet', host: this.deps.node });
    const grace = (this.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    for (const r of this.allRuns()) {
      r.pulling = undefined;
      if (!r.running) continue;
      const b = r.current!.behaviour;
      r.stopAt = now + (b.ignoresSigterm ? grace : Math.min(grace, Math.max(MIN_STOP_MS, b.stopSeconds * 1000)));
      this.deps.events.event(this.pod, 'Normal', 'Killing', `Stopping container ${r.name}`, { component: 'kubelet', host: this.deps.node }, fieldPath(r));
      this.wake(r.stopAt);
    }
    this.finish();
    return true;
  }

  /** Init containers in order; true once every one has completed (sidecars started). */
  private runInits(now: number): boolean {
    const policy = this.pod.spec.restartPolicy ?? 'Always';
    for (const r of this.inits) {
      if (r.kind === 'sidecar') {
        this.drive(r, now);
        if (!r.running) return false;
        continue;
      }
      if (r.succeeded) continue;
      if (r.terminated && policy === 'Never') {
        this.finish();
        return false;
      }
      this.drive(r, now);
      return false;
    }
    return true;
  }

  private shouldRestart(r: ContainerRun, policy: string): boolean {
    if (r.kind === 'sidecar') return true;
    const code = r.current?.exitCode ?? 0;
    if (r.kind === 'init') return policy !== 'Never' && code !== 0;
    return policy === 'Always' || (policy === 'OnFailure' && code !== 0);
  }

  /**
   * Moves one container towards running: first start, or a restart after it ended. A restart is
   * decided at the sync that notices the exit (the PLEG relist, PLEG_MS after it), and while the
   * container is in back-off only at the pod worker's requeues BACKOFF_RESYNC_MS apart (a sync
   * in back-off fails, see constants.ts): the restart happens at the first of those at or after
   * the back-off's expiry, counted from the exit (kuberuntime doBackOff, IsInBackOffSince with the
   * container's finishedAt). Worked example in test/kubelet/crash-pace.test.ts.
   */
  private drive(r: ContainerRun, now: number): void {
    const cur = r.current;
    if (cur && cur.finishedAt === undefined) {
      if (cur.readyAt !== undefined && cur.readyAt > now) this.wake(cur.readyAt);
      return;
    }
    if (cur && !cur.noticed) return;
    if (cur) {
      if (!this.shouldRestart(r, this.pod.spec.restartPolicy ?? 'Always')) return;
      if (r.crashSyncAt !== undefined && now < r.crashSyncAt && !r.pulling) return this.wake(r.crashSyncAt);
      r.crashSyncAt = undefined;
      const until = r.pulling || r.imageReady ? undefined : r.backoff(cur.finishedAt!, now);
      if (until !== undefined) return this.crashLoop(r, now);
    }
    const before = cur ? runtimeContainerStatus(r, now) : undefined;
    const ctx = this.ctx(now);
    if (ensureImage(ctx, r) && configReady(ctx, r)) startContainer(ctx, r);
    // This sync's status was made before the restart: the new container shows at the next relist.
    if (before && r.current !== cur) this.show(r, before, now + PLEG_MS);
  }

  /**
   * A sync finds the container in back-off: BackOff event, the reason cache says CrashLoopBackOff
   * (shown from the next sync on), and the pod worker syncs the pod again BACKOFF_RESYNC_MS later.
   */
  private crashLoop(r: ContainerRun, now: number): void {
    const next = now + BACKOFF_RESYNC_MS;
    if (r.waiting.reason !== 'CrashLoopBackOff' || !r.blocked) this.show(r, runtimeContainerStatus(r, now), next);
    r.crashSyncAt = next;
    r.blocked = true;
    const secs = Math.round(r.currentBackoffMs() / 1000);
    const podRef = `${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.uid})`;
    r.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${secs < 60 ? `${secs}s` : `${Math.floor(secs / 60)}m${secs % 60 ? `${secs % 60}s` : '0s'}`} restarting failed container=${r.name} pod=${podRef}` };
    this.deps.events.event(this.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${r.name} in pod ${podRef}`, { component: 'kubelet', host: this.deps.node }, fieldPath(r));
    this.wake(next);
  }

  /** The status reported for `r` stays `status` until `until` (the kubelet's next sync). */
  private show(r: ContainerRun, status: ContainerStatus, until: number): void {
    r.shown = { status, until };
    this.wake(until);
  }

  /** The pod will not run again: its sandbox goes, its IP is released. */
  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.deps.releaseIp(this.key);
  }

  /** Graceful termination: stop every running container within the grace period. */
  private terminate(now: number): void {
    if (this.killing) return;
    this.killing = true;
    this.sandboxGoneAt = now + MIN_STOP_MS;
    const grace = (this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    for (const r of [...this.containers, ...this.inits]) {
      r.pulling = undefined;
      if (!r.running) continue;
      const b = r.current!.behaviour;
      const stopMs = b.ignoresSigterm ? grace : Math.min(grace, Math.max(MIN_STOP_MS, b.stopSeconds * 1000));
      r.stopAt = now + stopMs;
      this.deps.events.event(this.pod, 'Normal', 'Killing', `Stopping container ${r.name}`, { component: 'kubelet', host: this.deps.node }, fieldPath(r));
      this.wake(r.stopAt);
    }
  }

  private confirmDeletion(): void {
    this.finish();
    this.deps.onTerminated();
  }

  view(): WorkerView {
    return {
      sandboxReady: this.sandboxReady,
      hostIP: this.deps.hostIP,
      podIP: this.podIP,
      startTime: this.startTime,
      inits: this.inits,
      containers: this.containers,
      terminal: this.killing || !!this.forced,
      ...(this.forced ? { forcedPhase: this.forced.phase, reason: this.forced.reason, message: this.forced.message } : {}),
    };
  }

  private writeStatus(now: number): void {
    const current = this.deps.statusTarget();
    if (!current) return;
    const status = buildPodStatus(current, this.view(), now);
    if (deepEqual(status, current.status)) return;
    try {
      this.pod = this.deps.api.updateStatus({ ...current, status });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  /** Asks for a sync at `at` (one timer per instant). */
  /**
   * getPullSecretsForPod, run by every sync of the pod: a warning when some pull secrets are
   * missing (the pull goes on with the others). Syncs closer together than the sync frequency
   * count once; the periodic resync repeats it, so the event's count grows as on a real node.
   */
  private warnMissingPullSecrets(now: number): void {
    const missing = missingPullSecrets(this.pod, this.deps.store);
    if (missing.length === 0) return;
    const last = this.pullSecretWarnedAt;
    if (last === undefined || now >= last + SYNC_FREQUENCY_MS) {
      this.deps.events.event(this.pod, 'Warning', FAILED_PULL_SECRET_REASON, missingPullSecretsMessage(missing), { component: 'kubelet', host: this.deps.node });
      this.pullSecretWarnedAt = now;
    }
    this.wake(this.pullSecretWarnedAt! + SYNC_FREQUENCY_MS);
  }

  private wake(at: number): void {
    if (this.timers.has(at)) return;
    const id = this.deps.clock.at(at, () => {
      this.timers.delete(at);
      this.deps.enqueue(this.key);
    });
    this.timers.set(at, id);
  }

  /**
   * The container's process dies now (`sim: container kill`, as `docker stop` on the node): a
   * process that handles SIGTERM exits 0, one that ignores it is killed (137). The kubelet then
   * notices and applies the restart policy.
   */
  kill(container: string): boolean {
    const r = this.run(container);
    if (!r?.running) return false;
    const now = this.deps.clock.now();
    r.exit(now, r.current!.behaviour.ignoresSigterm ? 137 : 0);
    this.wake(now + PLEG_MS);
    return true;
  }

  /** The pod is gone from the API: drop every timer and release its IP. */
  teardown(): void {
    for (const id of this.timers.values()) this.deps.clock.cancel(id);
    this.timers.clear();
    this.deps.releaseIp(this.key);
  }
}
