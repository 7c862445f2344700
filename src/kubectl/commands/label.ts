/**
 * kubectl label TYPE NAME k=v k2- ...: merge-patches the labels (`node/worker1 labeled`;
 * `not labeled` when nothing changes; `unlabeled` when only removals without --overwrite). Changing
 * an existing value needs --overwrite: `'k' already has a value (v), and --overwrite is false`.
 */
import type { KubeObject } from '../../api/types/index.ts';
import { clone } from '../../api/object-util.ts';
import { goJson } from '../apply/last-applied.ts';
import { allNamespacesFlag, changeCause, dryRunFlag, dryRunStrategy, fieldSelectorFlag, filenameFlags, printFlags, recordFlag, selectorFlag } from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { aggregate, AggregateError, KubectlError } from '../errors.ts';
import { createMergePatch } from '../merge-patch-diff.ts';
import { labelValueErrors, resourcesAndPairs } from '../metadata-pairs.ts';
import { buildTargets } from '../resource-builder.ts';

export const labelCommand: CommandSpec = {
  path: ['label'],
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: metadataCommandFlags('kubectl-label'),
  run(ctx: CommandContext): void {
    const { resources, pairs } = resourcesAndPairs(ctx.args, 'label');
    const { add, remove } = parseLabels(pairs);
    runMetadataUpdate(ctx, resources, {
      noun: 'label',
      hasUpdates: add.size > 0 || remove.length > 0,
      field: 'labels',
      update(obj, overwrite) {
        for (const k of remove) if (!(k in (obj.metadata.labels ?? {}))) ctx.out(`label "${k}" not found.\n`);
        if (!overwrite) {
          const errs = [...add].filter(([k, v]) => k in (obj.metadata.labels ?? {}) && obj.metadata.labels![k] !== v);
          if (errs.length > 0) {
            throw new AggregateError(errs.map(([k]) => new KubectlError(`'${k}' already has a value (${obj.metadata.labels![k]}), and --overwrite is false`)));
          }
        }
        const labels = { ...(obj.metadata.labels ?? {}) };
        for (const [k, v] of add) labels[k] = v;
        for (const k of remove) delete labels[k];
        obj.metadata.labels = labels;
      },
      message(oldJson, newJson, overwrite) {
        if (oldJson === newJson) return 'not labeled';
        return !overwrite && newJson.length < oldJson.length ? 'unlabeled' : 'labeled';
      },
    });
  },
};

/** label.parseLabels: `k=v` (one `=` only, a valid label value) or `k-`. */
function parseLabels(specs: string[]): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
      const errs = labelValueErrors(parts[1]);
      if (errs.length > 0) throw new KubectlError(`invalid label value: "${spec}": ${errs.join(';')}`);
      add.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new KubectlError(`unknown label spec: ${spec}`);
    }
  }
  if (remove.some((k) => add.has(k))) throw new KubectlError('can not both modify and remove a label in the same command');
  return { add, remove };
}

export function metadataCommandFlags(fieldManager: string) {
  return [
    ...printFlags,
    ...filenameFlags('identifying the resource to update'),
    { name: 'all', type: 'bool' as const },
    allNamespacesFlag,
    selectorFlag,
    fieldSelectorFlag,
    { name: 'overwrite', type: 'bool' as const },
    { name: 'list', type: 'bool' as const },
    { name: 'local', type: 'bool' as const, unsupported: 'kubesim only changes objects in the cluster' },
    { name: 'resource-version', type: 'string' as const },
    { name: 'field-manager', type: 'string' as const, default: fieldManager },
    dryRunFlag,
    recordFlag,
  ];
}

export interface MetadataUpdate {
  noun: 'label' | 'annotation';
  hasUpdates: boolean;
  field: 'labels' | 'annotations';
  /** Changes a copy of the object; throws to refuse this object. */
  update(obj: KubeObject, overwrite: boolean): void;
  /** The printed operation, from the object's JSON before and after. */
  message(oldJson: string, newJson: string, overwrite: boolean): string;
}

/** The shared body of `label` and `annotate` (RunLabel / RunAnnotate). */
export function runMetadataUpdate(ctx: CommandContext, resources: string[], u: MetadataUpdate): void {
  const f = ctx.flags;
  if (f.bool('list') && f.string('output')) throw new KubectlError('--list and --output may not be specified together');
  if (f.bool('all') && f.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time');
  if (f.bool('all') && f.string('field-selector')) throw new KubectlError('cannot set --all and --field-selector at the same time');
  const filenames = f.list('filename');
  if (resources.length < 1 && filenames.length === 0) {
    throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (!u.hasUpdates && !f.bool('list')) throw new KubectlError(`at least one ${u.noun} update is required`);
  const dryRun = dryRunStrategy(ctx);
  const result = buildTargets(ctx, resources, {
    allowEmptySelector: f.bool('all'),
    selector: f.string('selector') || undefined,
    fieldSelector: f.string('field-selector') || undefined,
    allNamespaces: f.bool('all-namespaces'),
    filenames,
  });
  const resourceVersion = f.string('resource-version');
  if (resourceVersion && !result.singleItemImplied) throw new KubectlError('--resource-version may only be used with a single resource');
  const errors: Error[] = [...result.errors];
  const overwrite = f.bool('overwrite');
  for (const t of result.targets) {
    const live = t.object!;
    const obj = clone(live);
    if (resourceVersion) delete obj.metadata.resourceVersion;
    const oldJson = goJson(obj);
    let output: KubeObject = live;
    try {
      const cause = changeCause(ctx);
      if (u.noun === 'annotation' && cause) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), 'kubernetes.io/change-cause': cause };
      u.update(obj, overwrite);
      if (u.noun === 'label' && cause) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), 'kubernetes.io/change-cause': cause };
      if (resourceVersion) obj.metadata.resourceVersion = resourceVersion;
      const newJson = goJson(obj);
      const operation = u.message(oldJson, newJson, overwrite);
      if (dryRun === 'none' && !f.bool('list')) {
        const patch = createMergePatch(JSON.parse(oldJson), JSON.parse(newJson));
        if (resourceVersion && live.metadata.resourceVersion !== resourceVersion) {
          throw new KubectlError(`Operation cannot be fulfilled on ${t.info.plural} "${t.name}": the object has been modified; please apply your changes to the latest version and try again`);
        }
        output = ctx.api.patch(t.info.kind, t.namespace, t.name, 'merge', patch);
      } else output = obj;
      if (f.bool('list')) {
        const indent = result.singleItemImplied ? '' : ' ';
        if (!result.singleItemImplied) ctx.out(`Listing ${u.field} for ${t.info.kind}.${t.info.group}/${t.name}:\n`);
        for (const [k, v] of Object.entries(output.metadata[u.field] ?? {})) ctx.out(`${indent}${k}=${v}\n`);
        continue;
      }
      printName(ctx, output, dryRun === 'client' ? `${operation} (dry run)` : dryRun === 'server' ? `${operation} (server dry run)` : operation);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
}
