/**
 * `kubectl describe`: one describer per kind (pkg/describe/describe.go), the generic one for the
 * rest. Each reads the object, related objects through the store's indexes, and the object's
 * events; ages are against the context's `now`.
 */
import type {
  ConfigMap, CronJob, DaemonSet, Deployment, EndpointSlice, Endpoints, Job, KubeObject, Namespace, Node,
  PersistentVolume, PersistentVolumeClaim, Pod, ReplicaSet, Secret, Service, ServiceAccount, StatefulSet, StorageClass,
} from '../../api/types/index.ts';
import type { PrintContext } from '../types.ts';
import { describeConfigMap, describeNamespace, describeSecret, describeServiceAccount } from './config.ts';
import { describeDaemonSet } from './daemonset.ts';
import { describeDeployment } from './deployment.ts';
import { describeEndpointSlice } from './endpointslice.ts';
import { describeGeneric } from './generic.ts';
import { describeCronJob, describeJob } from './job.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeReplicaSet } from './replicaset.ts';
import { describeEndpoints, describeService } from './service.ts';
import { describeStatefulSet } from './statefulset.ts';
import { describePV, describePVC, describeStorageClass } from './storage.ts';

const DESCRIBERS: Record<string, (obj: KubeObject, ctx: PrintContext) => string> = {
  Pod: (o, ctx) => describePod(o as Pod, ctx),
  Deployment: (o, ctx) => describeDeployment(o as Deployment, ctx),
  ReplicaSet: (o, ctx) => describeReplicaSet(o as ReplicaSet, ctx),
  StatefulSet: (o, ctx) => describeStatefulSet(o as StatefulSet, ctx),
  DaemonSet: (o, ctx) => describeDaemonSet(o as DaemonSet, ctx),
  Job: (o, ctx) => describeJob(o as Job, ctx),
  CronJob: (o, ctx) => describeCronJob(o as CronJob, ctx),
  Service: (o, ctx) => describeService(o as Service, ctx),
  Endpoints: (o, ctx) => describeEndpoints(o as Endpoints, ctx),
  EndpointSlice: (o, ctx) => describeEndpointSlice(o as EndpointSlice, ctx),
  Node: (o, ctx) => describeNode(o as Node, ctx),
  Namespace: (o) => describeNamespace(o as Namespace),
  PersistentVolumeClaim: (o, ctx) => describePVC(o as PersistentVolumeClaim, ctx),
  PersistentVolume: (o, ctx) => describePV(o as PersistentVolume, ctx),
  StorageClass: (o, ctx) => describeStorageClass(o as StorageClass, ctx),
  Secret: (o) => describeSecret(o as Secret),
  ConfigMap: (o, ctx) => describeConfigMap(o as ConfigMap, ctx),
  ServiceAccount: (o, ctx) => describeServiceAccount(o as ServiceAccount, ctx),
};

/** What `kubectl describe` prints for one object. */
export function describe(obj: KubeObject, ctx: PrintContext): string {
  return (DESCRIBERS[obj.kind] ?? describeGeneric)(obj, ctx);
}
