/**
 * kubectl describe: the printers' description of each object, separated by two blank lines. With
 * `describe TYPE NAME` and no object of that name, every object whose name starts with NAME is
 * described instead (`kubectl describe pod web` shows the pods `web-7d4b9...`).
 */
import { describe } from '../../printers/index.ts';
import { allNamespacesFlag, chunkSizeFlag, filenameFlags, selectorFlag } from '../common-flags.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { aggregate, KubectlError } from '../errors.ts';
import { buildTargets } from '../resource-builder.ts';

export const describeCommand: CommandSpec = {
  path: ['describe'],
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  flags: [
    allNamespacesFlag,
    selectorFlag,
    chunkSizeFlag,
    ...filenameFlags('containing the resource to describe'),
    { name: 'show-events', type: 'bool', default: true },
  ],
  run(ctx: CommandContext): void {
    const f = ctx.flags;
    const filenames = f.list('filename');
    if (ctx.args.length === 0 && filenames.length === 0) {
      throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
    }
    const allNamespaces = f.bool('all-namespaces');
    const result = buildTargets(ctx, ctx.args, {
      allowEmptySelector: true,
      selector: f.changed('selector') ? f.string('selector') : undefined,
      allNamespaces,
      filenames,
    });
    const pc = ctx.printContext();
    if (result.errors.length > 0 && ctx.args.length === 2 && result.errors.every(isNotFound)) {
      // DescribeMatchingResources: names that start with the given prefix.
      const listed = buildTargets(ctx, [ctx.args[0]], { allowEmptySelector: true, singleResourceType: true });
      const matching = listed.targets.filter((t) => t.name.startsWith(ctx.args[1]));
      if (matching.length === 0) throw result.errors[0];
      for (const t of matching) ctx.out(`${describe(t.object!, pc)}\n`);
      return;
    }
    let first = true;
    for (const t of result.targets) {
      const text = describe(t.object!, pc);
      ctx.out(first ? text : `\n\n${text}`);
      first = false;
    }
    if (result.targets.length === 0 && result.errors.length === 0) {
      ctx.err(allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    }
    const err = aggregate(result.errors);
    if (err) throw err;
  },
};

function isNotFound(e: Error): boolean {
  return (e as { reason?: string }).reason === 'NotFound';
}
