/** kubectl create secret generic NAME --from-literal=key=value... [--type=T]: `secret/NAME created`. */
import type { Secret } from '../../api/types/index.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError } from '../errors.ts';
import { createGenerated, createGeneratorFlags, nameFromArgs, wrapped } from './create.ts';
import { checkSecretKey, FROM_FILE_UNSUPPORTED, parseLiteralSource } from './literal-source.ts';

export const createSecretGenericCommand: CommandSpec = {
  path: ['create', 'secret', 'generic'],
  use: 'create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  flags: [
    ...createGeneratorFlags,
    { name: 'from-literal', type: 'stringArray' },
    { name: 'type', type: 'string' },
    { name: 'from-file', type: 'stringSlice', unsupported: FROM_FILE_UNSUPPORTED },
    { name: 'from-env-file', type: 'stringSlice', unsupported: FROM_FILE_UNSUPPORTED },
    { name: 'append-hash', type: 'bool', unsupported: 'content hashes are not simulated' },
  ],
  run(ctx: CommandContext): void {
    const name = nameFromArgs(ctx);
    const data: Record<string, string> = {};
    for (const source of ctx.flags.list('from-literal')) {
      const { key, value } = parseLiteralSource(source);
      checkSecretKey(key);
      if (key in data) throw new KubectlError(`cannot add key ${key}, another key by that name already exists`);
      data[key] = Buffer.from(value, 'utf8').toString('base64');
    }
    const secret: Secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}) },
    };
    if (Object.keys(data).length > 0) secret.data = data;
    const type = ctx.flags.string('type');
    if (type) secret.type = type;
    createGenerated(ctx, secret, wrapped('failed to create secret '));
  },
};
