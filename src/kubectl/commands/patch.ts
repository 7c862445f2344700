/**
 * kubectl patch (TYPE NAME | -f FILE) -p PATCH [--type strategic|merge|json]: sends the patch (JSON
 * or YAML) to the API server; `cronjob.batch/x patched`, or `patched (no change)` when the object
 * came back unchanged.
 */
import { parse as parseYaml } from 'yaml';
import type { PatchType } from '../../apiserver/patch.ts';
import { changeCause, dryRunFlag, dryRunStrategy, fieldManagerFlag, filenameFlags, printFlags, recordFlag } from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { aggregate, KubectlError } from '../errors.ts';
import { buildTargets } from '../resource-builder.ts';

const TYPES: Record<string, PatchType> = { json: 'json', merge: 'merge', strategic: 'strategic' };

export const patchCommand: CommandSpec = {
  path: ['patch'],
  use: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  flags: [
    ...printFlags,
    ...filenameFlags('identifying the resource to update'),
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string', default: 'strategic' },
    { name: 'local', type: 'bool', unsupported: 'kubesim only patches objects in the cluster' },
    { name: 'subresource', type: 'string', unsupported: 'kubesim does not patch subresources from kubectl' },
    dryRunFlag,
    recordFlag,
    fieldManagerFlag('kubectl-patch'),
  ],
  run(ctx: CommandContext): void {
    const f = ctx.flags;
    const text = f.string('patch');
    const file = f.string('patch-file');
    if (text && file) throw new KubectlError('cannot specify --patch and --patch-file together');
    if (!text && !file) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
    const typeName = f.string('type');
    const type = TYPES[typeName.toLowerCase()];
    if (typeName && !type) throw new KubectlError(`--type must be one of [json merge strategic], not "${typeName}"`);
    const source = file ? readPatchFile(ctx, file) : text;
    const patch = parsePatch(source, text);
    const dryRun = dryRunStrategy(ctx);
    const result = buildTargets(ctx, ctx.args, { allowEmptySelector: false, filenames: f.list('filename') });
    const errors = [...result.errors];
    let count = 0;
    for (const t of result.targets) {
      count++;
      try {
        if (dryRun === 'client') {
          printName(ctx, t.object!, 'patched (dry run)');
          continue;
        }
        const before = t.object!;
        let after = ctx.api.patch(t.info.kind, t.namespace, t.name, type ?? 'strategic', patch);
        const didPatch = after.metadata.resourceVersion !== before.metadata.resourceVersion || !ctx.api.tryGet(t.info.kind, t.namespace, t.name);
        const cause = changeCause(ctx);
        if (cause) after = ctx.api.patch(t.info.kind, t.namespace, t.name, 'merge', { metadata: { annotations: { 'kubernetes.io/change-cause': cause } } });
        printName(ctx, after, didPatch ? 'patched' : 'patched (no change)');
      } catch (e) {
        errors.push(e as Error);
      }
    }
    const err = aggregate(errors);
    if (err) throw err;
    if (count === 0) throw new KubectlError('no objects passed to patch');
  },
};

function readPatchFile(ctx: CommandContext, path: string): string {
  try {
    if (!ctx.readFile) throw Object.assign(new Error('no files'), { code: 'ENOENT' });
    return ctx.readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const detail = code === 'ENOENT' ? `open ${path}: no such file or directory` : (e as Error).message;
    throw new KubectlError(`unable to read patch file: ${detail}`);
  }
}

/** yaml.ToJSON: the patch may be JSON or YAML. */
function parsePatch(source: string, shown: string): unknown {
  try {
    return parseYaml(source, { version: '1.1' });
  } catch (e) {
    const detail = (e as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new KubectlError(`unable to parse "${shown}": error converting YAML to JSON: yaml: ${detail}`);
  }
}
