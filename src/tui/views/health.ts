/**
 * Row health, which colours a row (as k9s's colourers): `ok` (normal), `pending` (on its way:
 * creating, scaling, rolling), `error` (needs a look: crash loops, failed pulls, NotReady nodes),
 * `completed` (finished work), `terminating` (being deleted), `warning` (Warning events),
 * `disabled` (suspended CronJobs, cordoned nodes).
 *
 * The pod rule reads the STATUS that `kubectl get pods` prints (printers' podSummary), so the
 * colour and the text never disagree. Worked example: READY 1/2 with STATUS Running → pending
 * (a container is not ready yet); STATUS CrashLoopBackOff → error.
 */
import type { CronJob, DaemonSet, Deployment, Job, KubeEvent, KubeObject, Node, PersistentVolume, PersistentVolumeClaim, Pod, ReplicaSet, StatefulSet } from '../../api/types/index.ts';
import { podSummary } from '../../printers/index.ts';

export type Health = 'ok' | 'pending' | 'error' | 'completed' | 'terminating' | 'warning' | 'disabled';

const POD_PENDING = /^(Pending|ContainerCreating|PodInitializing|Init:\d+\/\d+|SchedulingGated)$/;
const POD_DONE = /^(Completed|Succeeded)$/;

export function podHealth(pod: Pod): Health {
  const s = podSummary(pod);
  if (s.status === 'Terminating') return 'terminating';
  if (POD_DONE.test(s.status)) return 'completed';
  if (POD_PENDING.test(s.status)) return 'pending';
  if (s.status === 'Running') {
    const [ready, total] = s.ready.split('/').map(Number);
    return ready === total ? 'ok' : 'pending';
  }
  return 'error';
}

function ratio(have: number | undefined, want: number | undefined): Health {
  return (have ?? 0) === (want ?? 0) ? 'ok' : 'pending';
}

function condition(obj: { status?: { conditions?: { type: string; status: string; reason?: string }[] } }, type: string) {
  return obj.status?.conditions?.find((c) => c.type === type);
}

/** The health of any object the TUI lists. */
export function health(obj: KubeObject): Health {
  if (obj.metadata.deletionTimestamp) return 'terminating';
  switch (obj.kind) {
    case 'Pod':
      return podHealth(obj as Pod);
    case 'Deployment': {
      const d = obj as Deployment;
      const progressing = condition(d, 'Progressing');
      if (progressing?.status === 'False') return 'error';
      const want = d.spec.replicas ?? 1;
      const st = d.status ?? {};
      return (st.readyReplicas ?? 0) === want && (st.updatedReplicas ?? 0) === want && (st.replicas ?? 0) === want ? 'ok' : 'pending';
    }
    case 'ReplicaSet': {
      const rs = obj as ReplicaSet;
      return ratio(rs.status?.readyReplicas, rs.spec.replicas ?? 1);
    }
    case 'StatefulSet': {
      const s = obj as StatefulSet;
      return ratio(s.status?.readyReplicas, s.spec.replicas ?? 1);
    }
    case 'DaemonSet': {
      const ds = obj as DaemonSet;
      return ratio(ds.status?.numberReady, ds.status?.desiredNumberScheduled);
    }
    case 'Job': {
      const j = obj as Job;
      if (condition(j, 'Failed')?.status === 'True') return 'error';
      if (condition(j, 'Complete')?.status === 'True') return 'completed';
      return j.spec.suspend ? 'disabled' : 'ok';
    }
    case 'CronJob':
      return (obj as CronJob).spec.suspend ? 'disabled' : 'ok';
    case 'Node': {
      const n = obj as Node;
      if (condition(n, 'Ready')?.status !== 'True') return 'error';
      return n.spec?.unschedulable ? 'disabled' : 'ok';
    }
    case 'PersistentVolumeClaim': {
      const phase = (obj as PersistentVolumeClaim).status?.phase;
      return phase === 'Bound' ? 'ok' : phase === 'Lost' ? 'error' : 'pending';
    }
    case 'PersistentVolume': {
      const phase = (obj as PersistentVolume).status?.phase;
      return phase === 'Failed' ? 'error' : phase === 'Released' || phase === 'Pending' ? 'pending' : 'ok';
    }
    case 'Event':
      return (obj as KubeEvent).type === 'Warning' ? 'warning' : 'ok';
    case 'Namespace':
      return (obj as { status?: { phase?: string } }).status?.phase === 'Terminating' ? 'terminating' : 'ok';
    default:
      return 'ok';
  }
}
