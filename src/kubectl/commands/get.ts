/**
 * kubectl get: tables (one per kind, a blank line between kinds, `kind/name` names when several
 * kinds are listed, a NAMESPACE column with -A, label columns with -L and --show-labels), or
 * yaml/json/name/custom-columns. Nothing found: `No resources found in <ns> namespace.` on stderr.
 * Objects that do not exist are reported after the rest: `Error from server (NotFound): ...`.
 */
import type { KindInfo } from '../../api/kinds.ts';
import type { KubeObject } from '../../api/types/index.ts';
import { formatTable, printRows } from '../../printers/index.ts';
import {
  allNamespacesFlag, chunkSizeFlag, fieldSelectorFlag, filenameFlags, printFlags, selectorFlag, watchFlag,
} from '../common-flags.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { aggregate, KubectlError, UsageError } from '../errors.ts';
import { ensureNewline, parseOutput, printObjects } from '../output-format.ts';
import { buildTargets, type Target } from '../resource-builder.ts';
import { sortByField } from '../sort-by.ts';

export const getCommand: CommandSpec = {
  path: ['get'],
  use: 'get [(-o|--output=)json|yaml|name|custom-columns|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  flags: [
    ...printFlags,
    allNamespacesFlag,
    selectorFlag,
    fieldSelectorFlag,
    ...filenameFlags('identifying the resource to get from a server.'),
    chunkSizeFlag,
    watchFlag,
    { name: 'watch-only', type: 'bool', unsupported: 'kubectl in kubesim never waits' },
    { name: 'output-watch-events', type: 'bool', unsupported: 'kubectl in kubesim never waits' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'show-labels', type: 'bool' },
    { name: 'label-columns', short: 'L', type: 'stringSlice' },
    { name: 'no-headers', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'server-print', type: 'bool', default: true },
    { name: 'sort-by', type: 'string' },
    { name: 'raw', type: 'string', unsupported: 'kubesim has no raw HTTP API' },
    { name: 'subresource', type: 'string', unsupported: 'kubesim does not serve subresources to kubectl get' },
  ],
  run: runGet,
};

function runGet(ctx: CommandContext): void {
  const f = ctx.flags;
  const filenames = f.list('filename');
  if (ctx.args.length === 0 && filenames.length === 0) {
    ctx.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    throw new UsageError(
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
      ctx.commandPath,
    );
  }
  const output = f.string('output');
  if (f.bool('show-labels') && output !== '' && output !== 'wide') throw new KubectlError(`--show-labels option cannot be used with ${output} printer`);
  if (f.list('label-columns').length > 0 && output.startsWith('custom-columns')) {
    throw new KubectlError(`--label-columns option cannot be used with ${output} printer`);
  }
  const format = parseOutput(output);
  const allNamespaces = f.bool('all-namespaces');
  const result = buildTargets(ctx, ctx.args, {
    allowEmptySelector: true,
    selector: f.changed('selector') ? f.string('selector') : undefined,
    fieldSelector: f.changed('field-selector') ? f.string('field-selector') : undefined,
    allNamespaces,
    filenames,
  });
  let errors = result.errors;
  if (f.bool('ignore-not-found')) errors = errors.filter((e) => !isNotFound(e));
  let targets = result.targets.filter((t) => t.object);
  if (f.string('sort-by')) targets = sortByField(targets, (t) => t.object, f.string('sort-by'));
  const objs = targets.map((t) => t.object!);

  if (format.kind !== 'table') {
    if (result.singleItemImplied && errors.length > 0) throw aggregate(errors)!;
    if (objs.length === 0 && f.bool('ignore-not-found')) {
      const err = aggregate(errors);
      if (err) throw err;
      return;
    }
    printObjects(ctx, format, objs, result.singleItemImplied, f.bool('no-headers'));
    const err = aggregate(errors);
    if (err) throw err;
    return;
  }

  const written = printTables(ctx, targets, { wide: format.wide, allNamespaces, listedKinds: result.listedKinds ?? [] });
  if (!written && !f.bool('ignore-not-found') && errors.length === 0) {
    const allNamespaced = !allNamespaces && targets.every((t) => t.info.namespaced);
    ctx.err(allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
  }
  const err = aggregate(errors);
  if (err) throw err;
}

function isNotFound(e: Error): boolean {
  return (e as { reason?: string }).reason === 'NotFound';
}

/** Prints one table per run of same-kind objects; returns whether anything was written. */
function printTables(ctx: CommandContext, targets: Target[], opts: { wide: boolean; allNamespaces: boolean; listedKinds: KindInfo[] }): boolean {
  const f = ctx.flags;
  // kubectl's multipleGVKsRequested: over its resource infos, one per list request even when empty.
  const withKind = f.bool('show-kind') || new Set([...targets.map((t) => t.info.kind), ...opts.listedKinds.map((i) => i.kind)]).size > 1;
  const noHeaders = f.bool('no-headers');
  let written = false;
  for (let i = 0; i < targets.length; ) {
    let j = i;
    while (j < targets.length && targets[j].info === targets[i].info) j++;
    const info = targets[i].info;
    const objs = targets.slice(i, j).map((t) => t.object!);
    const table = decoratedTable(ctx, info, objs, {
      wide: opts.wide,
      withNamespace: opts.allNamespaces && info.namespaced,
      withKind,
    });
    const text = ensureNewline(formatTable(table.headers, table.rows, { noHeaders }));
    if (text !== '') {
      if (written && !noHeaders) ctx.out('\n');
      ctx.out(text);
      written = true;
    }
    i = j;
  }
  return written;
}

/** The printers' table for one kind, decorated as kubectl's table printer does. */
export function decoratedTable(
  ctx: CommandContext,
  info: KindInfo,
  objs: KubeObject[],
  opts: { wide: boolean; withNamespace: boolean; withKind: boolean },
): { headers: string[]; rows: string[][] } {
  return printRows(info.kind, objs, ctx.printContext(), {
    wide: opts.wide,
    withNamespace: opts.withNamespace,
    withKind: opts.withKind,
    labelColumns: ctx.flags.list('label-columns'),
    showLabels: ctx.flags.bool('show-labels'),
  });
}
