/**
 * kubectl rollout undo deploy|sts|ds NAME [--to-revision=N]: rolls the pod template back to the
 * previous revision (the second highest) or to revision N.
 *
 * Deployment (rollback.go): the target ReplicaSet's template, pod-template-hash removed, replaces
 * the Deployment's (JSON patch), with the ReplicaSet's annotations except the bookkeeping ones;
 * `deployment.apps/web rolled back`, or `skipped rollback (current template already matches
 * revision N)` (N as requested: 0 when no --to-revision was given). A paused Deployment is refused.
 * StatefulSet/DaemonSet: the ControllerRevision's data is applied as a strategic merge patch.
 */
import { clone } from '../../api/object-util.ts';
import type { ControllerRevision, Deployment, KubeObject } from '../../api/types/index.ts';
import { dryRunFlag, dryRunStrategy, printFlags } from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { aggregate, KubectlError } from '../errors.ts';
import { LAST_APPLIED } from '../apply/last-applied.ts';
import { applyRevision, controlledRevisions, matchesRevision } from '../rollout/controller-history.ts';
import { deploymentReplicaSets, equalIgnoreHash, HASH_LABEL, REVISION_ANNOTATION, revisionOf } from '../rollout/deployment-history.ts';
import { podTemplateText } from '../rollout/template-text.ts';
import { groupKind, rolloutTargetFlags, rolloutTargets } from './rollout-common.ts';

/** Annotations a rollback keeps from the Deployment instead of taking them from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED,
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export const rolloutUndoCommand: CommandSpec = {
  path: ['rollout', 'undo'],
  use: 'rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  flags: [...rolloutTargetFlags, ...printFlags, dryRunFlag, { name: 'to-revision', type: 'int' }],
  run(ctx: CommandContext): void {
    const result = rolloutTargets(ctx);
    const toRevision = ctx.flags.int('to-revision');
    const dryRun = dryRunStrategy(ctx) === 'client';
    const errors = [...result.errors];
    for (const t of result.targets) {
      try {
        const message = rollback(ctx, t.object!, toRevision, dryRun, groupKind(t.info));
        printName(ctx, t.object!, message);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    const err = aggregate(errors);
    if (err) throw err;
  },
};

function notFound(revision: number): KubectlError {
  return new KubectlError(`unable to find specified revision ${revision} in history`);
}

function rollback(ctx: CommandContext, obj: KubeObject, toRevision: number, dryRun: boolean, kind: string): string {
  if (toRevision < 0) throw notFound(toRevision);
  switch (obj.kind) {
    case 'Deployment':
      return rollbackDeployment(ctx, obj as Deployment, toRevision, dryRun);
    case 'StatefulSet':
    case 'DaemonSet':
      return rollbackFromHistory(ctx, obj, toRevision, dryRun);
    default:
      throw new KubectlError(`no rollbacker has been implemented for "${kind}"`);
  }
}

function rollbackDeployment(ctx: CommandContext, d: Deployment, toRevision: number, dryRun: boolean): string {
  const { all } = deploymentReplicaSets(ctx.api, d);
  let target;
  if (toRevision > 0) {
    target = all.find((rs) => revisionOf(rs) === toRevision);
    if (!target) throw notFound(toRevision);
  } else {
    // The second highest revision.
    let latest = -1;
    let previous = -1;
    let latestRS;
    for (const rs of all) {
      const v = revisionOf(rs);
      if (latest < v) {
        previous = latest;
        target = latestRS;
        latest = v;
        latestRS = rs;
      } else if (previous < v) {
        previous = v;
        target = rs;
      }
    }
    if (!target) throw new KubectlError(`no rollout history found for deployment "${d.metadata.name}"`);
  }
  if (dryRun) return podTemplateText(target.spec.template);
  if (d.spec.paused) throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(target.spec.template, d.spec.template)) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  const template = clone(target.spec.template!);
  if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  try {
    ctx.api.patch('Deployment', d.metadata.namespace ?? '', d.metadata.name, 'json', [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ]);
  } catch (e) {
    throw new KubectlError(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
  }
  return 'rolled back';
}

function rollbackFromHistory(ctx: CommandContext, obj: KubeObject, toRevision: number, dryRun: boolean): string {
  const history = controlledRevisions(ctx.api, obj) as ControllerRevision[];
  if (toRevision === 0 && history.length <= 1) throw new KubectlError('no last revision to roll back to');
  const sorted = [...history].sort((a, b) => a.revision - b.revision);
  const target = toRevision === 0 ? sorted[sorted.length - 2] : history.find((h) => h.revision === toRevision);
  if (!target) throw notFound(toRevision);
  if (dryRun) {
    const applied = applyRevision(obj, target);
    return `will roll back to ${podTemplateText((applied.spec as { template?: never }).template)}`;
  }
  if (matchesRevision(obj, target)) return `skipped rollback (current template already matches revision ${toRevision})`;
  try {
    ctx.api.patch(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name, 'strategic', clone(target.data ?? {}));
  } catch (e) {
    throw new KubectlError(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
  }
  return 'rolled back';
}
