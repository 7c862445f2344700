/**
 * kubectl create configmap NAME --from-literal=key=value...: `configmap/NAME created`.
 * A literal's value may be quoted (`--from-literal=msg='hi there'`); the quotes are trimmed.
 */
import type { ConfigMap } from '../../api/types/index.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError } from '../errors.ts';
import { createGenerated, createGeneratorFlags, nameFromArgs, wrapped } from './create.ts';
import { FROM_FILE_UNSUPPORTED, parseLiteralSource } from './literal-source.ts';

export const createConfigMapCommand: CommandSpec = {
  path: ['create', 'configmap'],
  aliases: ['cm'],
  use: 'create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  flags: [
    ...createGeneratorFlags,
    { name: 'from-literal', type: 'stringArray' },
    { name: 'from-file', type: 'stringSlice', unsupported: FROM_FILE_UNSUPPORTED },
    { name: 'from-env-file', type: 'stringSlice', unsupported: FROM_FILE_UNSUPPORTED },
    { name: 'append-hash', type: 'bool', unsupported: 'content hashes are not simulated' },
  ],
  run(ctx: CommandContext): void {
    const name = nameFromArgs(ctx);
    const data: Record<string, string> = {};
    for (const source of ctx.flags.list('from-literal')) {
      const { key, value } = parseLiteralSource(source);
      if (!/^[-._a-zA-Z0-9]+$/.test(key) || key === '.' || key === '..' || key.startsWith('..') || key.length > 253) {
        throw new KubectlError(
          `"${key}" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
        );
      }
      if (key in data) throw new KubectlError(`cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`);
      data[key] = value;
    }
    const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}) } };
    if (Object.keys(data).length > 0) cm.data = data;
    createGenerated(ctx, cm, wrapped('failed to create configmap: '));
  },
};
