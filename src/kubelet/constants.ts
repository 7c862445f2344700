/**
 * Kubelet timings. Upstream constants where they exist (back-offs); otherwise typical latencies of
 * a small containerd node, so that statuses pass through what a real node shows (ContainerCreating,
 * Error before CrashLoopBackOff, ErrImagePull before ImagePullBackOff).
 */
/** Creating the pod sandbox (pause container, network) before any container starts. */
export const SANDBOX_MS = 1_000;
/** The PLEG relist period: how long until the kubelet notices a container exited. */
export const PLEG_MS = 1_000;
/** Pull time for an image of unknown size. */
export const DEFAULT_PULL_MS = 3_000;
/** Registry round-trip for imagePullPolicy Always when the image is already on the node. */
export const CACHED_PULL_MS = 800;
/** A failing pull (unknown repository, no credentials) errors out after this long. */
export const FAILED_PULL_MS = 1_000;
/** Bytes per second pulled, to derive pull time from image size. */
export const PULL_BYTES_PER_MS = 30_000;
/** Container and image pull back-off: 10 s doubling to 5 minutes (MaxContainerBackOff). */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** A back-off entry older than 2 × max is forgotten: a container that ran 10 minutes starts afresh. */
export const BACKOFF_RESET_MS = 2 * BACKOFF_MAX_MS;
/** The least time a stopping container takes, even when it handles SIGTERM at once. */
export const MIN_STOP_MS = 1_000;
/**
 * The pod worker's requeue after a sync that failed (kubelet backOffPeriod, 10 s). Upstream
 * (pod_workers.go completeWork) jitters it to 10-15 s; kubesim stays deterministic with the base
 * value. A sync in back-off counts as failed too: kuberuntime's SyncPod always adds a successful
 * ConfigPodSandbox result, so kubelet.go's "only back-off failures" check never passes and the pod
 * is requeued after backOffPeriod, not after the 1-minute syncFrequency. Each such sync records the
 * back-off events again, so their counts grow: BackOff `Back-off restarting failed container ...`
 * and `Back-off pulling image "X"` (with `Error: ImagePullBackOff`).
 */
export const BACKOFF_RESYNC_MS = 10_000;
