/**
 * VolumeBinding (k8s plugins/volumebinding): a pod's PersistentVolumeClaims must exist; an unbound
 * claim whose StorageClass binds Immediately must be bound first; a bound claim's volume must be
 * reachable from the node (PV node affinity). Claims of a WaitForFirstConsumer class are bound
 * for the chosen node: PreBind writes the `volume.kubernetes.io/selected-node` annotation and the
 * pod waits, its place on the node reserved, until the claims are Bound (the provisioner's work).
 */
import { matchesAnyTerm } from '../../api/node-affinity.ts';
import { clone } from '../../api/object-util.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import { SUCCESS, unresolvable, type FilterPlugin, type PluginContext, type PreFilterPlugin, type Status } from '../framework/types.ts';

export const VOLUME_BINDING = 'VolumeBinding';
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
export const ERR_VOLUME_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
const PRE_FILTER = 'PreFilterVolumeBinding';

export type PreBindResult = { ok: true } | { wait: true } | { error: string };

interface State {
  bound: PersistentVolumeClaim[];
  toBind: PersistentVolumeClaim[];
}

export function podClaims(pod: Pod): string[] {
  return (pod.spec.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName).filter((c): c is string => !!c);
}

function isBound(pvc: PersistentVolumeClaim): boolean {
  return !!pvc.spec.volumeName && pvc.status?.phase === 'Bound';
}

export class VolumeBindingPlugin implements PreFilterPlugin, FilterPlugin {
  readonly name = VOLUME_BINDING;

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
  ) {}

  preFilter(ctx: PluginContext, pod: Pod): Status {
    const ns = pod.metadata.namespace ?? 'default';
    const state: State = { bound: [], toBind: [] };
    let unboundImmediate = false;
    for (const name of podClaims(pod)) {
      const pvc = this.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
      if (!pvc) return unresolvable(`persistentvolumeclaim "${name}" not found`);
      if (pvc.metadata.deletionTimestamp) return unresolvable(`persistentvolumeclaim "${name}" is being deleted`);
      if (isBound(pvc)) state.bound.push(pvc);
      else if (this.bindingMode(pvc) === 'WaitForFirstConsumer') state.toBind.push(pvc);
      else unboundImmediate = true;
    }
    if (unboundImmediate) return unresolvable(ERR_UNBOUND_IMMEDIATE);
    ctx.state.set(PRE_FILTER, state);
    return SUCCESS;
  }

  private bindingMode(pvc: PersistentVolumeClaim): string {
    const cls = pvc.spec.storageClassName ? this.store.get<StorageClass>('StorageClass', '', pvc.spec.storageClassName) : undefined;
    return cls?.volumeBindingMode ?? 'Immediate';
  }

  filter(ctx: PluginContext, _pod: Pod, node: NodeInfo): Status {
    const state = ctx.state.get(PRE_FILTER) as State | undefined;
    if (!state) return SUCCESS;
    for (const pvc of state.bound) {
      const pv = this.store.get<PersistentVolume>('PersistentVolume', '', pvc.spec.volumeName!);
      const terms = pv?.spec.nodeAffinity?.required?.nodeSelectorTerms;
      if (terms && terms.length && !matchesAnyTerm(terms, node.node)) return unresolvable(ERR_VOLUME_NODE_CONFLICT);
    }
    return SUCCESS;
  }

  /** Asks for the claims to be bound on `node`; ok once every claim of the pod is Bound. */
  preBind(pod: Pod, node: string): PreBindResult {
    const ns = pod.metadata.namespace ?? 'default';
    let waiting = false;
    for (const name of podClaims(pod)) {
      const pvc = this.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
      if (!pvc) return { error: `persistentvolumeclaim "${name}" not found` };
      if (isBound(pvc)) continue;
      waiting = true;
      if (pvc.metadata.annotations?.[SELECTED_NODE] !== node) {
        const copy = clone(pvc);
        copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [SELECTED_NODE]: node };
        this.api.update(copy);
      }
    }
    return waiting ? { wait: true } : { ok: true };
  }
}
