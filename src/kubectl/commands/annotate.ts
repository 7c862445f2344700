/**
 * kubectl annotate TYPE NAME k=v k2- ...: merge-patches the annotations (`pod/web annotated`).
 * Changing an existing value needs --overwrite (the change-cause annotation excepted):
 * `--overwrite is false but found the following declared annotation(s): 'k' already has a value (v)`.
 */
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError } from '../errors.ts';
import { parsePairs, resourcesAndPairs } from '../metadata-pairs.ts';
import { metadataCommandFlags, runMetadataUpdate } from './label.ts';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export const annotateCommand: CommandSpec = {
  path: ['annotate'],
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: metadataCommandFlags('kubectl-annotate'),
  run(ctx: CommandContext): void {
    const { resources, pairs } = resourcesAndPairs(ctx.args, 'annotation');
    const { add, remove } = parsePairs(pairs, 'annotation', true);
    const conflicting = remove.filter((k) => add.has(k));
    if (conflicting.length > 0) {
      throw new KubectlError(`can not both modify and remove the following annotation(s) in the same command: ${conflicting.join(', ')}`);
    }
    runMetadataUpdate(ctx, resources, {
      noun: 'annotation',
      hasUpdates: add.size > 0 || remove.length > 0,
      field: 'annotations',
      update(obj, overwrite) {
        const current = obj.metadata.annotations ?? {};
        if (!overwrite) {
          const found = [...add].filter(([k, v]) => k !== CHANGE_CAUSE && k in current && current[k] !== v);
          if (found.length > 0) {
            throw new KubectlError(
              `--overwrite is false but found the following declared annotation(s): ${found.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')}`,
            );
          }
        }
        const annotations = { ...current };
        for (const [k, v] of add) annotations[k] = v;
        for (const k of remove) delete annotations[k];
        obj.metadata.annotations = annotations;
      },
      message: () => 'annotated',
    });
  },
};
