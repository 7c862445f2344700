/**
 * kubectl apply -f (client-side apply): an object that does not exist is created with the
 * last-applied-configuration annotation; one that exists is patched with the three-way strategic
 * merge of the last applied configuration, the manifest and the live object — `configured` — or
 * left alone when that patch is empty — `unchanged`.
 */
import type { KubeObject } from '../../api/types/index.ts';
import { LAST_APPLIED, goJson, lastApplied, pruneNulls, withLastApplied } from '../apply/last-applied.ts';
import { threeWayMergePatch } from '../apply/three-way-merge.ts';
import {
  changeCause, checkValidateFlag, dryRunStrategy, dryRunFlag, fieldManagerFlag, filenameFlags, printFlags, recordFlag, selectorFlag,
  timeoutFlag, validateFlag,
} from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { addSourceToErr, AggregateError, KubectlError, UsageError } from '../errors.ts';
import type { SourcedObject } from '../manifest-files.ts';
import { readManifestFiles } from '../manifest-files.ts';
import { parseOutput, printObjects } from '../output-format.ts';
import { resolveManifest, type Target } from '../resource-builder.ts';
import { matchesLabels } from '../object-filters.ts';

export const applyCommand: CommandSpec = {
  path: ['apply'],
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  flags: [
    ...filenameFlags('that contains the configuration to apply'),
    ...printFlags,
    selectorFlag,
    dryRunFlag,
    recordFlag,
    validateFlag,
    fieldManagerFlag('kubectl-client-side-apply'),
    timeoutFlag,
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'wait', type: 'bool' },
    { name: 'openapi-patch', type: 'bool', default: true },
    { name: 'all', type: 'bool', unsupported: 'pruning is not simulated' },
    { name: 'prune', type: 'bool', unsupported: 'pruning is not simulated' },
    { name: 'prune-allowlist', type: 'stringArray', unsupported: 'pruning is not simulated' },
    { name: 'server-side', type: 'bool', unsupported: 'kubesim applies client-side only' },
    { name: 'force-conflicts', type: 'bool', unsupported: 'kubesim applies client-side only' },
    { name: 'force', type: 'bool', unsupported: 'delete-and-recreate on conflict is not simulated' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'subresource', type: 'string', unsupported: 'kubesim applies client-side only' },
  ],
  run(ctx: CommandContext): void {
    if (ctx.args.length > 0) throw new UsageError(`Unexpected args: [${ctx.args.join(' ')}]`, ctx.commandPath);
    const filenames = ctx.flags.list('filename');
    if (filenames.length === 0) throw new KubectlError('must specify one of -f and -k');
    checkValidateFlag(ctx);
    const { manifests, errors } = readManifestFiles(ctx, filenames);
    applyObjects(ctx, manifests, errors);
  },
};

/** Applies manifests (also what a scenario's `apply:` step runs). */
export function applyObjects(ctx: CommandContext, manifests: SourcedObject[], readErrors: Error[] = []): void {
  const dryRun = dryRunStrategy(ctx);
  if (dryRun === 'server') throw new KubectlError('kubesim does not support --dry-run=server for apply; use --dry-run=client');
  const output = ctx.flags.string('output');
  const format = output === '' || output === 'name' ? undefined : parseOutput(output, { allowTable: false });
  const errors: Error[] = [...readErrors];
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
    count++;
    try {
      const { obj, operation } = applyOne(ctx, target, dryRun === 'client');
      if (format) printed.push(obj);
      else if (output === 'name') printName(ctx, obj, '');
      else printName(ctx, obj, dryRun === 'client' ? `${operation} (dry run)` : operation);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (count === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply');
  if (format && printed.length > 0) printObjects(ctx, format, printed, printed.length === 1);
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
}

function applyOne(ctx: CommandContext, target: Target, dryRun: boolean): { obj: KubeObject; operation: string } {
  const manifest = target.manifest!;
  const cause = changeCause(ctx);
  if (cause) manifest.metadata.annotations = { ...(manifest.metadata.annotations ?? {}), 'kubernetes.io/change-cause': cause };
  if (!target.name) {
    const gen = manifest.metadata.generateName;
    if (gen) throw new KubectlError(`from ${gen}: cannot use generate name with apply`);
  }
  // info.Get(): the REST client refuses a request naming no object before sending it.
  if (!target.name) {
    throw addSourceToErr(`retrieving current configuration of:\n${infoString(target)}\nfrom server for:`, target.source, new KubectlError('resource name may not be empty'));
  }
  const live = ctx.api.tryGet(target.info.kind, target.namespace, target.name);
  const { modified } = withLastApplied(manifest);
  if (!live) {
    const toCreate = pruneNulls(modified);
    if (dryRun) return { obj: toCreate, operation: 'created' };
    try {
      return { obj: ctx.api.create(toCreate), operation: 'created' };
    } catch (e) {
      throw addSourceToErr('creating', target.source, e);
    }
  }
  if (dryRun) return { obj: live, operation: 'configured' };
  if (!live.metadata.annotations?.[LAST_APPLIED]) {
    ctx.err(
      `Warning: resource ${target.info.plural}/${target.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const patch = threeWayMergePatch(lastApplied(live) ?? {}, modified, live);
  if (Object.keys(patch).length === 0) return { obj: live, operation: 'unchanged' };
  let patched: KubeObject;
  try {
    patched = ctx.api.patch(target.info.kind, target.namespace, target.name, 'strategic', patch);
  } catch (e) {
    throw addSourceToErr(`applying patch:\n${goJson(patch)}\nto:\n${infoString(target)}\nfor:`, target.source, addSourceToErr('patching', target.source, e));
  }
  if (patched.metadata.deletionTimestamp) ctx.err(`Warning: Detected changes to resource ${target.name} which is currently being deleted.\n`);
  return { obj: patched, operation: 'configured' };
}

/**
 * resource.Info's String(): the mapping (GroupVersionResource and GroupVersionKind as Go prints
 * them, the core group empty: "/v1, Kind=ConfigMap") and the object's name and namespace.
 */
function infoString(t: Target): string {
  const gv = `${t.info.group}/${t.info.version}`;
  return `Resource: "${gv}, Resource=${t.info.plural}", GroupVersionKind: "${gv}, Kind=${t.info.kind}"\nName: "${t.name}", Namespace: "${t.namespace}"`;
}
