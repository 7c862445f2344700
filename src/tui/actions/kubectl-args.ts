/**
 * The kubectl command lines behind every action of the TUI. Nothing here changes the cluster: each
 * function returns the words of one kubectl command, which the controller runs through the same
 * KubectlSession that `kubectl` in a scenario uses, so an action in the TUI does exactly what the
 * command does (its validation, its messages, its events).
 *
 *   scale deployment/member -n ott --replicas=3
 *   rollout undo deployment/member -n ott --to-revision=2
 *   drain worker1 --ignore-daemonsets --delete-emptydir-data --force
 *   patch cronjob/pi -n ott -p {"spec":{"suspend":true}}
 */
import { findKind } from '../../api/kinds.ts';

export interface Target {
  kind: string;
  namespace: string;
  name: string;
}

/** `deployment/member` (kubectl's TYPE/NAME form). */
export function ref(t: Target): string {
  return `${findKind(t.kind)?.singular ?? t.kind.toLowerCase()}/${t.name}`;
}

/** `-n ott` for namespaced objects. */
function ns(t: Target): string[] {
  return findKind(t.kind)?.namespaced && t.namespace ? ['-n', t.namespace] : [];
}

export type Propagation = 'background' | 'foreground' | 'orphan';

export const kubectl = {
  scale: (t: Target, replicas: number) => ['scale', ref(t), ...ns(t), `--replicas=${replicas}`],
  delete: (t: Target, cascade: Propagation) => ['delete', ref(t), ...ns(t), `--cascade=${cascade}`],
  /** k9s's kill: delete without a grace period. */
  kill: (t: Target) => ['delete', ref(t), ...ns(t), '--grace-period=0', '--force'],
  restart: (t: Target) => ['rollout', 'restart', ref(t), ...ns(t)],
  history: (t: Target) => ['rollout', 'history', ref(t), ...ns(t)],
  undo: (t: Target, revision?: number) => ['rollout', 'undo', ref(t), ...ns(t), ...(revision !== undefined ? [`--to-revision=${revision}`] : [])],
  cordon: (t: Target) => ['cordon', t.name],
  uncordon: (t: Target) => ['uncordon', t.name],
  drain: (t: Target, opts: { ignoreDaemonSets: boolean; deleteEmptyDirData: boolean; force: boolean }) => [
    'drain',
    t.name,
    ...(opts.ignoreDaemonSets ? ['--ignore-daemonsets'] : []),
    ...(opts.deleteEmptyDirData ? ['--delete-emptydir-data'] : []),
    ...(opts.force ? ['--force'] : []),
  ],
  label: (t: Target, key: string, value: string, overwrite: boolean) => ['label', ref(t), ...ns(t), `${key}=${value}`, ...(overwrite ? ['--overwrite'] : [])],
  unlabel: (t: Target, key: string) => ['label', ref(t), ...ns(t), `${key}-`],
  taint: (t: Target, key: string, value: string, effect: string) => ['taint', 'node', t.name, `${key}${value ? `=${value}` : ''}:${effect}`],
  untaint: (t: Target, key: string, effect: string) => ['taint', 'node', t.name, `${key}${effect ? `:${effect}` : ''}-`],
  suspend: (t: Target, suspend: boolean) => ['patch', ref(t), ...ns(t), '-p', JSON.stringify({ spec: { suspend } })],
  trigger: (t: Target, job: string) => ['create', 'job', job, `--from=cronjob/${t.name}`, ...ns(t)],
  describe: (t: Target) => ['describe', ref(t), ...ns(t)],
  yaml: (t: Target) => ['get', ref(t), ...ns(t), '-o', 'yaml'],
  logs: (t: Target, container?: string) => ['logs', t.kind === 'Pod' ? t.name : ref(t), ...ns(t), ...(container ? ['-c', container] : []), '-f'],
  events: (t: Target) => [
    'get',
    'events',
    ...(findKind(t.kind)?.namespaced ? ['-n', t.namespace] : ['-A']),
    `--field-selector=involvedObject.name=${t.name},involvedObject.kind=${t.kind}`,
  ],
};

/** A command as a person would type it, for the flash line and the titles. */
export function commandLine(words: readonly string[]): string {
  return ['kubectl', ...words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`))].join(' ');
}
