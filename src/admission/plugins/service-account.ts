/**
 * The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount) on Pod create:
 *
 *   - serviceAccountName defaults to `default`;
 *   - the ServiceAccount must exist, else the create is Forbidden:
 *       pods "web" is forbidden: error looking up service account demo/robot: serviceaccount "robot" not found
 *   - a pod without imagePullSecrets gets the ServiceAccount's;
 *   - unless automountServiceAccountToken is false (on the pod, else on the ServiceAccount), a
 *     projected volume `kube-api-access-<5 random>` (token, kube-root-ca.crt, namespace) is added
 *     and mounted read-only at /var/run/secrets/kubernetes.io/serviceaccount in every container
 *     that has nothing mounted there yet.
 *
 * Mirror pods (annotation kubernetes.io/config.mirror) are left alone.
 */
import { kindInfo, qualifiedResource } from '../../api/kinds.ts';
import { generateName } from '../../api/names.ts';
import type { Container, Pod, ServiceAccount, Volume, VolumeMount } from '../../api/types/index.ts';
import type { AdmissionContext } from '../../apiserver/admission.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { MIRROR_ANNOTATION } from '../validation/pod.ts';

export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const VOLUME_PREFIX = 'kube-api-access-';

/** The name admission errors use: the generateName while the name is still to be generated. */
export function admissionName(pod: { metadata: { name: string; generateName?: string } }): string {
  const { name, generateName: prefix } = pod.metadata;
  if (prefix && name.startsWith(prefix) && name.length === Math.min(prefix.length, 58) + 5) return prefix;
  return name;
}

export function forbiddenError(kind: string, name: string, detail: string): ApiError {
  const info = kindInfo(kind);
  return new ApiError('Forbidden', `${qualifiedResource(info)} "${name}" is forbidden: ${detail}`, {
    details: { name, group: info.group, kind: info.plural },
  });
}

function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

function mountToken(pod: Pod, ctx: AdmissionContext): void {
  const spec = pod.spec;
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(VOLUME_PREFIX));
  const volumeName = existing?.name ?? generateName(VOLUME_PREFIX, ctx.random);
  const mount: VolumeMount = { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH };
  let needed = false;
  const containers: Container[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  for (const c of containers) {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue;
    c.volumeMounts = [...(c.volumeMounts ?? []), { ...mount }];
    needed = true;
  }
  if (!existing && needed) spec.volumes = [...(spec.volumes ?? []), tokenVolume(volumeName)];
}

export function admitServiceAccount(pod: Pod, ctx: AdmissionContext): void {
  if (MIRROR_ANNOTATION in (pod.metadata.annotations ?? {})) return;
  const spec = pod.spec;
  spec.serviceAccountName ||= 'default';
  spec.serviceAccount = spec.serviceAccountName;
  const ns = pod.metadata.namespace ?? 'default';
  const sa = ctx.store.get<ServiceAccount>('ServiceAccount', ns, spec.serviceAccountName);
  if (!sa) {
    throw forbiddenError(
      'Pod',
      admissionName(pod),
      `error looking up service account ${ns}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`,
    );
  }
  const automount = spec.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true;
  if (automount) mountToken(pod, ctx);
  if ((spec.imagePullSecrets ?? []).length === 0 && (sa.imagePullSecrets ?? []).length > 0) {
    spec.imagePullSecrets = sa.imagePullSecrets!.map((s) => ({ name: s.name }));
  }
}
