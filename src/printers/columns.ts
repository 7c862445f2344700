/**
 * The column definitions of `kubectl get` for every kind the API serves (one printer file per
 * kind), and the default NAME/AGE printer kubectl uses for kinds without one.
 */
import { findKind, resolveResource } from '../api/kinds.ts';
import { AGE, NAME } from './common.ts';
import { configMapColumns } from './configmap.ts';
import { controllerRevisionColumns } from './controllerrevision.ts';
import { cronJobColumns } from './cronjob.ts';
import { daemonSetColumns } from './daemonset.ts';
import { deploymentColumns } from './deployment.ts';
import { endpointsColumns } from './endpoints.ts';
import { endpointSliceColumns } from './endpointslice.ts';
import { eventColumns } from './event.ts';
import { jobColumns } from './job.ts';
import { namespaceColumns } from './namespace.ts';
import { nodeColumns } from './node.ts';
import { podColumns } from './pod.ts';
import { pvColumns } from './pv.ts';
import { pvcColumns } from './pvc.ts';
import { replicaSetColumns } from './replicaset.ts';
import { secretColumns } from './secret.ts';
import { serviceColumns } from './service.ts';
import { serviceAccountColumns } from './serviceaccount.ts';
import { statefulSetColumns } from './statefulset.ts';
import { storageClassColumns } from './storageclass.ts';
import type { ColumnDef } from './types.ts';

const BY_KIND: Record<string, ColumnDef[]> = {
  Pod: podColumns,
  Deployment: deploymentColumns,
  ReplicaSet: replicaSetColumns,
  StatefulSet: statefulSetColumns,
  DaemonSet: daemonSetColumns,
  Job: jobColumns,
  CronJob: cronJobColumns,
  Service: serviceColumns,
  Endpoints: endpointsColumns,
  EndpointSlice: endpointSliceColumns,
  Node: nodeColumns,
  Namespace: namespaceColumns,
  PersistentVolumeClaim: pvcColumns,
  PersistentVolume: pvColumns,
  StorageClass: storageClassColumns,
  Secret: secretColumns,
  ConfigMap: configMapColumns,
  ServiceAccount: serviceAccountColumns,
  Event: eventColumns,
  ControllerRevision: controllerRevisionColumns,
};

const DEFAULT_COLUMNS: ColumnDef[] = [NAME, AGE];

/** All columns of a kind (`Pod`, or a resource name such as `pods`/`po`), wide ones flagged. */
export function columnsFor(kind: string): ColumnDef[] {
  const k = findKind(kind)?.kind ?? resolveResource(kind)?.kind ?? kind;
  return BY_KIND[k] ?? DEFAULT_COLUMNS;
}

/** Whether a kind has its own printer (otherwise kubectl prints NAME and AGE). */
export function hasPrinter(kind: string): boolean {
  return columnsFor(kind) !== DEFAULT_COLUMNS;
}
