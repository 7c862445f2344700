/**
 * kubectl create secret docker-registry NAME --docker-server --docker-username --docker-password
 * [--docker-email]: a `kubernetes.io/dockerconfigjson` Secret whose `.dockerconfigjson` is
 *
 *   {"auths":{"docker.io":{"username":"hiondal","password":"11111","auth":"aGlvbmRhbDoxMTExMQ=="}}}
 *
 * (`auth` is base64 of `username:password`; email only when given), stored base64-encoded.
 */
import type { Secret } from '../../api/types/index.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError } from '../errors.ts';
import { createGenerated, createGeneratorFlags, nameFromArgs, wrapped } from './create.ts';
import { FROM_FILE_UNSUPPORTED } from './literal-source.ts';

export const createSecretDockerRegistryCommand: CommandSpec = {
  path: ['create', 'secret', 'docker-registry'],
  use: 'create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]',
  flags: [
    ...createGeneratorFlags,
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' },
    { name: 'docker-username', type: 'string' },
    { name: 'docker-password', type: 'string' },
    { name: 'docker-email', type: 'string' },
    { name: 'from-file', type: 'stringSlice', unsupported: FROM_FILE_UNSUPPORTED },
    { name: 'append-hash', type: 'bool', unsupported: 'content hashes are not simulated' },
  ],
  run(ctx: CommandContext): void {
    const name = nameFromArgs(ctx);
    const f = ctx.flags;
    const server = f.string('docker-server');
    const username = f.string('docker-username');
    const password = f.string('docker-password');
    if (!username || !password || !server) {
      throw new KubectlError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    }
    const secret: Secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}) },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': Buffer.from(dockerConfigJson(username, password, f.string('docker-email'), server), 'utf8').toString('base64') },
    };
    createGenerated(ctx, secret, wrapped('failed to create secret '));
  },
};

/** handleDockerCfgJSONContent: the fields in Go struct order, empty ones omitted, HTML-safe escapes. */
export function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: Record<string, string> = {};
  if (username) entry.username = username;
  if (password) entry.password = password;
  if (email) entry.email = email;
  const auth = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  if (auth) entry.auth = auth;
  return JSON.stringify({ auths: { [server]: entry } })
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}
