/**
 * The pod a `kubectl logs TYPE/NAME` or `exec TYPE/NAME` talks to (polymorphichelpers
 * LogsForObject / AttachablePodForObject): a pod is itself; a workload or service picks the first
 * of its pods in kubectl's logging order (bound before unbound, Running before Pending, ready
 * before not ready, longer ready first, more restarts first, older first).
 */
import { fromLabelSelector, fromMap, type Selector } from '../api/selector.ts';
import type { KubeObject, LabelSelector, Pod } from '../api/types/index.ts';
import type { CommandContext } from './context.ts';
import { KubectlError } from './errors.ts';

/** SelectorsForObject: the selector of the pods an object manages, or kubectl's refusal. */
export function podSelectorOf(obj: KubeObject, verb: 'get the logs from' | 'attach to'): Selector {
  const spec = obj.spec as { selector?: LabelSelector | Record<string, string> } | undefined;
  switch (obj.kind) {
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Deployment':
    case 'Job':
      return fromLabelSelector(spec?.selector as LabelSelector | undefined);
    case 'Service':
    case 'ReplicationController': {
      const sel = spec?.selector as Record<string, string> | undefined;
      if (!sel || Object.keys(sel).length === 0) throw new KubectlError(`cannot ${verb} *v1.${obj.kind}: invalid service '${obj.metadata.name}': Service is defined without a selector`);
      return fromMap(sel);
    }
    default:
      throw new KubectlError(`cannot ${verb} *v1.${obj.kind}: selector for *v1.${obj.kind} not implemented`);
  }
}

/** The pods an object manages, in kubectl's logging order (podutils.ByLogging). */
export function podsForObject(ctx: CommandContext, obj: KubeObject, verb: 'get the logs from' | 'attach to'): Pod[] {
  if (obj.kind === 'Pod') return [obj as Pod];
  const pods = ctx.api.list<Pod>('Pod', obj.metadata.namespace, podSelectorOf(obj, verb));
  return pods.sort(byLogging);
}

const PHASE_ORDER: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

function ready(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function readyTime(p: Pod): string {
  return p.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime ?? '';
}

function maxRestarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
}

/** Earlier timestamps first, empty ones last. */
function timeOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return Date.parse(a) - Date.parse(b);
}

export function byLogging(a: Pod, b: Pod): number {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (!na || !nb)) return na ? -1 : 1;
  const pa = PHASE_ORDER[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDER[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  if (ready(a) !== ready(b)) return ready(a) ? -1 : 1;
  if (ready(a) && ready(b) && readyTime(a) !== readyTime(b)) return timeOrder(readyTime(a), readyTime(b));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  return timeOrder(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '');
}

/** podcmd.AllContainerNames: `a, b, setup (init)`. */
export function allContainerNames(pod: Pod): string {
  return [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
}
