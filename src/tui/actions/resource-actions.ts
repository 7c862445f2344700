/**
 * The resource actions: a key opens a dialog (prefilled from the store: the current replica
 * count, a node's labels and taints, a Deployment's revisions), and the dialog's button runs the
 * kubectl commands of kubectl-args.ts through the session. Destructive ones are confirmed with
 * Cancel focused. With rows marked (space), an action applies to every marked row.
 */
import type { ObjectStore } from '../../api/store.ts';
import type { CronJob, Deployment, KubeObject, Node, ReplicaSet, StatefulSet } from '../../api/types/index.ts';
import type { KubectlResult } from '../../kubectl/session.ts';
import type { Level } from '../render/colors.ts';
import { CANCEL, confirmDialog, formDialog, type Dialog, type DialogAction, type Values } from '../state/dialog.ts';
import type { Row } from '../table/rows.ts';
import { REVISION_ANNOTATION } from '../views/extras.ts';
import { deploymentRevisions, previousRevision } from './history.ts';
import { commandLine, kubectl, type Propagation, type Target } from './kubectl-args.ts';

export interface ActionHost {
  store: ObjectStore;
  /** The rows the action applies to: marked, else selected. */
  targets(): Row[];
  /** Marked rows the filter hides. */
  hiddenMarked(): number;
  openDialog(d: Dialog): void;
  flash(text: string, level?: Level): void;
  run(words: readonly string[]): KubectlResult;
  /** A name for a Job triggered from a CronJob (`pi-manual-x7k`). */
  jobName(cronjob: string): string;
}

/** The object a row stands for (in the containers view: the pod). */
function target(r: Row): Target {
  const o = r.obj!;
  return { kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name };
}

function get<T extends KubeObject>(store: ObjectStore, t: Target): T | undefined {
  return store.get<T>(t.kind, t.namespace, t.name);
}

/** `deployment ott/member`, or `3 marked deployments`. */
export function describeTargets(ts: readonly Target[]): string {
  const kind = ts[0].kind.toLowerCase();
  if (ts.length > 1) return `${ts.length} marked ${kind}s`;
  return `${kind} ${ts[0].namespace ? `${ts[0].namespace}/` : ''}${ts[0].name}`;
}

/** Runs commands one after the other; the flash line gets kubectl's own words. */
export function runCommands(h: ActionHost, commands: readonly (readonly string[])[]): boolean {
  const out: string[] = [];
  for (const words of commands) {
    const r = h.run(words);
    if (r.exitCode !== 0) {
      const msg = (r.stderr.trim().split('\n').pop() ?? '') || `${commandLine(words)} failed (exit code ${r.exitCode})`;
      h.flash(msg, 'error');
      return false;
    }
    const lines = r.stdout.trim().split('\n').filter(Boolean);
    if (lines.length) out.push(lines[lines.length - 1]);
  }
  h.flash(out.length > 1 ? `${out[0]} (and ${out.length - 1} more)` : (out[0] ?? 'done'));
  return true;
}

const action = (id: string, ts: readonly Target[], data?: Record<string, string | number>): DialogAction => ({ id, targets: ts, ...(data ? { data } : {}) });

