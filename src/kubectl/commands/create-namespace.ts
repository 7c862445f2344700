/** kubectl create namespace NAME: `namespace/NAME created`. */
import type { CommandContext, CommandSpec } from '../context.ts';
import { createGenerated, createGeneratorFlags, nameFromArgs } from './create.ts';

export const createNamespaceCommand: CommandSpec = {
  path: ['create', 'namespace'],
  aliases: ['ns'],
  use: 'create namespace NAME [--dry-run=server|client|none]',
  flags: [...createGeneratorFlags],
  run(ctx: CommandContext): void {
    const name = nameFromArgs(ctx);
    createGenerated(ctx, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  },
};
