/**
 * kubectl rollout history deploy|sts|ds NAME [--revision=N]:
 *
 *   deployment.apps/web 
 *   REVISION  CHANGE-CAUSE
 *   1         <none>
 *   2         kubectl set image deployment/web web=nginx:1.26 --record=true
 *
 * (the name line ends with a space and the table with a blank line, as kubectl prints them).
 * Deployments read their ReplicaSets, StatefulSets and DaemonSets their ControllerRevisions.
 */
import type { ControllerRevision, Deployment, KubeObject, PodTemplateSpec } from '../../api/types/index.ts';
import { DESCRIBE_TABWRITER, tabwrite } from '../../printers/index.ts';
import { printFlags } from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { aggregate, KubectlError } from '../errors.ts';
import { parseOutput, printObjects } from '../output-format.ts';
import { applyRevision, controlledRevisions } from '../rollout/controller-history.ts';
import { CHANGE_CAUSE_ANNOTATION, deploymentReplicaSets, revisionOf } from '../rollout/deployment-history.ts';
import { podTemplateText } from '../rollout/template-text.ts';
import { groupKind, rolloutTargetFlags, rolloutTargets } from './rollout-common.ts';

export const rolloutHistoryCommand: CommandSpec = {
  path: ['rollout', 'history'],
  use: 'rollout history (TYPE NAME | TYPE/NAME) [flags]',
  flags: [...rolloutTargetFlags, ...printFlags, { name: 'revision', type: 'int' }],
  run(ctx: CommandContext): void {
    const revision = ctx.flags.int('revision');
    const result = rolloutTargets(ctx);
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    const output = ctx.flags.string('output');
    const errors = [...result.errors];
    for (const t of result.targets) {
      try {
        const history = historyOf(ctx, t.object!, groupKind(t.info));
        if (output) {
          const format = parseOutput(output, { allowTable: false });
          const revisions = [...history.keys()].sort((a, b) => a - b);
          const picked = revision > 0 ? (history.has(revision) ? [history.get(revision)!.object] : []) : revisions.map((r) => history.get(r)!.object);
          printObjects(ctx, format, picked, revision > 0);
          continue;
        }
        if (history.size === 0) {
          printName(ctx, t.object!, '\nNo rollout history found.');
          continue;
        }
        if (revision > 0) {
          const entry = history.get(revision);
          if (!entry) throw new KubectlError('unable to find the specified revision');
          printName(ctx, t.object!, `with revision #${revision}\n${podTemplateText(entry.template)}`);
          continue;
        }
        const rows = [...history.keys()].sort((a, b) => a - b).map((r) => `${r}\t${history.get(r)!.changeCause || '<none>'}\n`);
        printName(ctx, t.object!, `\n${tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, DESCRIBE_TABWRITER)}`);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    const err = aggregate(errors);
    if (err) throw err;
  },
};

interface HistoryEntry {
  template: PodTemplateSpec | undefined;
  changeCause: string;
  /** What `-o` prints for the revision: the ReplicaSet, or the object as of that revision. */
  object: KubeObject;
}

/** Revision number → what that revision ran. */
export function historyOf(ctx: CommandContext, obj: KubeObject, kind: string): Map<number, HistoryEntry> {
  const out = new Map<number, HistoryEntry>();
  switch (obj.kind) {
    case 'Deployment': {
      for (const rs of deploymentReplicaSets(ctx.api, obj as Deployment).all) {
        out.set(revisionOf(rs), { template: rs.spec.template, changeCause: rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '', object: rs });
      }
      return out;
    }
    case 'StatefulSet':
    case 'DaemonSet': {
      for (const cr of controlledRevisions(ctx.api, obj)) {
        const applied = applyRevision(obj, cr as ControllerRevision);
        out.set(cr.revision, {
          template: (applied.spec as { template?: PodTemplateSpec }).template,
          changeCause: cr.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '',
          object: applied,
        });
      }
      return out;
    }
    default:
      throw new KubectlError(`no history viewer has been implemented for "${kind}"`);
  }
}
