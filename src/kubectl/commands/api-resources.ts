/**
 * kubectl api-resources: the kinds the simulated API serves (NAME SHORTNAMES APIVERSION NAMESPACED
 * KIND), sorted by group (core first), then name; `-o name`, `-o wide`, `--namespaced`, `--api-group`.
 */
import { KINDS, type KindInfo } from '../../api/kinds.ts';
import { formatTable } from '../../printers/index.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError } from '../errors.ts';
import { CATEGORY_ALL } from '../resource-builder.ts';

const VERBS = 'create,delete,deletecollection,get,list,patch,update,watch';

export const apiResourcesCommand: CommandSpec = {
  path: ['api-resources'],
  use: 'api-resources [flags]',
  flags: [
    { name: 'api-group', type: 'string' },
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'no-headers', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'sort-by', type: 'string' },
    { name: 'verbs', type: 'stringSlice' },
    { name: 'categories', type: 'stringSlice' },
    { name: 'cached', type: 'bool' },
  ],
  run(ctx: CommandContext): void {
    const f = ctx.flags;
    const output = f.string('output');
    if (!['', 'wide', 'name'].includes(output)) throw new KubectlError(`--output ${output} is not available`);
    const sortBy = f.string('sort-by');
    if (sortBy && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError(`--sort-by accepts only name or kind`);
    let kinds = [...KINDS];
    if (f.changed('api-group')) kinds = kinds.filter((k) => k.group === f.string('api-group'));
    if (f.changed('namespaced')) kinds = kinds.filter((k) => k.namespaced === f.bool('namespaced'));
    const categories = f.list('categories');
    if (categories.length > 0) kinds = kinds.filter((k) => categories.every((c) => c === 'all' && isInAll(k)));
    kinds.sort((a, b) => {
      const [x, y] = sortBy === 'name' ? [a.plural, b.plural] : sortBy === 'kind' ? [a.kind, b.kind] : [a.group, b.group];
      return x < y ? -1 : x > y ? 1 : a.plural < b.plural ? -1 : 1;
    });
    if (output === 'name') {
      for (const k of kinds) ctx.out(`${k.plural}${k.group ? `.${k.group}` : ''}\n`);
      return;
    }
    const headers = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])];
    const rows = kinds.map((k) => [
      k.plural,
      k.shortNames.join(','),
      k.apiVersion,
      String(k.namespaced),
      k.kind,
      ...(output === 'wide' ? [VERBS, isInAll(k) ? 'all' : ''] : []),
    ]);
    ctx.out(formatTable(headers, rows, { noHeaders: f.bool('no-headers') }));
  },
};

function isInAll(k: KindInfo): boolean {
  return CATEGORY_ALL.includes(k.group ? `${k.plural}.${k.group}` : k.plural);
}
