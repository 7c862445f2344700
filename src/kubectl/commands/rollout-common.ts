/**
 * What the `kubectl rollout` subcommands share: their resource arguments (TYPE NAME, TYPE/NAME,
 * -f, -l), the "required resource not specified" check, and the kind names in their messages.
 */
import type { KindInfo } from '../../api/kinds.ts';
import { filenameFlags, selectorFlag } from '../common-flags.ts';
import type { CommandContext } from '../context.ts';
import { KubectlError } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';
import { buildTargets, type BuildResult } from '../resource-builder.ts';

export const rolloutTargetFlags: FlagSpec[] = [...filenameFlags('identifying the resource to get from a server.'), selectorFlag];

export function rolloutTargets(ctx: CommandContext): BuildResult {
  const filenames = ctx.flags.list('filename');
  if (ctx.args.length === 0 && filenames.length === 0) throw new KubectlError('required resource not specified');
  return buildTargets(ctx, ctx.args, {
    allowEmptySelector: true,
    selector: ctx.flags.string('selector') || undefined,
    filenames,
  });
}

/** schema.GroupKind.String(): `Deployment.apps`, `Pod`. */
export function groupKind(info: KindInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** `deployments.apps` as the pause/resume/restart errors name a resource. */
export function resourceString(info: KindInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}
