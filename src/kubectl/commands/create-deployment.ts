/**
 * kubectl create deployment NAME --image=IMAGE... [--replicas=N] [--port=P] [-- COMMAND...]:
 * labels, selector and template labels `app=NAME`; one container per image, named after the image
 * (`nginx:1.25` → `nginx`; `_` and `.` become `-` and a random suffix is added).
 */
import { generateName } from '../../api/names.ts';
import type { Container, Deployment } from '../../api/types/index.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError } from '../errors.ts';
import { createGenerated, createGeneratorFlags, nameFromArgs, wrapped } from './create.ts';

export const createDeploymentCommand: CommandSpec = {
  path: ['create', 'deployment'],
  aliases: ['deploy'],
  use: 'create deployment NAME --image=image -- [COMMAND] [args...]',
  flags: [
    ...createGeneratorFlags,
    { name: 'image', type: 'stringSlice', required: true },
    { name: 'port', type: 'int', default: -1 },
    { name: 'replicas', short: 'r', type: 'int', default: 1 },
  ],
  run(ctx: CommandContext): void {
    const name = nameFromArgs(ctx);
    const images = ctx.flags.list('image');
    const command = ctx.argsLenAtDash >= 0 ? ctx.args.slice(ctx.argsLenAtDash) : [];
    if (images.length > 1 && command.length > 0) throw new KubectlError('cannot specify multiple --image options and command');
    const labels = { app: name };
    const containers: Container[] = images.map((image) => ({
      name: containerName(ctx, image),
      image,
      ...(command.length ? { command } : {}),
    }));
    const port = ctx.flags.int('port');
    if (port >= 0 && containers.length > 0) containers[0].ports = [{ containerPort: port }];
    const deploy: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels, ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}) },
      spec: {
        replicas: ctx.flags.int('replicas'),
        selector: { matchLabels: { ...labels } },
        template: { metadata: { labels: { ...labels } }, spec: { containers } },
      },
    };
    createGenerated(ctx, deploy, wrapped('failed to create deployment: '));
  },
};

function containerName(ctx: CommandContext, image: string): string {
  let name = image.split('/').pop()!;
  name = name.split(':')[0].split('@')[0];
  if (/[_.]/.test(name)) name = generateName(`${name.replace(/[_.]/g, '-')}-`, ctx.cluster.random.names);
  return name;
}
