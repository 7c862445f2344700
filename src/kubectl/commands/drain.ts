/**
 * kubectl drain NODE: cordons the node, then evicts every pod on it, except mirror pods (static
 * pods) and, with --ignore-daemonsets, DaemonSet pods. Without that flag a DaemonSet pod stops the
 * drain, as do pods with emptyDir data (without --delete-emptydir-data) and pods no controller
 * would recreate (without --force):
 *
 *   node/worker1 cordoned
 *   Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x2k9p
 *   evicting pod ott/member-7d4b9c6f5d-x8k2p
 *   pod/member-7d4b9c6f5d-x8k2p evicted
 *   node/worker1 drained
 *
 * Each pod is evicted through the Eviction API (pods/eviction: the DisruptionTarget condition, then
 * a graceful delete); --disable-eviction deletes instead. Evictions begin at this instant; kubectl
 * in kubesim does not wait for the pods to terminate.
 */
import type { Pod } from '../../api/types/index.ts';
import { controllerRef } from '../../api/object-util.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { chunkSizeFlag, dryRunFlag, dryRunStrategy, selectorFlag, timeoutFlag } from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { matchesLabels } from '../object-filters.ts';
import { cordonNodes, nodeTargets } from './cordon.ts';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export const drainCommand: CommandSpec = {
  path: ['drain'],
  use: 'drain NODE',
  flags: [
    { name: 'force', type: 'bool' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    timeoutFlag,
    { name: 'pod-selector', type: 'string' },
    { name: 'disable-eviction', type: 'bool' },
    { name: 'skip-wait-for-delete-timeout', type: 'int' },
    chunkSizeFlag,
    dryRunFlag,
    selectorFlag,
  ],
  run(ctx: CommandContext): void {
    const podSelector = ctx.flags.string('pod-selector');
    const nodes = nodeTargets(ctx, 'drain NODE');
    if (podSelector) {
      try {
        matchesLabels({ apiVersion: 'v1', kind: 'Pod', metadata: { name: '' } }, podSelector);
      } catch {
        throw new KubectlError('--pod-selector=<pod_selector> must be a valid label selector');
      }
    }
    cordonNodes(ctx, nodes, true);
    const fatal: Error[] = [];
    const remaining: string[] = [];
    for (const t of nodes) {
      const errs = drainNode(ctx, t.name);
      if (errs.length === 0) {
        const dryRun = dryRunStrategy(ctx);
        printName(ctx, t.object!, dryRun === 'client' ? 'drained (dry run)' : dryRun === 'server' ? 'drained (server dry run)' : 'drained');
        continue;
      }
      const err = new AggregateError(errs);
      ctx.err(`error: unable to drain node "${t.name}" due to error: ${err.message}, continuing command...\n`);
      fatal.push(err);
      remaining.push(t.name);
    }
    if (remaining.length > 0) ctx.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
    if (fatal.length > 0) throw new AggregateError(fatal);
  },
};

interface Verdict {
  pod: Pod;
  delete: boolean;
  reason: 'okay' | 'skip' | 'warning' | 'error';
  message?: string;
}

/** Drains one node; returns the errors that stop it (none when it is drained). */
function drainNode(ctx: CommandContext, node: string): Error[] {
  const verdicts = podsForDeletion(ctx, node);
  // PodDeleteList.errors: "cannot delete <msg>: <pods>" for every message. kubectl 1.32's
  // unmanagedFatal already begins with "cannot delete", so a bare pod reads "cannot delete cannot
  // delete Pods that declare no controller ..." as a real 1.32 drain prints it (fixed upstream
  // only after 1.35).
  const errors = groupMessages(verdicts, 'error').map(([msg, pods]) => new KubectlError(`cannot delete ${msg}: ${pods.join(', ')}`));
  if (errors.length > 0) return errors;
  const warnings = groupMessages(verdicts, 'warning').map(([msg, pods]) => `${msg}: ${pods.join(', ')}`);
  if (warnings.length > 0) ctx.warn(warnings.join('; '));
  const toDelete = verdicts.filter((v) => v.delete).map((v) => v.pod);
  const dryRun = dryRunStrategy(ctx);
  if (dryRun === 'client') {
    for (const p of toDelete) ctx.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return [];
  }
  const failures = ctx.flags.bool('disable-eviction') ? deletePods(ctx, toDelete, dryRun === 'server') : evictPods(ctx, toDelete, dryRun === 'server');
  if (failures.length === 0) return [];
  // What is still to go from the node, as a fresh GetPodsForDeletion sees it.
  const err = new AggregateError(failures);
  const pending = podsForDeletion(ctx, node).filter((v) => v.delete);
  if (pending.length > 0) {
    ctx.err(`There are pending pods in node "${node}" when an error occurred: ${err.message}\n${pending.map((v) => `pod/${v.pod.metadata.name}\n`).join('')}`);
  }
  return [err];
}

/**
 * evictPods: POSTs pods/eviction for each pod (kubectl runs them concurrently: every "evicting pod"
 * line comes first), then reports each one evicted. kubectl prints "pod/NAME evicted" once the pod
 * is gone; kubesim's kubectl does not wait, so it prints it as soon as the eviction is accepted.
 * A pod already gone counts as done, silently; with --dry-run=server nothing is reported evicted.
 */
function evictPods(ctx: CommandContext, pods: Pod[], serverDryRun: boolean): Error[] {
  const grace = ctx.flags.int('grace-period');
  const failures: Error[] = [];
  const evicted: Pod[] = [];
  for (const p of pods) {
    const ns = p.metadata.namespace ?? '';
    ctx.out(`evicting pod ${ns}/${p.metadata.name}${serverDryRun ? ' (server dry run)' : ''}\n`);
    try {
      ctx.api.evict(ns, p.metadata.name, { ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}), dryRun: serverDryRun });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'NotFound') continue;
      // A terminating namespace forbids evictions; a pod it is already deleting is just waited for.
      if (e.reason === 'Forbidden' && p.metadata.deletionTimestamp) {
        evicted.push(p);
        continue;
      }
      failures.push(new KubectlError(`error when evicting pods/"${p.metadata.name}" -n "${ns}": ${e.message}`));
      continue;
    }
    evicted.push(p);
  }
  if (!serverDryRun) for (const p of evicted) printName(ctx, p, 'evicted');
  return failures;
}

