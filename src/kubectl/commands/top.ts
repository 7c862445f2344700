/**
 * kubectl top pod|node: resource usage comes from the Metrics API (metrics.k8s.io), which only a
 * metrics-server installs. The simulated cluster, like a fresh kind or kubeadm cluster, has none,
 * so once the command line has been checked as kubectl checks it, both commands end as kubectl
 * does on such a cluster:
 *
 *   $ kubectl top pods
 *   error: Metrics API not available
 *
 * The checks before it, in kubectl 1.32's order (pkg/cmd/top): more than one NAME is a usage
 * error; --sort-by other than cpu|memory, or a NAME with a selector, is refused; a selector that
 * does not parse is refused. Only then is the API's discovery asked for metrics.k8s.io.
 */
import { parseSelector } from '../../api/selector.ts';
import { allNamespacesFlag, fieldSelectorFlag, selectorFlag } from '../common-flags.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { parseFieldSelector } from '../field-selector.ts';

const METRICS_UNAVAILABLE = 'Metrics API not available';
const protobufFlag = { name: 'use-protocol-buffers', type: 'bool', default: true } as const;
const noHeadersFlag = { name: 'no-headers', type: 'bool' } as const;
const sortByFlag = { name: 'sort-by', type: 'string' } as const;

export const topPodCommand: CommandSpec = {
  path: ['top', 'pod'],
  aliases: ['pods', 'po'],
  use: 'pod [NAME | -l label]',
  flags: [
    selectorFlag,
    fieldSelectorFlag,
    sortByFlag,
    { name: 'containers', type: 'bool' },
    allNamespacesFlag,
    noHeadersFlag,
    protobufFlag,
    { name: 'sum', type: 'bool' },
  ],
  run(ctx: CommandContext): void {
    checkArgs(ctx, 'pod [NAME | -l label]');
    checkSortBy(ctx);
    if (ctx.args.length === 1 && (ctx.flags.string('selector') !== '' || ctx.flags.string('field-selector') !== '')) {
      throw new KubectlError('only one of NAME or selector can be provided');
    }
    parseSelector(ctx.flags.string('selector'));
    if (ctx.flags.string('field-selector') !== '') parseFieldSelector(ctx.flags.string('field-selector'));
    throw new KubectlError(METRICS_UNAVAILABLE);
  },
};

export const topNodeCommand: CommandSpec = {
  path: ['top', 'node'],
  aliases: ['nodes', 'no'],
  use: 'node [NAME | -l label]',
  flags: [selectorFlag, sortByFlag, noHeadersFlag, protobufFlag, { name: 'show-capacity', type: 'bool' }],
  run(ctx: CommandContext): void {
    checkArgs(ctx, 'node [NAME | -l label]');
    checkSortBy(ctx);
    if (ctx.args.length === 1 && ctx.flags.string('selector') !== '') {
      throw new KubectlError('only one of NAME or --selector can be provided');
    }
    parseSelector(ctx.flags.string('selector'));
    throw new KubectlError(METRICS_UNAVAILABLE);
  },
};

/** Complete: one NAME at most (cmdutil.UsageErrorf(cmd, cmd.Use)). */
function checkArgs(ctx: CommandContext, use: string): void {
  if (ctx.args.length > 1) throw new UsageError(use, ctx.commandPath);
}

/** Validate: --sort-by takes cpu or memory only. */
function checkSortBy(ctx: CommandContext): void {
  const sortBy = ctx.flags.string('sort-by');
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError('--sort-by accepts only cpu or memory');
}
