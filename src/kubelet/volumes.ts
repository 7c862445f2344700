/**
 * A pod's volumes as the kubelet's volume manager sees them: ConfigMap and Secret volumes whose
 * object is missing fail to mount (`MountVolume.SetUp failed for volume "config" : configmap
 * "app-config" not found`) and hold the pod in ContainerCreating; once mounted, their keys are
 * files under the mount path (what `kubectl exec ... cat` reads).
 */
import type { ObjectStore } from '../api/store.ts';
import type { ConfigMap, Pod, Secret, Volume } from '../api/types/index.ts';

/** Why a volume cannot be mounted yet, or undefined when every volume can. */
export function unmountable(pod: Pod, store: ObjectStore): { volume: string; message: string } | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of pod.spec.volumes ?? []) {
    if (v.configMap && !v.configMap.optional && !store.get('ConfigMap', ns, v.configMap.name)) {
      return { volume: v.name, message: `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found` };
    }
    if (v.secret && !v.secret.optional && !store.get('Secret', ns, v.secret.secretName)) {
      return { volume: v.name, message: `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName}" not found` };
    }
  }
  return undefined;
}

/** The files a ConfigMap or Secret volume holds: relative path → content. */
function volumeFiles(v: Volume, ns: string, store: ObjectStore): Map<string, string> | undefined {
  let data: Record<string, string> | undefined;
  let items: { key: string; path: string }[] | undefined;
  if (v.configMap) {
    data = store.get<ConfigMap>('ConfigMap', ns, v.configMap.name)?.data;
    items = v.configMap.items;
  } else if (v.secret) {
    const raw = store.get<Secret>('Secret', ns, v.secret.secretName)?.data;
    data = raw ? Object.fromEntries(Object.entries(raw).map(([k, b]) => [k, Buffer.from(b, 'base64').toString('utf8')])) : undefined;
    items = v.secret.items;
  } else return undefined;
  if (!data) return new Map();
  const files = new Map<string, string>();
  if (items?.length) {
    for (const it of items) if (it.key in data) files.set(it.path, data[it.key]);
  } else {
    for (const [k, val] of Object.entries(data)) files.set(k, val);
  }
  return files;
}

export type MountedPath = { kind: 'file'; content: string } | { kind: 'dir'; entries: string[] };

/** What is at `path` in `container`'s mounted ConfigMap/Secret volumes, if anything. */
export function mountedPath(pod: Pod, container: string, path: string, store: ObjectStore): MountedPath | undefined {
  const c = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((x) => x.name === container);
  const clean = path.replace(/\/+$/, '');
  for (const m of c?.volumeMounts ?? []) {
    const v = pod.spec.volumes?.find((x) => x.name === m.name);
    if (!v) continue;
    const files = volumeFiles(v, pod.metadata.namespace ?? 'default', store);
    if (!files) continue;
    const root = m.mountPath.replace(/\/+$/, '');
    if (m.subPath) {
      if (clean === root && files.has(m.subPath)) return { kind: 'file', content: files.get(m.subPath)! };
      continue;
    }
    if (clean === root) return { kind: 'dir', entries: [...files.keys()].sort() };
    if (clean.startsWith(`${root}/`)) {
      const rel = clean.slice(root.length + 1);
      if (files.has(rel)) return { kind: 'file', content: files.get(rel)! };
    }
  }
  return undefined;
}
