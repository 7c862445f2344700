/**
 * The DaemonSet controller (k8s daemon/daemon_controller.go syncDaemonSet): one pod per node that
 * should run it. Each pass: adopt revisions and pods, record the current revision (history.ts),
 * place pods (manage.ts), roll out a new template (update.ts, unless OnDelete), prune history,
 * write the status (status.ts). A DaemonSet being deleted is left to the garbage collector.
 *
 * Watches: DaemonSets; their pods (and orphans they could adopt); nodes added, removed, or whose
 * labels or taints change whether a DaemonSet should run there; their revisions.
 */
import { controllerRef, deepEqual, objectKey, splitKey } from '../../api/object-util.ts';
import { fromLabelSelector, matches } from '../../api/selector.ts';
import type { ObjectStore, WatchEvent } from '../../api/store.ts';
import type { ControllerRevision, DaemonSet, KubeObject, Node, Pod } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Clock } from '../../sim/clock.ts';
import { claimRevisions } from '../history/history-client.ts';
import type { Controller, ReconcileResult, WatchSpec } from '../runtime.ts';
import { FailureBackoff } from '../util/backoff.ts';
import { claimObjects } from '../util/controller-ref.ts';
import { availableAt, isPodTerminal } from '../util/pod.ts';
import { FailedPodsBackoff } from './failed-pods-backoff.ts';
import { cleanupHistory, constructHistory, HashCollisionError } from './history.ts';
import { manage, SOURCE, type DaemonContext } from './manage.ts';
import { nodeShouldRunDaemonPod } from './node-should-run.ts';
import { computeDaemonSetStatus, toApiStatus } from './status.ts';
import { rollingUpdate } from './update.ts';
import { REVISION_HASH_LABEL, targetNodeName } from './util.ts';

export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';
  private retry = new FailureBackoff();
  private failedPods = new FailedPodsBackoff();

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    private clock: Clock,
    private events: EventRecorder,
  ) {}

  watches(): WatchSpec[] {
    return [
      { kind: 'DaemonSet', keys: (e) => [objectKey(e.object)] },
      { kind: 'Pod', keys: (e) => this.ownedKeys(e) },
      { kind: 'ControllerRevision', keys: (e) => this.ownedKeys(e) },
      { kind: 'Node', keys: (e) => this.nodeKeys(e) },
    ];
  }

  private ownedKeys(e: WatchEvent): Set<string> {
    const keys = new Set<string>();
    for (const obj of [e.object, e.old]) {
      if (!obj) continue;
      const ref = controllerRef(obj);
      if (ref?.kind === 'DaemonSet') keys.add(`${obj.metadata.namespace}/${ref.name}`);
      else if (!ref) for (const ds of this.selecting(obj)) keys.add(objectKey(ds));
    }
    return keys;
  }

  private selecting(obj: KubeObject): DaemonSet[] {
    return this.store
      .unsortedList<DaemonSet>('DaemonSet', { namespace: obj.metadata.namespace })
      .filter((ds) => matches(fromLabelSelector(ds.spec.selector), obj.metadata.labels));
  }

  /** Every DaemonSet for an added or removed node; for a changed one, those whose verdict changes. */
  private nodeKeys(e: WatchEvent): string[] {
    const all = this.store.unsortedList<DaemonSet>('DaemonSet');
    if (e.type !== 'MODIFIED' || !e.old) return all.map(objectKey);
    const [a, b] = [e.old as Node, e.object as Node];
    if (deepEqual(a.metadata.labels, b.metadata.labels) && deepEqual(a.spec.taints, b.spec.taints)) return [];
    return all.filter((ds) => !deepEqual(nodeShouldRunDaemonPod(a, ds), nodeShouldRunDaemonPod(b, ds))).map(objectKey);
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const ds = this.store.get<DaemonSet>('DaemonSet', namespace, name);
    if (!ds) return this.retry.forget(key);
    const sel = ds.spec.selector;
    if (sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
      this.events.event(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.', SOURCE);
      return;
    }
    if (ds.metadata.deletionTimestamp) return;
    const ctx: DaemonContext = { api: this.api, events: this.events, backoff: this.failedPods, now: this.clock.now() };
    const selector = fromLabelSelector(sel);
    try {
      const revisions = claimRevisions(this.api, this.store, ds, selector) as ControllerRevision[];
      const { current, old } = constructHistory(this.api, ds, revisions, this.claimPods(ds));
      const hash = current.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
      const nodes = this.store.list<Node>('Node');
      const errors = manage(ctx, ds, nodes, this.nodeToDaemonPods(ds), hash);
      if (errors.length === 0 && (ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
        errors.push(...rollingUpdate(ctx, ds, nodes, this.nodeToDaemonPods(ds), hash));
      }
      cleanupHistory(this.api, ds, old, this.claimPods(ds));
      const pods = this.nodeToDaemonPods(ds);
      this.writeStatus(ds, nodes, pods, hash, ctx.now);
      if (errors.length) return { requeueAfter: this.retry.next(key) };
      this.retry.forget(key);
      return this.nextLook(ds, pods, ctx);
    } catch (e) {
      if (!(e instanceof ApiError) && !(e instanceof HashCollisionError)) throw e;
      return { requeueAfter: this.retry.next(key) };
    }
  }

  private claimPods(ds: DaemonSet): Pod[] {
    const selector = fromLabelSelector(ds.spec.selector);
    return claimObjects(this.api, {
      owner: ds,
      selector,
      owned: this.store.dependentsOf<Pod>(ds.metadata.uid!, 'Pod'),
      candidates: this.store.unsortedList<Pod>('Pod', { namespace: ds.metadata.namespace, selector }),
    });
  }

  /** getNodesToDaemonPods: claimed pods by target node, without terminal pods being deleted. */
  private nodeToDaemonPods(ds: DaemonSet): Map<string, Pod[]> {
    const map = new Map<string, Pod[]>();
    for (const pod of this.claimPods(ds)) {
      if (isPodTerminal(pod) && pod.metadata.deletionTimestamp) continue;
      const node = targetNodeName(pod);
      if (!node) continue;
      const list = map.get(node) ?? [];
      list.push(pod);
      map.set(node, list);
    }
    return map;
  }

  private writeStatus(ds: DaemonSet, nodes: Node[], pods: Map<string, Pod[]>, hash: string, now: number): void {
    const stored = this.store.get<DaemonSet>('DaemonSet', ds.metadata.namespace ?? '', ds.metadata.name);
    if (!stored) return;
    const status = toApiStatus(computeDaemonSetStatus(stored, nodes, pods, hash, now), stored.status, stored.metadata.generation);
    this.api.updateStatus({ ...stored, status });
  }

  /** When a failed pod's back-off ends, or a ready pod becomes available (minReadySeconds). */
  private nextLook(ds: DaemonSet, pods: Map<string, Pod[]>, ctx: DaemonContext): ReconcileResult | void {
    let next = ctx.requeueAt ?? Infinity;
    const minReady = ds.spec.minReadySeconds ?? 0;
    if (minReady) {
      for (const list of pods.values()) {
        for (const p of list) {
          const at = availableAt(p, minReady);
          if (at !== undefined && at > ctx.now) next = Math.min(next, at);
        }
      }
    }
    if (next < Infinity) return { requeueAfter: Math.max(0, next - ctx.now) };
  }
}
