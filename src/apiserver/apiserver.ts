/**
 * The API server: the only writer of the object store. It gives objects their server-owned fields
 * (uid, resourceVersion, generation, timestamps, generated names), runs admission, and carries out
 * deletion as Kubernetes does: graceful deletion of pods bound to a node, finalizers, and the
 * propagation policy (Background, Foreground, Orphan) that the garbage collector then completes.
 */
import { findKind, kindInfo, type KindInfo } from '../api/kinds.ts';
import { generateName } from '../api/names.ts';
import { clone, cloneShared, deepEqual } from '../api/object-util.ts';
import type { Selector } from '../api/selector.ts';
import type { ObjectStore } from '../api/store.ts';
import type { KubeObject, Pod } from '../api/types/index.ts';
import { rfc3339 } from '../api/duration.ts';
import type { Clock } from '../sim/clock.ts';
import type { SeededRandom } from '../sim/random.ts';
import type { Admission, AdmissionContext } from './admission.ts';
import { ApiError, alreadyExists, conflict, notFound } from './errors.ts';
import { applyPatch, type PatchType } from './patch.ts';
import { ServiceAllocator } from './registry/service-allocator.ts';
import { withEvictionCondition, type EvictOptions } from './registry/eviction.ts';
import { blocksRemoval, defaultPropagation, generationChanged, namespaceFinalizers, setEquals, stripMeta } from './strategy.ts';
import type { Condition, Service } from '../api/types/index.ts';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  /** Only delete if the uid still matches. */
  uid?: string;
}

export const FINALIZER_FOREGROUND = 'foregroundDeletion';
export const FINALIZER_ORPHAN = 'orphan';

/** Kinds whose status is a subresource: update() keeps the stored status, updateStatus() the stored spec. */
const STATUS_SUBRESOURCE = new Set([
  'Pod', 'Node', 'Namespace', 'Service', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob',
  'PersistentVolumeClaim', 'PersistentVolume',
]);

export interface ApiServerOptions {
  store: ObjectStore;
  clock: Clock;
  /** Draws generated names. */
  names: SeededRandom;
  /** Draws uids. */
  uids: SeededRandom;
  /** Draws ClusterIPs and NodePorts. */
  ips: SeededRandom;
  admission: Admission;
}

export class ApiServer {
  readonly store: ObjectStore;
  private clock: Clock;
  private names: SeededRandom;
  private uids: SeededRandom;
  private admission: Admission;
  private services: ServiceAllocator;

  constructor(opts: ApiServerOptions) {
    this.store = opts.store;
    this.clock = opts.clock;
    this.names = opts.names;
    this.uids = opts.uids;
    this.admission = opts.admission;
    this.services = new ServiceAllocator(opts.store, opts.ips);
  }

  /** How deep we are in requests made on a user's behalf (see asUser). */
  private userDepth = 0;

  /**
   * Runs `fn` as a user's request: inputs are decoded strictly (types, unknown fields), as the API
   * server decodes what clients send. The cluster's own components write without it.
   */
  asUser<T>(fn: () => T): T {
    this.userDepth++;
    try {
      return fn();
    } finally {
      this.userDepth--;
    }
  }

  private ctx(): AdmissionContext {
    return { store: this.store, now: this.clock.now(), random: this.names, decode: this.userDepth > 0 };
  }

  private info(kind: string): KindInfo {
    const info = findKind(kind);
    if (!info) throw new ApiError('NotFound', `the server could not find the requested resource (kind ${kind})`);
    return info;
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): T {
    const info = this.info(kind);
    const obj = this.store.get<T>(kind, info.namespaced ? namespace : '', name);
    if (!obj) throw notFound(info, name);
    return obj;
  }

