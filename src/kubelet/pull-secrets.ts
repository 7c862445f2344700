/**
 * The pod's imagePullSecrets that do not exist (kubelet_pods.go getPullSecretsForPod). The
 * kubelet looks them up each time it syncs the pod; when some are missing it records a Warning on
 * the pod and pulls with the ones it found (or none):
 *
 *   Warning  FailedToRetrieveImagePullSecret  Unable to retrieve some image pull secrets (regcred);
 *            attempting to pull the image may not succeed.
 *
 * Entries with an empty name are skipped, as upstream does (validation lets them through).
 */
import type { ObjectStore } from '../api/store.ts';
import type { Pod } from '../api/types/index.ts';

export const FAILED_PULL_SECRET_REASON = 'FailedToRetrieveImagePullSecret';

/**
 * How often the kubelet syncs a pod that nothing else wakes (--sync-frequency, 1 minute; upstream
 * jitters it by up to half, kubesim keeps the minute). Each sync repeats the warning.
 */
export const SYNC_FREQUENCY_MS = 60_000;

export function missingPullSecrets(pod: Pod, store: ObjectStore): string[] {
  const ns = pod.metadata.namespace ?? 'default';
  return (pod.spec.imagePullSecrets ?? []).map((r) => r.name ?? '').filter((name) => name !== '' && !store.get('Secret', ns, name));
}

export function missingPullSecretsMessage(names: readonly string[]): string {
  return `Unable to retrieve some image pull secrets (${names.join(', ')}); attempting to pull the image may not succeed.`;
}
