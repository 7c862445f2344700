/**
 * kubectl create job NAME --image=IMAGE [-- COMMAND...], or --from=cronjob/NAME: the CronJob's job
 * template, with the annotation `cronjob.kubernetes.io/instantiate: manual` and an ownerReference
 * to the CronJob (controller, without blockOwnerDeletion, as kubectl sets it).
 */
import { createJobFromCronJob } from '../../controllers/cronjob/utils.ts';
import type { CronJob, Job } from '../../api/types/index.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError } from '../errors.ts';
import { buildTargets } from '../resource-builder.ts';
import { createGenerated, createGeneratorFlags, nameFromArgs, wrapped } from './create.ts';

export const createJobCommand: CommandSpec = {
  path: ['create', 'job'],
  use: 'create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
  flags: [...createGeneratorFlags, { name: 'image', type: 'string' }, { name: 'from', type: 'string' }],
  run(ctx: CommandContext): void {
    const name = nameFromArgs(ctx);
    const image = ctx.flags.string('image');
    const from = ctx.flags.string('from');
    const command = ctx.argsLenAtDash >= 0 ? ctx.args.slice(ctx.argsLenAtDash) : [];
    if ((!image && !from) || (image && from)) throw new KubectlError('either --image or --from must be specified');
    if (command.length > 0 && from) throw new KubectlError('cannot specify --from and command');
    const ns = ctx.explicitNamespace ? { namespace: ctx.namespace } : {};
    let job: Job;
    if (image) {
      job = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name, ...ns },
        spec: {
          template: {
            spec: { containers: [{ name, image, ...(command.length ? { command } : {}) }], restartPolicy: 'Never' },
          },
        },
      };
    } else {
      const result = buildTargets(ctx, [from], { allowEmptySelector: false });
      if (result.errors.length > 0) throw result.errors[0];
      if (result.targets.length !== 1) throw new KubectlError('from must be an existing cronjob');
      const source = result.targets[0].object!;
      if (source.kind !== 'CronJob') throw new KubectlError(`unknown object type *v1.${source.kind}`);
      job = createJobFromCronJob(source as CronJob, name);
      Object.assign(job.metadata, ns);
    }
    createGenerated(ctx, job, wrapped('failed to create job: '));
  },
};

