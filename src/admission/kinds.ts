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

/**
 * Defaults for a kind with a spec: a manifest that leaves spec out gets an empty one first, as the
 * API server's Go struct has a zero spec, so validation reports what is missing (`spec.selector:
 * Required value`, ...) instead of defaulting failing on it.
 */
function withSpec<T>(defaults: (obj: T) => void): (obj: T) => void {
  return (obj) => {
    const o = obj as unknown as { spec?: unknown };
    if (o.spec === undefined || o.spec === null) o.spec = {};
    defaults(obj);
  };
}

export const KIND_RULES: Readonly<Record<string, KindRules>> = {
  Pod: rules<Pod>(withSpec((p) => defaultPod(p.spec)), (p, old) => (old ? validatePodUpdate(p, old) : validatePodCreate(p))),
  Service: rules<Service>(withSpec(defaultService), validateService),
  Deployment: rules<Deployment>(withSpec(defaultDeployment), validateDeployment),
  ReplicaSet: rules<ReplicaSet>(withSpec(defaultReplicaSet), validateReplicaSet),
  StatefulSet: rules<StatefulSet>(withSpec(defaultStatefulSet), validateStatefulSet),
  DaemonSet: rules<DaemonSet>(withSpec(defaultDaemonSet), validateDaemonSet),
  Job: rules<Job>(withSpec(defaultJob), validateJob),
  CronJob: rules<CronJob>(withSpec(defaultCronJob), validateCronJob),
  Namespace: rules<Namespace>(defaultNamespace, validateNamespace),
  Node: rules<Node>(defaultNode, validateNode),
  Endpoints: rules<Endpoints>(defaultEndpoints, validateEndpoints),
  EndpointSlice: rules<EndpointSlice>(defaultEndpointSlice, validateEndpointSlice),
  PersistentVolumeClaim: rules<PersistentVolumeClaim>(withSpec(defaultPersistentVolumeClaim), validatePersistentVolumeClaim),
  PersistentVolume: rules<PersistentVolume>(withSpec(defaultPersistentVolume), validatePersistentVolume),
  StorageClass: rules<StorageClass>(defaultStorageClass, validateStorageClass),
  Secret: rules<Secret>(defaultSecret, validateSecret),
  ConfigMap: rules<ConfigMap>(none, validateConfigMap),
  ServiceAccount: rules<ServiceAccount>(none, validateServiceAccount),
  Event: rules<KubeEvent>(none, validateEvent),
  ControllerRevision: rules<KubeObject & { data?: unknown; revision?: number }>(none, validateControllerRevision),
};
