/**
 * The StatefulSet controller (k8s statefulset/stateful_set.go): for each set, adopts its orphan
 * revisions and member pods (a pod is a member when its name is `<set>-<ordinal>` and the
 * selector matches it), then runs StatefulSetControl. Failed writes are retried with back-off;
 * with minReadySeconds the set is looked at again when a ready pod becomes available.
 *
 * Watches: StatefulSets; pods (their owner, or the sets that could adopt an orphan); claims going
 * away (a pod waiting for a stale claim of a previous pod can then be made).
 */
import { controllerRef, objectKey, splitKey } from '../../api/object-util.ts';
import { fromLabelSelector, matches } from '../../api/selector.ts';
import type { ObjectStore, WatchEvent } from '../../api/store.ts';
import type { KubeObject, Pod, StatefulSet } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import { claimRevisions } from '../history/history-client.ts';
import type { Controller, ReconcileResult, WatchSpec } from '../runtime.ts';
import { FailureBackoff } from '../util/backoff.ts';
import { claimObjects } from '../util/controller-ref.ts';
import { availableAt } from '../util/pod.ts';
import { isMemberOf } from './identity.ts';
import { StatefulPodControl } from './pod-control.ts';
import { StatefulSetControl } from './stateful-set-control.ts';

export class StatefulSetController implements Controller {
  readonly name = 'statefulset-controller';
  private backoff = new FailureBackoff();
  private control: StatefulSetControl;

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
    events: EventRecorder,
  ) {
    this.control = new StatefulSetControl(store, api, new StatefulPodControl(store, api, events));
  }

  watches(): WatchSpec[] {
    return [
      { kind: 'StatefulSet', keys: (e) => [objectKey(e.object)] },
      { kind: 'Pod', keys: (e) => this.podKeys(e) },
      { kind: 'PersistentVolumeClaim', keys: (e) => (e.type === 'DELETED' ? this.selecting(e.object).map(objectKey) : []) },
    ];
  }

  private podKeys(e: WatchEvent): Set<string> {
    const keys = new Set<string>();
    for (const obj of [e.object, e.old]) {
      if (!obj) continue;
      const ref = controllerRef(obj);
      if (ref?.kind === 'StatefulSet') keys.add(`${obj.metadata.namespace}/${ref.name}`);
      else if (!ref) for (const set of this.selecting(obj)) keys.add(objectKey(set));
    }
    return keys;
  }

  /** Sets in the object's namespace whose selector matches its labels. */
  private selecting(obj: KubeObject): StatefulSet[] {
    return this.store
      .unsortedList<StatefulSet>('StatefulSet', { namespace: obj.metadata.namespace })
      .filter((s) => matches(fromLabelSelector(s.spec.selector), obj.metadata.labels));
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const set = this.store.get<StatefulSet>('StatefulSet', namespace, name);
    if (!set) {
      this.backoff.forget(key);
      return;
    }
    const selector = fromLabelSelector(set.spec.selector);
    const revisions = claimRevisions(this.api, this.store, set, selector);
    const pods = claimObjects(this.api, {
      owner: set,
      selector,
      owned: this.store.dependentsOf<Pod>(set.metadata.uid!, 'Pod'),
      candidates: this.store.unsortedList<Pod>('Pod', { namespace, selector }),
      canAdopt: (p) => isMemberOf(set, p),
    }).filter((p) => isMemberOf(set, p));
    const now = this.clock.now();
    const { status, error } = this.control.sync(set, pods, revisions, now);
    if (error) return { requeueAfter: this.backoff.next(key) };
    this.backoff.forget(key);
    const minReady = set.spec.minReadySeconds ?? 0;
    if (!minReady || !status || status.availableReplicas === (set.spec.replicas ?? 1)) return;
    let next = Infinity;
    for (const p of pods) {
      const at = availableAt(p, minReady);
      if (at !== undefined && at > now) next = Math.min(next, at);
    }
    if (next < Infinity) return { requeueAfter: next - now };
  }
}