  tryGet<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    const info = this.info(kind);
    return this.store.get<T>(kind, info.namespaced ? namespace : '', name);
  }

  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string, selector?: Selector): T[] {
    const info = this.info(kind);
    return this.store.list<T>(kind, { namespace: info.namespaced ? namespace : undefined, selector });
  }

  /** POST: creates an object. Returns the stored object. */
  create<T extends KubeObject>(input: T, opts: { dryRun?: boolean } = {}): T {
    const info = this.info(input.kind);
    const obj = clone(input) as T;
    obj.apiVersion = info.apiVersion;
    obj.metadata = obj.metadata ?? ({} as T['metadata']);
    if (info.namespaced) obj.metadata.namespace = obj.metadata.namespace || 'default';
    else delete obj.metadata.namespace;
    const ns = obj.metadata.namespace ?? '';
    if (!obj.metadata.name && obj.metadata.generateName) {
      obj.metadata.name = this.uniqueName(info, ns, obj.metadata.generateName);
    }
    if (info.namespaced && input.kind !== 'Event') this.checkNamespace(ns);
    delete (obj.metadata as { deletionTimestamp?: string }).deletionTimestamp;
    delete (obj.metadata as { deletionGracePeriodSeconds?: number }).deletionGracePeriodSeconds;
    // Server-owned fields are set before admission, which may use them (a Job's selector is its uid).
    obj.metadata.uid = this.uids.uuid();
    obj.metadata.creationTimestamp = rfc3339(this.clock.now());
    if (info.hasGeneration) obj.metadata.generation = 1;
    else delete obj.metadata.generation;
    delete obj.metadata.resourceVersion;
    this.admission.admitCreate(obj, this.ctx());
    if (this.store.get(obj.kind, ns, obj.metadata.name)) throw alreadyExists(info, obj.metadata.name);
    if (opts.dryRun) return obj;
    if (obj.kind === 'Service') this.services.allocate(obj as unknown as Service);
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    return this.store.put(obj) as T;
  }

  private uniqueName(info: KindInfo, ns: string, prefix: string): string {
    for (let i = 0; i < 8; i++) {
      const name = generateName(prefix, this.names);
      if (!this.store.get(info.kind, ns, name)) return name;
    }
    throw new ApiError('AlreadyExists', `${info.plural} "${prefix}" already exists (could not generate a unique name)`);
  }

  private checkNamespace(ns: string): void {
    const nsObj = this.store.get('Namespace', '', ns);
    if (!nsObj) throw new ApiError('NotFound', `namespaces "${ns}" not found`, { details: { name: ns, kind: 'namespaces' } });
    if (nsObj.metadata.deletionTimestamp) {
      throw new ApiError(
        'Forbidden',
        `${'unable to create new content in namespace'} ${ns} because it is being terminated`,
      );
    }
  }

  /**
   * PUT: replaces an object's metadata and spec (its status too for kinds without a status
   * subresource). A stale resourceVersion in the input is a Conflict.
   */
  update<T extends KubeObject>(input: T): T {
    const info = this.info(input.kind);
    const ns = info.namespaced ? input.metadata.namespace || 'default' : '';
    const old = this.store.get(input.kind, ns, input.metadata.name);
    if (!old) throw notFound(info, input.metadata.name);
    const obj = clone(input) as T;
    obj.apiVersion = info.apiVersion;
    if (info.namespaced) obj.metadata.namespace = ns;
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(info, input.metadata.name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    this.keepServerFields(obj, old);
    if (STATUS_SUBRESOURCE.has(info.kind)) {
      if (old.status !== undefined) obj.status = clone(old.status);
      else delete obj.status;
    }
    this.admission.admitUpdate(obj, old, this.ctx());
    return this.write(info, obj, old);
  }

  /** PUT .../status: replaces only the status. */
  updateStatus<T extends KubeObject>(input: T): T {
    const info = this.info(input.kind);
    const ns = info.namespaced ? input.metadata.namespace || 'default' : '';
    const old = this.store.get(input.kind, ns, input.metadata.name);
    if (!old) throw notFound(info, input.metadata.name);
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(info, input.metadata.name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    if (deepEqual(input.status, old.status)) return old as T;
    const obj = { ...old, status: cloneShared(input.status) } as T;
    obj.metadata = { ...old.metadata };
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    return this.store.put(obj) as T;
  }

  /** PATCH: applies a strategic-merge, merge or JSON patch to the stored object, then updates it. */
  patch<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string, type: PatchType, patch: unknown, opts: { status?: boolean } = {}): T {
    const info = this.info(kind);
    const old = this.get(kind, namespace, name);
    const patched = applyPatch(old, patch, type) as T;
    patched.metadata = { ...patched.metadata, resourceVersion: undefined };
    if (opts.status) return this.updateStatus({ ...patched, metadata: { ...old.metadata } } as T);
    if (patched.kind !== old.kind || patched.metadata.name !== old.metadata.name) {
      throw new ApiError('BadRequest', `the name of the object (${patched.metadata.name}) does not match the name on the URL (${name})`);
    }
    if (STATUS_SUBRESOURCE.has(info.kind)) {
      const result = this.update(patched);
      return result;
    }
    return this.update(patched);
  }

  private keepServerFields(obj: KubeObject, old: KubeObject): void {
    const m = obj.metadata;
    const o = old.metadata;
    m.uid = o.uid;
    m.creationTimestamp = o.creationTimestamp;
    m.generation = o.generation;
    if (o.deletionTimestamp) {
      m.deletionTimestamp = o.deletionTimestamp;
      m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
    } else {
      delete m.deletionTimestamp;
      delete m.deletionGracePeriodSeconds;
    }
    if (!m.generateName && o.generateName) m.generateName = o.generateName;
  }

  /** Stores an update, bumping generation on spec changes; no-op writes keep the resourceVersion. */
  private write<T extends KubeObject>(info: KindInfo, obj: T, old: KubeObject): T {
    const { resourceVersion: _a, ...newMeta } = obj.metadata;
    const { resourceVersion: _b, ...oldMeta } = old.metadata;
    const unchanged = deepEqual(newMeta, oldMeta) && deepEqual(stripMeta(obj), stripMeta(old));
    if (unchanged) return old as T;
    if (info.hasGeneration && generationChanged(info.kind, obj, old)) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    if (obj.metadata.deletionTimestamp && !blocksRemoval(obj)) {
      this.store.remove(info.kind, obj.metadata.namespace ?? '', obj.metadata.name);
      return obj;
    }
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    return this.store.put(obj) as T;
  }


  /**
   * DELETE. Pods bound to a node and not yet terminal are deleted gracefully (deletionTimestamp now
   * + grace; the kubelet finishes the job); objects with finalizers wait for them; the propagation
   * policy becomes the foregroundDeletion / orphan finalizer for the garbage collector. Returns the
   * object as it stands after the call (gone from the store, or marked for deletion).
   */
  delete(kind: string, namespace: string, name: string, opts: DeleteOptions = {}): KubeObject {
    const info = this.info(kind);
    const old = this.get(kind, namespace, name);
    if (opts.uid && old.metadata.uid !== opts.uid) {
      throw conflict(info, name, `Precondition failed: UID in precondition: ${opts.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    const now = this.clock.now();
    const obj = clone(old);
    const finalizers = new Set(obj.metadata.finalizers ?? []);
    const policy = opts.propagationPolicy ?? defaultPropagation(info);
    if (!old.metadata.deletionTimestamp) {
      if (policy === 'Foreground') finalizers.add(FINALIZER_FOREGROUND);
      if (policy === 'Orphan') finalizers.add(FINALIZER_ORPHAN);
    } else if (policy === 'Orphan' && !finalizers.has(FINALIZER_FOREGROUND)) {
      finalizers.add(FINALIZER_ORPHAN);
    }
    const grace = kind === 'Pod' ? this.podGrace(old as Pod, opts.gracePeriodSeconds) : 0;
    if (grace === 0 && finalizers.size === 0 && !namespaceFinalizers(old)) {
      this.store.remove(kind, old.metadata.namespace ?? '', name);
      return { ...obj, metadata: { ...obj.metadata, deletionTimestamp: obj.metadata.deletionTimestamp ?? rfc3339(now) } };
    }
    if (old.metadata.deletionTimestamp) {
      // Already being deleted: only a shorter grace period changes anything.
      const current = old.metadata.deletionGracePeriodSeconds ?? 0;
      if (grace >= current && setEquals(finalizers, old.metadata.finalizers ?? [])) return old;
    }
    obj.metadata.finalizers = finalizers.size ? [...finalizers] : undefined;
    if (!obj.metadata.finalizers) delete obj.metadata.finalizers;
    obj.metadata.deletionTimestamp = rfc3339(now + grace * 1000);
    obj.metadata.deletionGracePeriodSeconds = grace;
    if (grace === 0 && finalizers.size === 0 && !namespaceFinalizers(old)) {
      this.store.remove(kind, old.metadata.namespace ?? '', name);
      return obj;
    }
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    if (kind === 'Namespace') {
      (obj as { status?: { phase?: string } }).status = { ...(obj.status as object), phase: 'Terminating' };
    }
    return this.store.put(obj);
  }

  /**
   * POST pods/eviction (registry/core/pod/storage/eviction.go): sets the DisruptionTarget condition
   * (EvictionByEvictionAPI) through pods/status, then deletes the pod gracefully. There are no
   * PodDisruptionBudgets in kubesim, so nothing can refuse it; a missing pod is NotFound, and a
   * terminating namespace forbids it as it forbids any create (NamespaceLifecycle admission).
   */
  evict(namespace: string, name: string, opts: EvictOptions = {}): KubeObject {
    const info = this.info('Pod');
    const pod = this.get<Pod>('Pod', namespace, name);
    const ns = pod.metadata.namespace ?? '';
    if (this.store.get('Namespace', '', ns)?.metadata.deletionTimestamp) {
      throw new ApiError('Forbidden', `pods "${name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`, {
        details: { name, kind: info.plural },
      });
    }
    if (opts.uid && pod.metadata.uid !== opts.uid) {
      throw conflict(info, name, `Precondition failed: UID in precondition: ${opts.uid}, UID in object meta: ${pod.metadata.uid}`);
    }
    if (opts.dryRun) return pod;
    const status = withEvictionCondition(pod.status, this.clock.now());
    if (status) this.updateStatus<Pod>({ ...pod, status });
    return this.delete('Pod', ns, name, { gracePeriodSeconds: opts.gracePeriodSeconds, uid: opts.uid });
  }

  /** The grace period a pod deletion gets (registry/core/pod CheckGracefulDelete). */
  private podGrace(pod: Pod, requested: number | undefined): number {
    if (!pod.spec.nodeName) return 0;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 0;
    const g = requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    const current = pod.metadata.deletionGracePeriodSeconds;
    if (pod.metadata.deletionTimestamp && current !== undefined && g > current) return current;
    return Math.max(0, g);
  }

  /**
   * POST pods/binding: assigns a pod to a node (the scheduler's write). Sets spec.nodeName and the
   * PodScheduled condition; a pod already bound is a Conflict.
   */
  bind(namespace: string, name: string, nodeName: string): Pod {
    const old = this.get<Pod>('Pod', namespace, name);
    if (old.spec.nodeName) {
      throw new ApiError('Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${old.spec.nodeName}"`);
    }
    if (old.metadata.deletionTimestamp) {
      throw new ApiError('Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is being deleted, cannot be assigned to a host`);
    }
    // The stored pod is frozen: share what does not change.
    const now = rfc3339(this.clock.now());
    const conditions: Condition[] = (old.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now });
    const pod: Pod = {
      ...old,
      metadata: { ...old.metadata, resourceVersion: this.store.nextResourceVersion() },
      spec: { ...old.spec, nodeName },
      status: { ...(old.status ?? {}), conditions },
    };
    return this.store.put(pod) as Pod;
  }

  /** Removes one finalizer (the garbage collector and kubelet use this). */
  removeFinalizer(kind: string, namespace: string, name: string, finalizer: string): void {
    const old = this.tryGet(kind, namespace, name);
    if (!old || !(old.metadata.finalizers ?? []).includes(finalizer)) return;
    const obj = clone(old);
    obj.metadata.finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (obj.metadata.finalizers.length === 0) delete obj.metadata.finalizers;
    this.write(kindInfo(kind), obj, old);
  }
}
