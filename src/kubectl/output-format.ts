/**
 * `-o` for kubectl commands: which output formats exist, and printing objects in the non-table
 * ones (yaml, json, name, custom-columns). The formatting itself is the printers' (one
 * implementation of each format); this module only chooses and checks, with kubectl's error for an
 * unknown format.
 */
import type { KubeObject } from '../api/types/index.ts';
import { customColumns, formatTable, jsonpath, listWrapper, toJson, toName, toYaml } from '../printers/index.ts';
import type { CommandContext } from './context.ts';
import { KubectlError } from './errors.ts';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'custom-columns'; spec: string }
  | { kind: 'jsonpath'; template: string };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** Parses -o; `table` means the default human-readable output. */
export function parseOutput(value: string, opts: { allowTable?: boolean } = {}): OutputFormat {
  const allowTable = opts.allowTable ?? true;
  if (value === '' && allowTable) return { kind: 'table', wide: false };
  if (value === 'wide' && allowTable) return { kind: 'table', wide: true };
  if (value === 'yaml') return { kind: 'yaml' };
  if (value === 'json') return { kind: 'json' };
  if (value === 'name') return { kind: 'name' };
  if (value.startsWith('custom-columns=')) {
    const spec = value.slice('custom-columns='.length);
    if (spec === '') throw new KubectlError('custom-columns format specified but no custom columns given');
    return { kind: 'custom-columns', spec };
  }
  if (value.startsWith('jsonpath=')) {
    const template = value.slice('jsonpath='.length);
    if (template === '') throw new KubectlError('template format specified but no template given');
    return { kind: 'jsonpath', template };
  }
  const base = value.split('=')[0];
  if (['custom-columns-file', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'].includes(base)) {
    throw new KubectlError(`kubesim does not support -o ${base} yet; use -o yaml, -o json, -o name, -o jsonpath=... or -o custom-columns=...`);
  }
  const formats = allowTable ? ALLOWED : ALLOWED.replace(',wide', '');
  throw new KubectlError(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${formats}`);
}

/**
 * Prints objects in a non-table format. A single named object prints as itself; anything else as
 * a `kind: List` (kubectl get's printGeneric).
 */
export function printObjects(ctx: CommandContext, format: OutputFormat, objs: KubeObject[], single: boolean, noHeaders = false): void {
  switch (format.kind) {
    case 'yaml':
      ctx.out(ensureNewline(single && objs.length === 1 ? toYaml(objs[0]) : toYaml(objs)));
      return;
    case 'json':
      ctx.out(ensureNewline(single && objs.length === 1 ? toJson(objs[0]) : toJson(objs)));
      return;
    case 'name':
      for (const o of objs) ctx.out(`${toName(o)}\n`);
      return;
    case 'custom-columns': {
      let table: { headers: string[]; rows: string[][] };
      try {
        table = customColumns(format.spec, objs);
      } catch (e) {
        throw new KubectlError((e as Error).message);
      }
      // An empty list still prints the header line.
      ctx.out(objs.length === 0 ? (noHeaders ? '' : `${formatTable(table.headers, [table.headers]).split('\n')[0]}\n`) : formatTable(table.headers, table.rows, { noHeaders }));
      return;
    }
    case 'jsonpath': {
      const data = single && objs.length === 1 ? objs[0] : listWrapper(objs);
      try {
        ctx.out(jsonpath(format.template, data));
      } catch (e) {
        throw new KubectlError(`error executing jsonpath ${JSON.stringify(format.template)}: ${(e as Error).message}`);
      }
      return;
    }
    case 'table':
      throw new Error('printObjects: tables are printed by the command');
  }
}

export function ensureNewline(s: string): string {
  return s === '' || s.endsWith('\n') ? s : `${s}\n`;
}