/** deletePods (--disable-eviction): plain DELETEs; the first failure stops the rest. */
function deletePods(ctx: CommandContext, pods: Pod[], serverDryRun: boolean): Error[] {
  const grace = ctx.flags.int('grace-period');
  for (const p of pods) {
    try {
      if (!serverDryRun) ctx.api.delete('Pod', p.metadata.namespace ?? '', p.metadata.name, grace >= 0 ? { gracePeriodSeconds: grace } : {});
      else ctx.api.get('Pod', p.metadata.namespace ?? '', p.metadata.name);
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'NotFound') continue;
      return [e as Error];
    }
  }
  if (!serverDryRun) for (const p of pods) printName(ctx, p, 'deleted');
  return [];
}

/** GetPodsForDeletion: every pod on the node through the drain filters, first refusal wins. */
function podsForDeletion(ctx: CommandContext, node: string): Verdict[] {
  const podSelector = ctx.flags.string('pod-selector');
  const pods = ctx.api
    .list<Pod>('Pod')
    .filter((p) => p.spec.nodeName === node && (!podSelector || matchesLabels(p, podSelector)));
  const filters = [skipDeleted, daemonSetFilter, mirrorFilter, localStorageFilter, unreplicatedFilter];
  return pods.map((pod) => {
    let verdict: Verdict = { pod, delete: true, reason: 'okay' };
    for (const f of filters) {
      verdict = f(ctx, pod);
      if (!verdict.delete) break;
    }
    return verdict;
  });
}

function finished(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function skipDeleted(ctx: CommandContext, pod: Pod): Verdict {
  const seconds = ctx.flags.int('skip-wait-for-delete-timeout');
  const ts = pod.metadata.deletionTimestamp;
  if (seconds > 0 && ts && Math.floor((ctx.cluster.now() - Date.parse(ts)) / 1000) > seconds) return { pod, delete: false, reason: 'skip' };
  return { pod, delete: true, reason: 'okay' };
}

function daemonSetFilter(ctx: CommandContext, pod: Pod): Verdict {
  const ref = controllerRef(pod);
  if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return { pod, delete: true, reason: 'okay' };
  if (!ctx.api.tryGet('DaemonSet', pod.metadata.namespace ?? '', ref.name)) {
    const message = `daemonsets.apps "${ref.name}" not found`;
    return ctx.flags.bool('force') ? { pod, delete: true, reason: 'warning', message } : { pod, delete: false, reason: 'error', message };
  }
  if (!ctx.flags.bool('ignore-daemonsets')) return { pod, delete: false, reason: 'error', message: DAEMONSET_FATAL };
  return { pod, delete: false, reason: 'warning', message: DAEMONSET_WARNING };
}

function mirrorFilter(_ctx: CommandContext, pod: Pod): Verdict {
  if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return { pod, delete: false, reason: 'skip' };
  return { pod, delete: true, reason: 'okay' };
}

function localStorageFilter(ctx: CommandContext, pod: Pod): Verdict {
  if (!(pod.spec.volumes ?? []).some((v) => v.emptyDir) || finished(pod)) return { pod, delete: true, reason: 'okay' };
  if (!ctx.flags.bool('delete-emptydir-data')) return { pod, delete: false, reason: 'error', message: LOCAL_STORAGE_FATAL };
  return { pod, delete: true, reason: 'warning', message: LOCAL_STORAGE_WARNING };
}

function unreplicatedFilter(ctx: CommandContext, pod: Pod): Verdict {
  if (finished(pod) || controllerRef(pod)) return { pod, delete: true, reason: 'okay' };
  if (ctx.flags.bool('force')) return { pod, delete: true, reason: 'warning', message: UNMANAGED_WARNING };
  return { pod, delete: false, reason: 'error', message: UNMANAGED_FATAL };
}

/** Pods (ns/name) grouped by message, in the order the messages first appear. */
function groupMessages(verdicts: Verdict[], reason: 'warning' | 'error'): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const v of verdicts) {
    if (v.reason !== reason) continue;
    const msg = v.message || 'unexpected error';
    const list = groups.get(msg) ?? [];
    list.push(`${v.pod.metadata.namespace}/${v.pod.metadata.name}`);
    groups.set(msg, list);
  }
  return [...groups];
}
