/**
 * The DefaultStorageClass admission plugin: a new PersistentVolumeClaim that names no class (no
 * storageClassName and no volume.beta.kubernetes.io/storage-class annotation) gets the default
 * StorageClass, the one annotated storageclass.kubernetes.io/is-default-class: "true" (the newest
 * one if several are). `storageClassName: ""` means "no class" and is left alone.
 */
import type { ObjectStore } from '../../api/store.ts';
import type { PersistentVolumeClaim, StorageClass } from '../../api/types/index.ts';

const DEFAULT_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

export function defaultStorageClass(store: ObjectStore): StorageClass | undefined {
  const defaults = store
    .list<StorageClass>('StorageClass')
    .filter((sc) => {
      const a = sc.metadata.annotations ?? {};
      return a[DEFAULT_ANNOTATION] === 'true' || a[BETA_DEFAULT_ANNOTATION] === 'true';
    })
    .sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  return defaults[0];
}

export function admitDefaultStorageClass(pvc: PersistentVolumeClaim, store: ObjectStore): void {
  if (pvc.spec.storageClassName !== undefined && pvc.spec.storageClassName !== null) return;
  if (BETA_CLASS_ANNOTATION in (pvc.metadata.annotations ?? {})) return;
  const sc = defaultStorageClass(store);
  if (sc) pvc.spec.storageClassName = sc.metadata.name;
}

/**
 * The PersistentVolumeClaimResize plugin: a claim may only grow if its StorageClass allows volume
 * expansion, else the update is Forbidden:
 *   persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and
 *   the storageclass that provisions the pvc must support resize
 */
export function resizeForbidden(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim, store: ObjectStore, grows: boolean): string | undefined {
  if (!grows) return undefined;
  const className = old.spec.storageClassName ?? old.metadata.annotations?.[BETA_CLASS_ANNOTATION] ?? '';
  const sc = className ? store.get<StorageClass>('StorageClass', '', className) : undefined;
  if (sc?.allowVolumeExpansion) return undefined;
  return 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize';
}
