/** apps/v1 schemas: Deployment, ReplicaSet, StatefulSet, DaemonSet, ControllerRevision. */
import { any, arr, bool, i32, i64, intstr, obj, str, topLevel } from './dsl.ts';
import { LabelSelector, ObjectMeta } from './meta.ts';
import { PodTemplateSpec } from './pod.ts';
import { PersistentVolumeClaimSpec } from './volumes.ts';

export const DeploymentSchema = topLevel('v1.Deployment', ObjectMeta, {
  spec: obj('v1.DeploymentSpec', {
    replicas: i32(),
    selector: LabelSelector,
    template: PodTemplateSpec,
    strategy: obj('v1.DeploymentStrategy', {
      type: str(),
      rollingUpdate: obj('v1.RollingUpdateDeployment', { maxUnavailable: intstr(), maxSurge: intstr() }),
    }),
    minReadySeconds: i32(),
    revisionHistoryLimit: i32(),
    paused: bool(),
    progressDeadlineSeconds: i32(),
  }),
  status: any('v1.DeploymentStatus'),
});

export const ReplicaSetSchema = topLevel('v1.ReplicaSet', ObjectMeta, {
  spec: obj('v1.ReplicaSetSpec', { replicas: i32(), minReadySeconds: i32(), selector: LabelSelector, template: PodTemplateSpec }),
  status: any('v1.ReplicaSetStatus'),
});

/** A volumeClaimTemplates item: a whole PersistentVolumeClaim. */
const ClaimTemplate = obj('v1.PersistentVolumeClaim', {
  apiVersion: str(),
  kind: str(),
  metadata: ObjectMeta,
  spec: PersistentVolumeClaimSpec,
  status: any('v1.PersistentVolumeClaimStatus'),
});

export const StatefulSetSchema = topLevel('v1.StatefulSet', ObjectMeta, {
  spec: obj('v1.StatefulSetSpec', {
    replicas: i32(),
    selector: LabelSelector,
    template: PodTemplateSpec,
    volumeClaimTemplates: arr(ClaimTemplate),
    serviceName: str(),
    podManagementPolicy: str(),
    updateStrategy: obj('v1.StatefulSetUpdateStrategy', {
      type: str(),
      rollingUpdate: obj('v1.RollingUpdateStatefulSetStrategy', { partition: i32(), maxUnavailable: intstr() }),
    }),
    revisionHistoryLimit: i32(),
    minReadySeconds: i32(),
    persistentVolumeClaimRetentionPolicy: obj('v1.StatefulSetPersistentVolumeClaimRetentionPolicy', {
      whenDeleted: str(),
      whenScaled: str(),
    }),
    ordinals: obj('v1.StatefulSetOrdinals', { start: i32() }),
  }),
  status: any('v1.StatefulSetStatus'),
});

export const DaemonSetSchema = topLevel('v1.DaemonSet', ObjectMeta, {
  spec: obj('v1.DaemonSetSpec', {
    selector: LabelSelector,
    template: PodTemplateSpec,
    updateStrategy: obj('v1.DaemonSetUpdateStrategy', {
      type: str(),
      rollingUpdate: obj('v1.RollingUpdateDaemonSet', { maxUnavailable: intstr(), maxSurge: intstr() }),
    }),
    minReadySeconds: i32(),
    revisionHistoryLimit: i32(),
  }),
  status: any('v1.DaemonSetStatus'),
});

export const ControllerRevisionSchema = topLevel('v1.ControllerRevision', ObjectMeta, {
  data: any(),
  revision: i64(),
});
