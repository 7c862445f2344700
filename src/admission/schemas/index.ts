/** The schema of each kind the API serves, by kind name. */
import type { z } from 'zod';
import { ControllerRevisionSchema, DaemonSetSchema, DeploymentSchema, ReplicaSetSchema, StatefulSetSchema } from './apps.ts';
import { CronJobSchema, JobSchema } from './batch.ts';
import {
  ConfigMapSchema,
  EndpointsSchema,
  EventSchema,
  NamespaceSchema,
  NodeSchema,
  SecretSchema,
  ServiceAccountSchema,
  ServiceSchema,
} from './core.ts';
import { EndpointSliceSchema } from './discovery.ts';
import { PodSchema } from './pod.ts';
import { PersistentVolumeClaimSchema, PersistentVolumeSchema, StorageClassSchema } from './storage.ts';

export const SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Pod: PodSchema,
  Service: ServiceSchema,
  Deployment: DeploymentSchema,
  ReplicaSet: ReplicaSetSchema,
  StatefulSet: StatefulSetSchema,
  DaemonSet: DaemonSetSchema,
  Job: JobSchema,
  CronJob: CronJobSchema,
  Namespace: NamespaceSchema,
  Node: NodeSchema,
  Endpoints: EndpointsSchema,
  EndpointSlice: EndpointSliceSchema,
  PersistentVolumeClaim: PersistentVolumeClaimSchema,
  PersistentVolume: PersistentVolumeSchema,
  StorageClass: StorageClassSchema,
  Secret: SecretSchema,
  ConfigMap: ConfigMapSchema,
  ServiceAccount: ServiceAccountSchema,
  Event: EventSchema,
  ControllerRevision: ControllerRevisionSchema,
};
