/** kubectl version: the client (kubectl 1.32) and the simulated server (the nodes' Kubernetes version). */
import { KUBERNETES_VERSION } from '../../cluster/nodes.ts';
import { toYaml } from '../../printers/index.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError } from '../errors.ts';

export const CLIENT_VERSION = 'v1.32.4';
const KUSTOMIZE_VERSION = 'v5.5.0';

export const versionCommand: CommandSpec = {
  path: ['version'],
  use: 'version',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run(ctx: CommandContext): void {
    const output = ctx.flags.string('output');
    const client = ctx.flags.bool('client');
    if (output === '') {
      ctx.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (!client) ctx.out(`Server Version: ${KUBERNETES_VERSION}\n`);
      return;
    }
    if (output !== 'json' && output !== 'yaml') throw new KubectlError(`--output must be 'yaml' or 'json'`);
    const info = (v: string) => {
      const [major, minor] = v.slice(1).split('.');
      return { major, minor, gitVersion: v, gitCommit: '', gitTreeState: 'clean', buildDate: '', goVersion: 'go1.23.6', compiler: 'gc', platform: 'linux/amd64' };
    };
    const doc: Record<string, unknown> = { clientVersion: info(CLIENT_VERSION), kustomizeVersion: KUSTOMIZE_VERSION };
    if (!client) doc.serverVersion = info(KUBERNETES_VERSION);
    ctx.out(output === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : toYaml(doc as never));
  },
};
