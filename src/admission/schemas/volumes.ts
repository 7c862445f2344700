/**
 * core/v1 volume sources. The sources learners use (emptyDir, hostPath, configMap, secret,
 * persistentVolumeClaim, projected, downwardAPI, nfs, csi, ephemeral, image) are checked field by
 * field; vendor-specific sources (cloud disks, iSCSI, Ceph...) only as objects.
 */
import { arr, bool, i32, loose, map, obj, quantity, str, strMap } from './dsl.ts';
import { LabelSelector, LocalObjectReference, ObjectMeta } from './meta.ts';

export const KeyToPath = obj('v1.KeyToPath', { key: str(), path: str(), mode: i32() });

export const ObjectFieldSelector = obj('v1.ObjectFieldSelector', { apiVersion: str(), fieldPath: str() });

export const ResourceFieldSelector = obj('v1.ResourceFieldSelector', {
  containerName: str(),
  resource: str(),
  divisor: quantity(),
});

export const DownwardAPIVolumeFile = obj('v1.DownwardAPIVolumeFile', {
  path: str(),
  fieldRef: ObjectFieldSelector,
  resourceFieldRef: ResourceFieldSelector,
  mode: i32(),
});

const VolumeResourceRequirements = obj('v1.VolumeResourceRequirements', {
  limits: map(quantity(), 'v1.ResourceList'),
  requests: map(quantity(), 'v1.ResourceList'),
});

export const TypedLocalObjectReference = obj('v1.TypedLocalObjectReference', { apiGroup: str(), kind: str(), name: str() });

export const PersistentVolumeClaimSpec = obj('v1.PersistentVolumeClaimSpec', {
  accessModes: arr(str()),
  selector: LabelSelector,
  resources: VolumeResourceRequirements,
  volumeName: str(),
  storageClassName: str(),
  volumeMode: str(),
  dataSource: TypedLocalObjectReference,
  dataSourceRef: obj('v1.TypedObjectReference', { apiGroup: str(), kind: str(), name: str(), namespace: str() }),
  volumeAttributesClassName: str(),
});

const HostPathVolumeSource = obj('v1.HostPathVolumeSource', { path: str(), type: str() });
const NFSVolumeSource = obj('v1.NFSVolumeSource', { server: str(), path: str(), readOnly: bool() });

const ProjectedVolumeSource = obj('v1.ProjectedVolumeSource', {
  sources: arr(
    obj('v1.VolumeProjection', {
      secret: obj('v1.SecretProjection', { name: str(), items: arr(KeyToPath), optional: bool() }),
      downwardAPI: obj('v1.DownwardAPIProjection', { items: arr(DownwardAPIVolumeFile) }),
      configMap: obj('v1.ConfigMapProjection', { name: str(), items: arr(KeyToPath), optional: bool() }),
      serviceAccountToken: obj('v1.ServiceAccountTokenProjection', { audience: str(), expirationSeconds: i32(), path: str() }),
      clusterTrustBundle: loose('v1.ClusterTrustBundleProjection'),
    }),
  ),
  defaultMode: i32(),
});

/** The sources a Pod volume and a PersistentVolume share. */
export const commonVolumeSources = {
  hostPath: HostPathVolumeSource,
  nfs: NFSVolumeSource,
  gcePersistentDisk: loose('v1.GCEPersistentDiskVolumeSource'),
  awsElasticBlockStore: loose('v1.AWSElasticBlockStoreVolumeSource'),
  iscsi: loose('v1.ISCSIVolumeSource'),
  glusterfs: loose('v1.GlusterfsVolumeSource'),
  rbd: loose('v1.RBDVolumeSource'),
  flexVolume: loose('v1.FlexVolumeSource'),
  cinder: loose('v1.CinderVolumeSource'),
  cephfs: loose('v1.CephFSVolumeSource'),
  flocker: loose('v1.FlockerVolumeSource'),
  fc: loose('v1.FCVolumeSource'),
  azureFile: loose('v1.AzureFileVolumeSource'),
  vsphereVolume: loose('v1.VsphereVirtualDiskVolumeSource'),
  quobyte: loose('v1.QuobyteVolumeSource'),
  azureDisk: loose('v1.AzureDiskVolumeSource'),
  photonPersistentDisk: loose('v1.PhotonPersistentDiskVolumeSource'),
  portworxVolume: loose('v1.PortworxVolumeSource'),
  scaleIO: loose('v1.ScaleIOVolumeSource'),
  storageos: loose('v1.StorageOSVolumeSource'),
};

export const Volume = obj('v1.Volume', {
  name: str(),
  ...commonVolumeSources,
  emptyDir: obj('v1.EmptyDirVolumeSource', { medium: str(), sizeLimit: quantity() }),
  gitRepo: loose('v1.GitRepoVolumeSource'),
  secret: obj('v1.SecretVolumeSource', { secretName: str(), items: arr(KeyToPath), defaultMode: i32(), optional: bool() }),
  persistentVolumeClaim: obj('v1.PersistentVolumeClaimVolumeSource', { claimName: str(), readOnly: bool() }),
  downwardAPI: obj('v1.DownwardAPIVolumeSource', { items: arr(DownwardAPIVolumeFile), defaultMode: i32() }),
  configMap: obj('v1.ConfigMapVolumeSource', { name: str(), items: arr(KeyToPath), defaultMode: i32(), optional: bool() }),
  projected: ProjectedVolumeSource,
  csi: obj('v1.CSIVolumeSource', {
    driver: str(),
    readOnly: bool(),
    fsType: str(),
    volumeAttributes: strMap(),
    nodePublishSecretRef: LocalObjectReference,
  }),
  ephemeral: obj('v1.EphemeralVolumeSource', {
    volumeClaimTemplate: obj('v1.PersistentVolumeClaimTemplate', { metadata: ObjectMeta, spec: PersistentVolumeClaimSpec }),
  }),
  image: obj('v1.ImageVolumeSource', { reference: str(), pullPolicy: str() }),
});
