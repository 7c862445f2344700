/**
 * kubectl scale --replicas=N (TYPE NAME... | TYPE/NAME... | -f | -l | --all): sets the scale
 * subresource's replicas of deployments, replicasets and statefulsets (`deployment.apps/web scaled`).
 * --current-replicas is a precondition: `Expected replicas to be 2, was 3`.
 */
import type { KubeObject } from '../../api/types/index.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { changeCause, dryRunFlag, dryRunStrategy, filenameFlags, printFlags, recordFlag, selectorFlag, timeoutFlag } from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { aggregate, KubectlError } from '../errors.ts';
import { buildTargets } from '../resource-builder.ts';

/** Kinds with a scale subresource. */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

export const scaleCommand: CommandSpec = {
  path: ['scale'],
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    ...filenameFlags('identifying the resource to set a new size'),
    ...printFlags,
    { name: 'all', type: 'bool' },
    selectorFlag,
    { name: 'replicas', type: 'int', default: 0, required: true },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'resource-version', type: 'string' },
    dryRunFlag,
    recordFlag,
    timeoutFlag,
  ],
  run(ctx: CommandContext): void {
    const f = ctx.flags;
    const replicas = f.int('replicas');
    if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const current = f.int('current-replicas');
    if (current < -1) throw new KubectlError('The --current-replicas must specify an integer of -1 or greater');
    const dryRun = dryRunStrategy(ctx);
    const result = buildTargets(ctx, ctx.args, {
      allowEmptySelector: f.bool('all'),
      selector: f.string('selector') || undefined,
      filenames: f.list('filename'),
    });
    const targets = result.targets.filter((t) => t.object);
    const resourceVersion = f.string('resource-version');
    if (resourceVersion && targets.length > 1) throw new KubectlError('cannot use --resource-version with multiple resources');
    const infoErr = aggregate(result.errors);
    if (targets.length === 0) {
      throw new KubectlError(infoErr ? `no objects passed to scale ${infoErr.message}` : 'no objects passed to scale');
    }
    for (const t of targets) {
      let obj = t.object!;
      if (dryRun !== 'client') {
        obj = scaleOne(ctx, obj, replicas, current, resourceVersion);
        const cause = changeCause(ctx);
        if (cause) {
          obj = ctx.api.patch(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name, 'merge', {
            metadata: { annotations: { 'kubernetes.io/change-cause': cause } },
          });
        }
      }
      printName(ctx, obj, dryRun === 'client' ? 'scaled (dry run)' : 'scaled');
    }
    if (infoErr) throw infoErr;
  },
};

function scaleOne(ctx: CommandContext, obj: KubeObject, replicas: number, current: number, resourceVersion: string): KubeObject {
  if (!SCALABLE.has(obj.kind)) throw new ApiError('NotFound', 'the server could not find the requested resource');
  const live = ctx.api.get(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name);
  const spec = live.spec as { replicas?: number };
  if (current !== -1 && (spec.replicas ?? 1) !== current) {
    throw new KubectlError(`Expected replicas to be ${current}, was ${spec.replicas ?? 1}`);
  }
  if (resourceVersion && live.metadata.resourceVersion !== resourceVersion) {
    throw new KubectlError(`Expected resource version to be ${resourceVersion}, was ${live.metadata.resourceVersion}`);
  }
  return ctx.api.patch(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name, 'merge', { spec: { replicas } });
}
