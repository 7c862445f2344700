/**
 * What admission knows about each kind: its defaults (SetDefaults_*) and its validation for create
 * and update. The schemas are in schemas/, the mutating plugins in plugins/.
 */
import type { FieldError } from '../apiserver/errors.ts';
import type {
  ConfigMap, CronJob, DaemonSet, Deployment, EndpointSlice, Endpoints, Job, KubeEvent, KubeObject, Namespace, Node,
  PersistentVolume, PersistentVolumeClaim, Pod, ReplicaSet, Secret, Service, ServiceAccount, StatefulSet, StorageClass,
} from '../api/types/index.ts';
import { defaultEndpointSlice, defaultEndpoints, defaultNamespace, defaultNode, defaultPersistentVolume, defaultPersistentVolumeClaim, defaultSecret, defaultService, defaultStorageClass } from './defaults/core.ts';
import { defaultPod } from './defaults/pod.ts';
import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultReplicaSet, defaultStatefulSet } from './defaults/workloads.ts';
import { validateControllerRevision, validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './validation/apps.ts';
import { validateCronJob, validateJob } from './validation/batch.ts';
import {
  validateConfigMap, validateEndpointSlice, validateEndpoints, validateEvent, validateNamespace, validateNode, validateSecret, validateServiceAccount,
} from './validation/core-misc.ts';
import { validatePodCreate, validatePodUpdate } from './validation/pod.ts';
import { validateService } from './validation/service.ts';
import { validatePersistentVolume, validatePersistentVolumeClaim, validateStorageClass } from './validation/storage.ts';

export interface KindRules {
  defaults(obj: KubeObject): void;
  validate(obj: KubeObject, old?: KubeObject): FieldError[];
}

/** Adapts typed functions to the KubeObject-level interface. */
function rules<T>(defaults: (obj: T) => void, validate: (obj: T, old?: T) => FieldError[]): KindRules {
  return {
    defaults: (obj) => defaults(obj as unknown as T),
    validate: (obj, old) => validate(obj as unknown as T, old as unknown as T | undefined),
  };
}

const none = (): void => {};

export const KIND_RULES: Readonly<Record<string, KindRules>> = {
  Pod: rules<Pod>((p) => defaultPod(p.spec), (p, old) => (old ? validatePodUpdate(p, old) : validatePodCreate(p))),
  Service: rules<Service>(defaultService, validateService),
  Deployment: rules<Deployment>(defaultDeployment, validateDeployment),
  ReplicaSet: rules<ReplicaSet>(defaultReplicaSet, validateReplicaSet),
  StatefulSet: rules<StatefulSet>(defaultStatefulSet, validateStatefulSet),
  DaemonSet: rules<DaemonSet>(defaultDaemonSet, validateDaemonSet),
  Job: rules<Job>(defaultJob, validateJob),
  CronJob: rules<CronJob>(defaultCronJob, validateCronJob),
  Namespace: rules<Namespace>(defaultNamespace, validateNamespace),
  Node: rules<Node>(defaultNode, validateNode),
  Endpoints: rules<Endpoints>(defaultEndpoints, validateEndpoints),
  EndpointSlice: rules<EndpointSlice>(defaultEndpointSlice, validateEndpointSlice),
  PersistentVolumeClaim: rules<PersistentVolumeClaim>(defaultPersistentVolumeClaim, validatePersistentVolumeClaim),
  PersistentVolume: rules<PersistentVolume>(defaultPersistentVolume, validatePersistentVolume),
  StorageClass: rules<StorageClass>(defaultStorageClass, validateStorageClass),
  Secret: rules<Secret>(defaultSecret, validateSecret),
  ConfigMap: rules<ConfigMap>(none, validateConfigMap),
  ServiceAccount: rules<ServiceAccount>(none, validateServiceAccount),
  Event: rules<KubeEvent>(none, validateEvent),
  ControllerRevision: rules<KubeObject & { data?: unknown; revision?: number }>(none, validateControllerRevision),
};