/** Opens the dialog of an action key. */
export function startAction(command: string, h: ActionHost): void {
  const rows = h.targets();
  if (rows.length === 0 || !rows[0].obj) {
    h.flash('Nothing selected', 'warn');
    return;
  }
  const ts = rows.map(target);
  const what = describeTargets(ts);
  const hidden = h.hiddenMarked();
  const hiddenNote = hidden > 0 ? [`(${hidden} of them hidden by the filter)`] : [];
  switch (command) {
    case 'scale': {
      const cur = get<Deployment | StatefulSet | ReplicaSet>(h.store, ts[0])?.spec.replicas ?? 1;
      h.openDialog(formDialog('Scale', [`Scale ${what}`, ...hiddenNote], [{ type: 'text', id: 'replicas', label: 'Replicas', value: String(cur), numeric: true }], action('scale', ts)));
      return;
    }
    case 'delete':
      h.openDialog(
        formDialog('Delete', [`Delete ${what}?`, ...hiddenNote], [{ type: 'choice', id: 'propagation', label: 'Propagation', options: ['Background', 'Foreground', 'Orphan'], value: 0 }], action('delete', ts), {
          focus: 1,
          danger: true,
        }),
      );
      return;
    case 'kill':
      h.openDialog(confirmDialog('Kill', [`Kill ${what}?`, 'Deleted at once, without a grace period.', ...hiddenNote], action('kill', ts)));
      return;
    case 'restart':
      h.openDialog(confirmDialog('Restart', [`Restart ${what}?`, '(kubectl rollout restart)', ...hiddenNote], action('restart', ts)));
      return;
    case 'cordon':
    case 'uncordon':
      h.openDialog(confirmDialog(command === 'cordon' ? 'Cordon' : 'Uncordon', [`${command === 'cordon' ? 'Cordon' : 'Uncordon'} ${what}?`, ...hiddenNote], action(command, ts)));
      return;
    case 'drain':
      h.openDialog(
        formDialog(
          'Drain',
          [`Drain ${what}?`, 'Its pods are evicted and it is cordoned.', ...hiddenNote],
          [
            { type: 'checkbox', id: 'ignoreDaemonSets', label: 'Ignore DaemonSets', value: true },
            { type: 'checkbox', id: 'deleteEmptyDirData', label: 'Delete EmptyDir Data', value: true },
            { type: 'checkbox', id: 'force', label: 'Force', value: true },
          ],
          action('drain', ts),
          { focus: 3, danger: true },
        ),
      );
      return;
    case 'label': {
      const labels = Object.entries(get<Node>(h.store, ts[0])?.metadata.labels ?? {}).map(([k, v]) => `  ${k}=${v}`);
      h.openDialog(
        formDialog(
          'Labels',
          [`Labels of ${describeTargets([ts[0]])}:`, ...labels],
          [
            { type: 'text', id: 'key', label: 'Key', value: '' },
            { type: 'text', id: 'value', label: 'Value', value: '' },
            { type: 'choice', id: 'op', label: 'Action', options: ['Add', 'Overwrite', 'Remove'], value: 0 },
          ],
          action('label', ts),
        ),
      );
      return;
    }
    case 'taint': {
      const taints = (get<Node>(h.store, ts[0])?.spec.taints ?? []).map((t) => `  ${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
      h.openDialog(
        formDialog(
          'Taints',
          [`Taints of ${describeTargets([ts[0]])}:`, ...(taints.length ? taints : ['  <none>'])],
          [
            { type: 'text', id: 'key', label: 'Key', value: '' },
            { type: 'text', id: 'value', label: 'Value', value: '' },
            { type: 'choice', id: 'effect', label: 'Effect', options: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], value: 0 },
            { type: 'choice', id: 'op', label: 'Action', options: ['Add', 'Remove'], value: 0 },
          ],
          action('taint', ts),
        ),
      );
      return;
    }
    case 'suspend': {
      const suspend = !get<CronJob>(h.store, ts[0])?.spec.suspend;
      h.openDialog(confirmDialog(suspend ? 'Suspend' : 'Resume', [`${suspend ? 'Suspend' : 'Resume'} ${what}?`, ...hiddenNote], action('suspend', ts, { suspend: suspend ? 1 : 0 })));
      return;
    }
    case 'trigger': {
      const job = h.jobName(ts[0].name);
      h.openDialog(confirmDialog('Trigger', [`Trigger ${describeTargets([ts[0]])}?`, commandLine(kubectl.trigger(ts[0], job))], action('trigger', [ts[0]], { job })));
      return;
    }
    case 'history':
      openHistory(h, ts[0]);
      return;
    case 'rollback-rs':
      rollbackFromReplicaSet(h, ts[0]);
      return;
  }
  h.flash(`unknown action ${command}`, 'error');
}

function openHistory(h: ActionHost, t: Target): void {
  const d = get<Deployment>(h.store, t);
  if (!d) return h.flash(`deployment ${t.name} not found`, 'error');
  const revs = deploymentRevisions(h.store, d);
  const items = revs.map((r) => `${String(r.revision).padEnd(9)}${r.changeCause.padEnd(24).slice(0, 24)}  ${r.images}${r.current ? '  (current)' : ''}`);
  const cur = Math.max(0, revs.findIndex((r) => r.current));
  h.openDialog(
    formDialog(
      'Rollout history',
      [`deployment ${t.namespace}/${t.name}`, '', `  ${'REVISION'.padEnd(9)}${'CHANGE-CAUSE'.padEnd(24)}  IMAGES`],
      [{ type: 'list', id: 'revision', label: '', items, value: cur, height: Math.min(8, Math.max(1, items.length)) }],
      action('history', [t], { revisions: revs.map((r) => r.revision).join(',') }),
      { buttons: [CANCEL, 'Undo', 'Roll back'], ok: 'Roll back', danger: true },
    ),
  );
}

function rollbackFromReplicaSet(h: ActionHost, t: Target): void {
  const rs = get<ReplicaSet>(h.store, t);
  const owner = rs?.metadata.ownerReferences?.find((o) => o.controller && o.kind === 'Deployment');
  const rev = rs?.metadata.annotations?.[REVISION_ANNOTATION];
  if (!rs || !owner || rev === undefined) return h.flash(`replicaset ${t.name} belongs to no Deployment`, 'warn');
  const d: Target = { kind: 'Deployment', namespace: t.namespace, name: owner.name };
  confirmRollback(h, d, Number(rev));
}

function confirmRollback(h: ActionHost, d: Target, revision: number | undefined): void {
  const dep = get<Deployment>(h.store, d);
  const revs = dep ? deploymentRevisions(h.store, dep) : [];
  const to = revision === undefined ? previousRevision(revs) : revs.find((r) => r.revision === revision);
  const message =
    revision === undefined
      ? [`Undo the last rollout of deployment ${d.namespace}/${d.name}?`, to ? `Back to revision ${to.revision}: ${to.images}` : '']
      : [`Roll back deployment ${d.namespace}/${d.name} to revision ${revision}?`, to ? `Its pods will run ${to.images}` : ''];
  h.openDialog(confirmDialog('Rollback', message.filter(Boolean), action('rollback', [d], revision === undefined ? {} : { revision })));
}

/** A dialog closed with a button (undefined: Esc). */
export function dialogDone(a: DialogAction, button: string | undefined, v: Values, h: ActionHost): void {
  if (button === undefined || button === CANCEL) return;
  const ts = a.targets;
  switch (a.id) {
    case 'scale': {
      const n = String(v.replicas).trim();
      if (!/^\d+$/.test(n)) return h.flash('replicas must be a whole number', 'error');
      runCommands(h, ts.map((t) => kubectl.scale(t, Number(n))));
      return;
    }
    case 'delete':
      runCommands(h, ts.map((t) => kubectl.delete(t, String(v.propagation).toLowerCase() as Propagation)));
      return;
    case 'kill':
      runCommands(h, ts.map((t) => kubectl.kill(t)));
      return;
    case 'restart':
      runCommands(h, ts.map((t) => kubectl.restart(t)));
      return;
    case 'cordon':
      runCommands(h, ts.map((t) => kubectl.cordon(t)));
      return;
    case 'uncordon':
      runCommands(h, ts.map((t) => kubectl.uncordon(t)));
      return;
    case 'drain': {
      const opts = { ignoreDaemonSets: v.ignoreDaemonSets === true, deleteEmptyDirData: v.deleteEmptyDirData === true, force: v.force === true };
      runCommands(h, ts.map((t) => kubectl.drain(t, opts)));
      return;
    }
    case 'label': {
      const key = String(v.key).trim();
      if (!key) return h.flash('a label key is needed', 'error');
      const op = String(v.op);
      runCommands(h, ts.map((t) => (op === 'Remove' ? kubectl.unlabel(t, key) : kubectl.label(t, key, String(v.value).trim(), op === 'Overwrite'))));
      return;
    }
    case 'taint': {
      const key = String(v.key).trim();
      if (!key) return h.flash('a taint key is needed', 'error');
      const effect = String(v.effect);
      runCommands(h, ts.map((t) => (String(v.op) === 'Remove' ? kubectl.untaint(t, key, effect) : kubectl.taint(t, key, String(v.value).trim(), effect))));
      return;
    }
    case 'suspend':
      runCommands(h, ts.map((t) => kubectl.suspend(t, a.data?.suspend === 1)));
      return;
    case 'trigger':
      runCommands(h, [kubectl.trigger(ts[0], String(a.data?.job))]);
      return;
    case 'history': {
      const revisions = String(a.data?.revisions ?? '').split(',').filter(Boolean).map(Number);
      if (button === 'Undo') return confirmRollback(h, ts[0], undefined);
      const rev = revisions[Number(v.revision)];
      if (rev === undefined) return h.flash('no revision to roll back to', 'warn');
      confirmRollback(h, ts[0], rev);
      return;
    }
    case 'rollback':
      runCommands(h, [kubectl.undo(ts[0], a.data?.revision === undefined ? undefined : Number(a.data.revision))]);
      return;
  }
}
