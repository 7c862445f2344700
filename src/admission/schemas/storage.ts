/** Storage schemas: PersistentVolumeClaim, PersistentVolume (core/v1) and StorageClass (storage.k8s.io/v1). */
import { any, arr, bool, loose, map, obj, quantity, str, strMap, topLevel } from './dsl.ts';
import { ObjectMeta, ObjectReference } from './meta.ts';
import { NodeSelector } from './pod.ts';
import { commonVolumeSources, PersistentVolumeClaimSpec } from './volumes.ts';

export const PersistentVolumeClaimSchema = topLevel('v1.PersistentVolumeClaim', ObjectMeta, {
  spec: PersistentVolumeClaimSpec,
  status: any('v1.PersistentVolumeClaimStatus'),
});

export const PersistentVolumeSchema = topLevel('v1.PersistentVolume', ObjectMeta, {
  spec: obj('v1.PersistentVolumeSpec', {
    capacity: map(quantity(), 'v1.ResourceList'),
    ...commonVolumeSources,
    local: obj('v1.LocalVolumeSource', { path: str(), fsType: str() }),
    csi: obj('v1.CSIPersistentVolumeSource', {
      driver: str(),
      volumeHandle: str(),
      readOnly: bool(),
      fsType: str(),
      volumeAttributes: strMap(),
      controllerPublishSecretRef: loose('v1.SecretReference'),
      nodeStageSecretRef: loose('v1.SecretReference'),
      nodePublishSecretRef: loose('v1.SecretReference'),
      controllerExpandSecretRef: loose('v1.SecretReference'),
      nodeExpandSecretRef: loose('v1.SecretReference'),
    }),
    accessModes: arr(str()),
    claimRef: ObjectReference,
    persistentVolumeReclaimPolicy: str(),
    storageClassName: str(),
    mountOptions: arr(str()),
    volumeMode: str(),
    nodeAffinity: obj('v1.VolumeNodeAffinity', { required: NodeSelector }),
    volumeAttributesClassName: str(),
  }),
  status: any('v1.PersistentVolumeStatus'),
});

export const StorageClassSchema = topLevel('v1.StorageClass', ObjectMeta, {
  provisioner: str(),
  parameters: strMap(),
  reclaimPolicy: str(),
  mountOptions: arr(str()),
  allowVolumeExpansion: bool(),
  volumeBindingMode: str(),
  allowedTopologies: arr(
    obj('v1.TopologySelectorTerm', {
      matchLabelExpressions: arr(obj('v1.TopologySelectorLabelRequirement', { key: str(), values: arr(str()) })),
    }),
  ),
});
