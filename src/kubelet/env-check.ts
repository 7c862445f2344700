/**
 * The references a container's environment makes (env valueFrom and envFrom, ConfigMaps and
 * Secrets) checked as the kubelet resolves them before creating the container: a missing object
 * or key that is not optional is a CreateContainerConfigError with the kubelet's message.
 */
import type { ObjectStore } from '../api/store.ts';
import type { ConfigMap, Container, Pod, Secret } from '../api/types/index.ts';

export function envConfigError(pod: Pod, c: Container, store: ObjectStore): string | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const src of c.envFrom ?? []) {
    if (src.configMapRef && !src.configMapRef.optional && !store.get('ConfigMap', ns, src.configMapRef.name)) return `configmap "${src.configMapRef.name}" not found`;
    if (src.secretRef && !src.secretRef.optional && !store.get('Secret', ns, src.secretRef.name)) return `secret "${src.secretRef.name}" not found`;
  }
  for (const e of c.env ?? []) {
    const cm = e.valueFrom?.configMapKeyRef;
    if (cm) {
      const obj = store.get<ConfigMap>('ConfigMap', ns, cm.name);
      if (!obj) {
        if (!cm.optional) return `configmap "${cm.name}" not found`;
      } else if (!(cm.key in (obj.data ?? {})) && !cm.optional) return `couldn't find key ${cm.key} in ConfigMap ${ns}/${cm.name}`;
    }
    const sk = e.valueFrom?.secretKeyRef;
    if (sk) {
      const obj = store.get<Secret>('Secret', ns, sk.name);
      if (!obj) {
        if (!sk.optional) return `secret "${sk.name}" not found`;
      } else if (!(sk.key in (obj.data ?? {})) && !sk.optional) return `couldn't find key ${sk.key} in Secret ${ns}/${sk.name}`;
    }
  }
  return undefined;
}
