/**
 * kubectl create -f: creates each object of the files (`deployment.apps/web created`); an object
 * that exists is an error (`Error from server (AlreadyExists): error when creating "x.yaml": ...`).
 * `create namespace|secret|configmap|job|deployment` are subcommands in their own files.
 */
import { findKind } from '../../api/kinds.ts';
import type { KubeObject } from '../../api/types/index.ts';
import { withLastApplied } from '../apply/last-applied.ts';
import {
  changeCause, checkValidateFlag, dryRunFlag, dryRunStrategy, fieldManagerFlag, filenameFlags, printFlags, recordFlag, selectorFlag, validateFlag,
} from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { addSourceToErr, aggregate, KubectlError, UsageError } from '../errors.ts';
import { readManifestFiles, type SourcedObject } from '../manifest-files.ts';
import { matchesLabels } from '../object-filters.ts';
import { parseOutput, printObjects } from '../output-format.ts';
import { resolveManifest } from '../resource-builder.ts';

/** Flags every `create` generator has. */
export const createGeneratorFlags = [
  ...printFlags,
  dryRunFlag,
  fieldManagerFlag('kubectl-create'),
  validateFlag,
  { name: 'save-config', type: 'bool' as const },
];

export const createCommand: CommandSpec = {
  path: ['create'],
  use: 'create -f FILENAME',
  flags: [
    ...filenameFlags('to use to create the resource'),
    ...createGeneratorFlags,
    selectorFlag,
    recordFlag,
    { name: 'edit', type: 'bool', unsupported: 'kubesim has no editor' },
    { name: 'raw', type: 'string', unsupported: 'kubesim has no raw HTTP API' },
    { name: 'windows-line-endings', type: 'bool' },
  ],
  run(ctx: CommandContext): void {
    if (ctx.args.length > 0) throw new UsageError(`Unexpected args: [${ctx.args.join(' ')}]`, ctx.commandPath);
    const filenames = ctx.flags.list('filename');
    if (filenames.length === 0) throw new KubectlError('must specify one of -f and -k');
    checkValidateFlag(ctx);
    const { manifests, errors } = readManifestFiles(ctx, filenames);
    createObjects(ctx, manifests, errors);
  },
};

/** Creates manifests (also what a scenario's `create:` step runs). */
export function createObjects(ctx: CommandContext, manifests: SourcedObject[], readErrors: Error[] = []): void {
  const dryRun = dryRunStrategy(ctx);
  const output = ctx.flags.string('output');
  const format = output === '' || output === 'name' ? undefined : parseOutput(output, { allowTable: false });
  const errors = [...readErrors];
  const printed: KubeObject[] = [];
  const selector = ctx.flags.string('selector');
  let count = 0;
  for (const m of manifests) {
    if (selector && !matchesLabels(m.object, selector)) continue;
    const target = resolveManifest(ctx, m.object, m.source);
    if (target instanceof Error) {
      errors.push(target);
      continue;
    }
    let obj = target.manifest!;
    if (ctx.flags.bool('save-config')) obj = withLastApplied(obj).modified;
    const cause = changeCause(ctx);
    if (cause) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), 'kubernetes.io/change-cause': cause };
    try {
      if (dryRun === 'none') obj = ctx.api.create(obj);
      else if (dryRun === 'server') obj = ctx.api.create(obj, { dryRun: true });
    } catch (e) {
      errors.push(addSourceToErr('creating', m.source, e));
      continue;
    }
    count++;
    if (format) printed.push(obj);
    else printName(ctx, obj, output === 'name' ? '' : `created${dryRunSuffix(dryRun)}`);
  }
  if (format && printed.length > 0) printObjects(ctx, format, printed, printed.length === 1);
  const err = aggregate(errors);
  if (err) throw err;
  if (count === 0) throw new KubectlError('no objects passed to create');
}

export function dryRunSuffix(dryRun: string): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** cmdutil.NameFromCommandArgs: the one NAME argument (before any `--`). */
export function nameFromArgs(ctx: CommandContext): string {
  const n = ctx.argsLenAtDash === -1 ? ctx.args.length : ctx.argsLenAtDash;
  if (n !== 1) throw new UsageError(`exactly one NAME is required, got ${n}`, ctx.commandPath);
  return ctx.args[0];
}

/**
 * The end of every `create <generator>`: --save-config, the create itself (unless --dry-run=client),
 * and the output (`secret/x created`, or -o yaml|json|name). Generators put a namespace in the
 * object only when -n was given, as kubectl does (it shows in --dry-run=client -o yaml).
 */
export function createGenerated(ctx: CommandContext, obj: KubeObject, wrapError?: (e: unknown) => Error, operation = 'created'): KubeObject {
  checkValidateFlag(ctx);
  const dryRun = dryRunStrategy(ctx);
  const output = ctx.flags.string('output');
  const format = output === '' || output === 'name' ? undefined : parseOutput(output, { allowTable: false });
  if (ctx.flags.has('save-config') && ctx.flags.bool('save-config')) obj = withLastApplied(obj).modified;
  let result = obj;
  if (dryRun !== 'client') {
    // The request goes to the session's namespace even when the object does not name one.
    const info = findKind(obj.kind);
    const toCreate = info?.namespaced ? { ...obj, metadata: { ...obj.metadata, namespace: obj.metadata.namespace || ctx.namespace } } : obj;
    try {
      result = ctx.api.create(toCreate, { dryRun: dryRun === 'server' });
    } catch (e) {
      throw wrapError ? wrapError(e) : e;
    }
  }
  if (format) printObjects(ctx, format, [result], true);
  else printName(ctx, result, output === 'name' ? '' : `${operation}${dryRunSuffix(dryRun)}`);
  return result;
}

/** `fmt.Errorf("failed to create job: %v", err)`: the API error's text inside a client error. */
export function wrapped(prefix: string): (e: unknown) => Error {
  return (e) => new KubectlError(`${prefix}${e instanceof Error ? e.message : String(e)}`);
}
