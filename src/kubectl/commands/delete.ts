/**
 * kubectl delete: by TYPE NAME..., TYPE/NAME, -f, -l, --field-selector or --all. Each deletion
 * prints `pod "x" deleted` (`force deleted` with a zero grace period). Deletion has only begun when
 * the command returns (as with --wait=false): a pod with a grace period stays Terminating until
 * its kubelet is done, and the garbage collector removes dependents per --cascade.
 */
import { qualifiedKind } from '../../api/kinds.ts';
import type { KubeObject } from '../../api/types/index.ts';
import type { DeleteOptions, PropagationPolicy } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { parseGoBool } from '../flags.ts';
import { allNamespacesFlag, dryRunFlag, dryRunStrategy, fieldSelectorFlag, filenameFlags, selectorFlag, timeoutFlag } from '../common-flags.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { addSourceToErr, aggregate, KubectlError } from '../errors.ts';
import type { SourcedObject } from '../manifest-files.ts';
import { buildTargets, resolveManifest, type Target } from '../resource-builder.ts';

export const deleteCommand: CommandSpec = {
  path: ['delete'],
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  flags: [
    ...filenameFlags('containing the resource to delete.'),
    { name: 'all', type: 'bool' },
    allNamespacesFlag,
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    dryRunFlag,
    fieldSelectorFlag,
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'interactive', short: 'i', type: 'bool', unsupported: 'kubesim cannot ask for confirmation' },
    { name: 'now', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'raw', type: 'string', unsupported: 'kubesim has no raw HTTP API' },
    selectorFlag,
    timeoutFlag,
    { name: 'wait', type: 'bool', default: true },
  ],
  run(ctx: CommandContext): void {
    const opts = deleteOptions(ctx);
    const f = ctx.flags;
    const filenames = f.list('filename');
    const selector = f.string('selector').trim();
    const fieldSelector = f.string('field-selector').trim();
    if (f.bool('all') && (selector || fieldSelector)) throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
    const result = buildTargets(ctx, ctx.args, {
      allowEmptySelector: false,
      selector: selector || undefined,
      fieldSelector: fieldSelector || undefined,
      all: f.bool('all'),
      allNamespaces: f.bool('all-namespaces'),
      filenames,
      fetch: false,
    });
    validate(ctx, opts);
    deleteTargets(ctx, result.targets, result.errors, opts);
  },
};

interface Options {
  grace: number;
  force: boolean;
  propagation: PropagationPolicy;
  ignoreNotFound: boolean;
  dryRun: boolean;
}

function deleteOptions(ctx: CommandContext): Options {
  const f = ctx.flags;
  const propagation = parseCascade(ctx, f.string('cascade'));
  let ignoreNotFound = f.bool('ignore-not-found');
  if ((f.bool('all') || f.string('selector') || f.string('field-selector')) && !f.changed('ignore-not-found')) ignoreNotFound = true;
  let grace = f.int('grace-period');
  if (f.bool('now')) {
    if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  const force = f.bool('force');
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  return { grace, force, propagation, ignoreNotFound, dryRun: dryRunStrategy(ctx) === 'client' };
}

function validate(ctx: CommandContext, opts: Options): void {
  const output = ctx.flags.string('output');
  if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (ctx.flags.bool('all') && ctx.flags.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time');
  if (ctx.flags.bool('all') && ctx.flags.string('field-selector')) throw new KubectlError('cannot set --all and --field-selector at the same time');
  if (opts.grace === 0 && opts.force) {
    ctx.warn('Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  } else if (opts.grace > 0 && opts.force) {
    throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  }
}

/** delete_flags.go parseCascadingFlag: background|foreground|orphan, or the deprecated booleans. */
function parseCascade(ctx: CommandContext, value: string): PropagationPolicy {
  const b = parseGoBool(value);
  if (b === undefined) {
    switch (value) {
      case 'orphan':
        return 'Orphan';
      case 'foreground':
        return 'Foreground';
      case 'background':
        return 'Background';
      default:
        throw new KubectlError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
    }
  }
  ctx.err(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${b ? 'background' : 'orphan'}.\n`);
  return b ? 'Background' : 'Orphan';
}

function deleteTargets(ctx: CommandContext, targets: Target[], initialErrors: Error[], opts: Options): void {
  const errors = [...initialErrors];
  let found = 0;
  let warnClusterScope = ctx.explicitNamespace && !ctx.flags.bool('all-namespaces');
  for (const t of targets) {
    found++;
    if (warnClusterScope && !t.info.namespaced) {
      ctx.warn('deleting cluster-scoped resources, not scoped to the provided namespace');
      warnClusterScope = false;
    }
    const options: DeleteOptions = { propagationPolicy: opts.propagation };
    if (opts.grace >= 0) options.gracePeriodSeconds = opts.grace;
    if (!opts.dryRun) {
      // The REST client refuses a DELETE naming no object (a manifest without metadata.name).
      if (!t.name) {
        errors.push(addSourceToErr('deleting', t.source, new KubectlError('resource name may not be empty')));
        continue;
      }
      try {
        ctx.api.delete(t.info.kind, t.namespace, t.name, options);
      } catch (e) {
        if (opts.ignoreNotFound && e instanceof ApiError && e.reason === 'NotFound') continue;
        errors.push(addSourceToErr('deleting', t.source, e));
        continue;
      }
    }
    printDeleted(ctx, t, opts);
  }
  const err = aggregate(errors.filter((e) => !(opts.ignoreNotFound && e instanceof ApiError && e.reason === 'NotFound')));
  if (err) throw err;
  if (found === 0) ctx.out('No resources found\n');
}

function printDeleted(ctx: CommandContext, t: Target, opts: Options): void {
  const kind = qualifiedKind(t.info);
  if (ctx.flags.string('output') === 'name') {
    ctx.out(`${kind}/${t.name}\n`);
    return;
  }
  let operation = opts.grace === 0 ? 'force deleted' : 'deleted';
  if (opts.dryRun) operation += ' (dry run)';
  ctx.out(`${kind} "${t.name}" ${operation}\n`);
}

/** Deletes the objects of manifests (also what a scenario's `delete:` step runs). */
export function deleteObjects(ctx: CommandContext, manifests: SourcedObject[]): void {
  const opts = deleteOptions(ctx);
  const targets: Target[] = [];
  const errors: Error[] = [];
  for (const m of manifests) {
    const t = resolveManifest(ctx, m.object as KubeObject, m.source);
    if (t instanceof Error) errors.push(t);
    else targets.push(t);
  }
  deleteTargets(ctx, targets, errors, opts);
}
