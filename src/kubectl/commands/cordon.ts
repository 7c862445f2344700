/**
 * kubectl cordon|uncordon NODE (or -l): sets or clears spec.unschedulable (`node/worker1 cordoned`,
 * `node/worker1 already uncordoned`). Objects that are not nodes are `skipped`.
 */
import type { Node } from '../../api/types/index.ts';
import { dryRunFlag, dryRunStrategy, selectorFlag } from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { aggregate, UsageError } from '../errors.ts';
import { buildTargets, type Target } from '../resource-builder.ts';

export const cordonCommand: CommandSpec = {
  path: ['cordon'],
  use: 'cordon NODE',
  flags: [dryRunFlag, selectorFlag],
  run: (ctx) => cordonNodes(ctx, nodeTargets(ctx, 'cordon NODE'), true),
};

export const uncordonCommand: CommandSpec = {
  path: ['uncordon'],
  use: 'uncordon NODE',
  flags: [dryRunFlag, selectorFlag],
  run: (ctx) => cordonNodes(ctx, nodeTargets(ctx, 'uncordon NODE'), false),
};

/** The nodes named (or selected) on the command line; refuses a command with neither. */
export function nodeTargets(ctx: CommandContext, use: string): Target[] {
  const selector = ctx.flags.string('selector');
  if (ctx.args.length === 0 && !ctx.flags.changed('selector')) throw new UsageError(`USAGE: ${use} [flags]`, ctx.commandPath);
  if (ctx.args.length > 0 && selector) throw new UsageError('error: cannot specify both a node name and a --selector option', ctx.commandPath);
  // ResourceNames("nodes", args...): a bare name is a node; TYPE/NAME is taken as given.
  const result = selector
    ? buildTargets(ctx, ['nodes'], { selector, singleResourceType: true })
    : buildTargets(ctx, ctx.args.map((a) => (a.includes('/') ? a : `nodes/${a}`)), { singleResourceType: true });
  const err = aggregate(result.errors);
  if (err) throw err;
  return result.targets;
}

/** RunCordonOrUncordon: each node's own message; failures print and the rest continue. */
export function cordonNodes(ctx: CommandContext, targets: Target[], desired: boolean): void {
  const word = desired ? 'cordon' : 'uncordon';
  const dryRun = dryRunStrategy(ctx);
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  for (const t of targets) {
    const node = t.object as Node;
    if (node.kind !== 'Node') {
      printName(ctx, node, `skipped${suffix}`);
      continue;
    }
    if (!!node.spec?.unschedulable === desired) {
      printName(ctx, node, `already ${word}ed${suffix}`);
      continue;
    }
    if (dryRun === 'none') {
      try {
        ctx.api.patch('Node', '', node.metadata.name, 'strategic', { spec: { unschedulable: desired ? true : null } });
      } catch (e) {
        ctx.err(`error: unable to ${word} node "${node.metadata.name}": ${(e as Error).message}\n`);
        continue;
      }
    }
    printName(ctx, node, `${word}ed${suffix}`);
  }
}
