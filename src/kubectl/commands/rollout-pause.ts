/**
 * kubectl rollout pause|resume deploy NAME: sets or clears spec.paused (`deployment.apps/web paused`,
 * `resumed`). Pausing a paused Deployment is an error (`error: deployments.apps "web" is already
 * paused`), as is resuming one that is not paused; other kinds cannot be paused.
 */
import type { Deployment } from '../../api/types/index.ts';
import { fieldManagerFlag, printFlags } from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { aggregate, KubectlError } from '../errors.ts';
import type { Target } from '../resource-builder.ts';
import { resourceString, rolloutTargetFlags, rolloutTargets } from './rollout-common.ts';

const flags = [...rolloutTargetFlags, ...printFlags, fieldManagerFlag('kubectl-rollout')];

export const rolloutPauseCommand: CommandSpec = {
  path: ['rollout', 'pause'],
  use: 'rollout pause RESOURCE',
  flags,
  run: (ctx) => setPaused(ctx, true),
};

export const rolloutResumeCommand: CommandSpec = {
  path: ['rollout', 'resume'],
  use: 'rollout resume RESOURCE',
  flags,
  run: (ctx) => setPaused(ctx, false),
};

function setPaused(ctx: CommandContext, paused: boolean): void {
  const result = rolloutTargets(ctx);
  const errors: Error[] = [...result.errors];
  const targets = result.targets.filter((t) => t.object);
  if (targets.length === 0 && errors.length === 0) {
    ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return;
  }
  for (const t of targets) {
    const problem = pauseProblem(t, paused);
    if (problem) {
      errors.push(new KubectlError(`error: ${resourceString(t.info)} "${t.name}" ${problem}`));
      continue;
    }
    try {
      const obj = ctx.api.patch(t.info.kind, t.namespace, t.name, 'strategic', { spec: { paused: paused ? true : null } });
      printName(ctx, obj, paused ? 'paused' : 'resumed');
    } catch (e) {
      errors.push(new KubectlError(`failed to patch: ${(e as Error).message}`));
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
}

/** The ObjectPauser / ObjectResumer refusal for this object, if any. */
function pauseProblem(t: Target, paused: boolean): string | undefined {
  if (t.object!.kind !== 'Deployment') return paused ? 'pausing is not supported' : 'resuming is not supported';
  const isPaused = !!(t.object as Deployment).spec.paused;
  if (paused && isPaused) return 'is already paused';
  if (!paused && !isPaused) return 'is not paused';
  return undefined;
}
