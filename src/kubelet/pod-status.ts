/**
 * The status the kubelet reports for a pod (kubelet_pods.go generateAPIPodStatus and getPhase):
 * container statuses from the runtime state, the phase, and the conditions the kubelet owns:
 * PodReadyToStartContainers, Initialized, Ready, ContainersReady and PodScheduled, which is always
 * True (a pod the kubelet runs is on its node, scheduled or not: static pods' mirrors show it too).
 * A condition keeps its lastTransitionTime while its status does not change (status_manager
 * updateLastTransitionTime), so a scheduled pod keeps the time the scheduler bound it.
 *
 * Order, as the status manager's mergePodStatus writes it: the conditions others set (DisruptionTarget,
 * readiness gates) first, then the kubelet's in generateAPIPodStatus order.
 */
import { rfc3339 } from '../api/duration.ts';
import type { Condition, ContainerState, ContainerStatus, Pod, PodStatus } from '../api/types/index.ts';
import { parseImage } from './images.ts';
import type { ContainerRun, Instance } from './container-run.ts';
import { createHash } from 'node:crypto';

export interface WorkerView {
  sandboxReady: boolean;
  hostIP: string;
  podIP?: string;
  startTime: number;
  inits: ContainerRun[];
  containers: ContainerRun[];
  /** The pod will not run again (deleted, or finished for good). */
  terminal: boolean;
  /** Reason/message for a pod the kubelet rejected or evicted (status.reason). */
  reason?: string;
  message?: string;
  /** The phase forced by kubelet admission rejection. */
  forcedPhase?: 'Failed';
}

function imageId(image: string): string {
  const ref = parseImage(image);
  return `${ref.repository}@sha256:${createHash('sha256').update(ref.full).digest('hex')}`;
}

function terminatedState(inst: Instance): ContainerState {
  return {
    terminated: {
      exitCode: inst.exitCode,
      reason: inst.reason,
      startedAt: rfc3339(inst.startedAt),
      finishedAt: rfc3339(inst.finishedAt!),
      containerID: `containerd://${inst.id}`,
    },
  };
}

/** The container status a sync at `now` reports: the one the kubelet last showed while it lasts. */
function containerStatus(run: ContainerRun, now: number): ContainerStatus {
  if (run.shown && now < run.shown.until) return run.shown.status;
  return runtimeContainerStatus(run, now);
}

/** The container status from the runtime state alone (what the next relist will show). */
export function runtimeContainerStatus(run: ContainerRun, now: number): ContainerStatus {
  const image = run.spec.image ?? '';
  const cur = run.current;
  let state: ContainerState;
  let lastState: ContainerState = run.last ? terminatedState(run.last) : {};
  if (cur && (cur.finishedAt === undefined || !cur.noticed)) {
    // Running, or exited but not yet noticed by the kubelet.
    state = { running: { startedAt: rfc3339(cur.startedAt) } };
  } else if (cur && !run.blocked) {
    state = terminatedState(cur);
  } else {
    state = { waiting: { reason: run.waiting.reason, ...(run.waiting.message ? { message: run.waiting.message } : {}) } };
    if (cur) lastState = terminatedState(cur);
  }
  const ran = !!cur;
  const status: ContainerStatus = {
    name: run.name,
    state,
    lastState,
    // An init container is ready once it has exited 0 (prober_manager UpdatePodStatus); a
    // restartable sidecar or a regular container while it runs and passes readiness.
    ready: run.kind === 'init' ? state.terminated?.exitCode === 0 : !!state.running && run.isReady(now),
    restartCount: run.restartCount,
    image: ran ? parseImage(image).full : image,
    imageID: ran ? imageId(image) : '',
    started: !!state.running && run.started,
  };
  if (cur) status.containerID = `containerd://${cur.id}`;
  return status;
}

/** kubelet getPhase for the regular containers, given whether init is done and the pod is terminal. */
function phaseOf(view: WorkerView, pod: Pod, statuses: ContainerStatus[], initStatuses: ContainerStatus[]): NonNullable<PodStatus['phase']> {
  if (view.forcedPhase) return view.forcedPhase;
  const policy = pod.spec.restartPolicy ?? 'Always';
  const failedInit = view.inits.some((r) => r.kind === 'init' && r.terminated && r.current!.exitCode !== 0 && policy === 'Never');
  if (failedInit) return 'Failed';
  const pendingInit = view.inits.some((r) => r.kind === 'init' && !r.succeeded);
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState.terminated) stopped++;
    else waiting++;
  }
  void initStatuses;
  if ((pendingInit && !view.terminal) || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (view.terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** The conditions the kubelet owns (kubetypes.PodConditionByKubelet). */
const KUBELET_CONDITIONS = new Set(['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);

function condition(prev: Condition[] | undefined, type: string, ok: boolean, now: number, reason?: string, message?: string): Condition {
  const status = ok ? 'True' : 'False';
  const old = prev?.find((c) => c.type === type);
  const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : rfc3339(now) };
  if (!ok && reason) {
    c.reason = reason;
    if (message) c.message = message;
  }
  return c;
}

export function buildPodStatus(pod: Pod, view: WorkerView, now: number): PodStatus {
  const initStatuses = view.inits.map((r) => containerStatus(r, now));
  const statuses = view.containers.map((r) => containerStatus(r, now));
  const phase = phaseOf(view, pod, statuses, initStatuses);
  const prev = pod.status?.conditions;
  const completed = phase === 'Succeeded' || phase === 'Failed';
  const initialized = view.inits.every((r) => r.kind === 'sidecar' || r.succeeded);
  const pendingInits = view.inits.filter((r) => r.kind === 'init' && !r.succeeded).map((r) => r.name);
  const unready = [...view.inits.filter((r) => r.kind === 'sidecar'), ...view.containers]
    .filter((r) => !(r.shown && now < r.shown.until ? r.shown.status.ready : r.running && r.isReady(now)))
    .map((r) => r.name);
  const containersReady = !completed && unready.length === 0;
  const unreadyMsg = `containers with unready status: [${unready.join(' ')}]`;
  const kubelets: Condition[] = [
    condition(prev, 'PodReadyToStartContainers', view.sandboxReady && !completed, now),
    condition(prev, 'Initialized', initialized || completed, now, 'ContainersNotInitialized', `containers with incomplete status: [${pendingInits.join(' ')}]`),
    condition(prev, 'Ready', containersReady, now, completed ? 'PodCompleted' : 'ContainersNotReady', completed ? undefined : unreadyMsg),
    condition(prev, 'ContainersReady', containersReady, now, completed ? 'PodCompleted' : 'ContainersNotReady', completed ? undefined : unreadyMsg),
    condition(prev, 'PodScheduled', true, now),
  ];
  // Conditions set by others (DisruptionTarget, readiness gates) are kept, ahead of the kubelet's.
  const conditions: Condition[] = [...(prev ?? []).filter((c) => !KUBELET_CONDITIONS.has(c.type)), ...kubelets];
  const status: PodStatus = {
    phase,
    conditions,
    hostIP: view.hostIP,
    hostIPs: [{ ip: view.hostIP }],
    startTime: rfc3339(view.startTime),
    containerStatuses: statuses,
    qosClass: pod.status?.qosClass,
  };
  if (view.podIP) {
    status.podIP = view.podIP;
    status.podIPs = [{ ip: view.podIP }];
  }
  if (initStatuses.length) status.initContainerStatuses = initStatuses;
  if (view.reason) status.reason = view.reason;
  if (view.message) status.message = view.message;
  if (!status.qosClass) delete status.qosClass;
  return status;
}
