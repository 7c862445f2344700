/**
 * The Volumes section of kubectl describe (describeVolumes) for the volume sources kubesim pods
 * use: hostPath, emptyDir, secret, configMap, persistentVolumeClaim, projected (the service
 * account token volume), downwardAPI.
 */
import type { Volume } from '../../api/types/index.ts';
import { canonicalQuantity } from '../quantity-format.ts';
import { goBoolPtr } from './format.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type DescribeWriter } from './writer.ts';

interface ProjectedSource {
  secret?: { name?: string; optional?: boolean };
  configMap?: { name?: string; optional?: boolean };
  downwardAPI?: unknown;
  serviceAccountToken?: { expirationSeconds?: number };
}

interface DownwardItem {
  path: string;
  fieldRef?: { fieldPath: string };
  resourceFieldRef?: { resource: string };
}

export function describeVolumes(w: DescribeWriter, volumes: readonly Volume[] | undefined, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    describeSource(w, v);
  }
}

export function describeHostPath(w: DescribeWriter, hostPath: { path: string; type?: string }): void {
  w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${hostPath.path}\n    HostPathType:\t${hostPath.type ?? '<none>'}\n`);
}

function describeSource(w: DescribeWriter, v: Volume): void {
  if (v.hostPath) return describeHostPath(w, v.hostPath);
  if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit ? canonicalQuantity(v.emptyDir.sizeLimit) : '0';
    const size = limit !== '0' ? limit : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`);
    return;
  }
  if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional === true}\n`);
    return;
  }
  if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional === true}\n`);
    return;
  }
  if (v.persistentVolumeClaim) {
    const c = v.persistentVolumeClaim;
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${c.claimName}\n    ReadOnly:\t${c.readOnly === true}\n`);
    return;
  }
  if (v.projected) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const s of ((v.projected as { sources?: ProjectedSource[] }).sources ?? [])) {
      if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${goBoolPtr(s.secret.optional)}\n`);
      else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${goBoolPtr(s.configMap.optional)}\n`);
      else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`);
    }
    return;
  }
  if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of ((v.downwardAPI as { items?: DownwardItem[] }).items ?? [])) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
    return;
  }
  w.write(LEVEL_1, '<unknown>\n');
}
