/**
 * kubectl config: the session's kubeconfig. `set-context --current --namespace=NS` (or a context
 * name) changes a context's namespace — `Context "kubernetes-admin@kubernetes" modified.` —,
 * `current-context` prints its name, `view [--minify]` prints the kubeconfig (credentials
 * redacted as kubectl redacts them).
 */
import { toJson, toYaml } from '../../printers/index.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError } from '../errors.ts';

const SERVER = 'https://127.0.0.1:6443';

export const configSetContextCommand: CommandSpec = {
  path: ['config', 'set-context'],
  use: 'config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
  flags: [
    { name: 'current', type: 'bool' },
    { name: 'namespace', type: 'string' },
    { name: 'cluster', type: 'string' },
    { name: 'user', type: 'string' },
  ],
  run(ctx: CommandContext): void {
    const kc = ctx.kubeconfig;
    const current = ctx.flags.bool('current');
    if (ctx.args.length > 1) throw new KubectlError(`unexpected args: [${ctx.args.slice(1).join(' ')}]`);
    if (current && ctx.args.length > 0) throw new KubectlError('you cannot specify both a context name and --current');
    const name = current ? kc.currentContext : (ctx.args[0] ?? '');
    if (!name) throw new KubectlError('you must specify a non-empty context name or --current');
    const existing = kc.contexts.get(name);
    const next = existing ? { ...existing } : { cluster: '', user: '', namespace: '' };
    if (ctx.flags.changed('namespace')) next.namespace = ctx.flags.string('namespace');
    if (ctx.flags.changed('cluster')) next.cluster = ctx.flags.string('cluster');
    if (ctx.flags.changed('user')) next.user = ctx.flags.string('user');
    kc.contexts.set(name, next);
    ctx.out(`Context "${name}" ${existing ? 'modified' : 'created'}.\n`);
  },
};

export const configCurrentContextCommand: CommandSpec = {
  path: ['config', 'current-context'],
  use: 'config current-context',
  flags: [],
  run(ctx: CommandContext): void {
    ctx.out(`${ctx.kubeconfig.currentContext}\n`);
  },
};

export const configViewCommand: CommandSpec = {
  path: ['config', 'view'],
  use: 'config view',
  flags: [
    { name: 'minify', type: 'bool' },
    { name: 'raw', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'merge', type: 'bool', default: true },
    { name: 'output', short: 'o', type: 'string', default: 'yaml' },
  ],
  run(ctx: CommandContext): void {
    const kc = ctx.kubeconfig;
    const raw = ctx.flags.bool('raw');
    const secret = (v: string) => (raw ? v : 'DATA+OMITTED');
    const names = ctx.flags.bool('minify') ? [kc.currentContext] : [...kc.contexts.keys()].sort();
    const contexts = names.map((name) => {
      const c = kc.contexts.get(name)!;
      const context: Record<string, string> = {};
      if (c.cluster) context.cluster = c.cluster;
      if (c.namespace) context.namespace = c.namespace;
      if (c.user) context.user = c.user;
      return { context, name };
    });
    const config = {
      apiVersion: 'v1',
      clusters: [{ cluster: { 'certificate-authority-data': secret('LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg=='), server: SERVER }, name: 'kubernetes' }],
      contexts,
      'current-context': kc.currentContext,
      kind: 'Config',
      preferences: {},
      users: [
        {
          name: 'kubernetes-admin',
          user: { 'client-certificate-data': secret('LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg=='), 'client-key-data': secret('LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=') },
        },
      ],
    };
    const output = ctx.flags.string('output');
    if (output === 'json') ctx.out(toJson(config as never));
    else if (output === 'yaml') ctx.out(toYaml(config as never));
    else throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
  },
};

