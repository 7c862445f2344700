/**
 * `kubectl get` tables: rows of cells from the column definitions, decorated as kubectl decorates
 * them (a NAMESPACE column first for -A, `kind/` before names when several kinds print together,
 * `-L key` columns, LABELS last for --show-labels), and laid out by the tabwriter.
 */
import { findKind, qualifiedKind } from '../api/kinds.ts';
import { formatLabels } from '../api/selector.ts';
import type { KubeObject } from '../api/types/index.ts';
import { columnsFor } from './columns.ts';
import { GET_TABWRITER, tabwrite } from './tabwriter.ts';
import type { PrintContext } from './types.ts';

export interface RowOptions {
  /** `-o wide`: include the wide columns. */
  wide?: boolean;
  /** `-A` (or any listing across namespaces): a NAMESPACE column first. */
  withNamespace?: boolean;
  /** Prefix names with `kind/` (`pod/web-1`, `deployment.apps/web`), as for several kinds at once. */
  withKind?: boolean;
  /** `-L key1,key2`: one column per key, headed by the key's last path segment uppercased. */
  labelColumns?: readonly string[];
  /** `--show-labels`: a LABELS column last. */
  showLabels?: boolean;
}

/** The header of a `-L` column: `app.kubernetes.io/name` → `NAME`. */
export function labelColumnHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1].toUpperCase();
}

/** Headers and cells of a kind's table, one row per object in the order given. */
export function printRows(kind: string, objs: readonly KubeObject[], ctx: PrintContext, opts: RowOptions = {}): { headers: string[]; rows: string[][] } {
  const columns = columnsFor(kind).filter((c) => opts.wide || !c.wide);
  const labelKeys = opts.labelColumns ?? [];
  const headers = [
    ...(opts.withNamespace ? ['NAMESPACE'] : []),
    ...columns.map((c) => c.name),
    ...labelKeys.map(labelColumnHeader),
    ...(opts.showLabels ? ['LABELS'] : []),
  ];
  const info = findKind(kind);
  const prefix = opts.withKind ? `${info ? qualifiedKind(info) : kind.toLowerCase()}/` : '';
  const rows = objs.map((obj) => {
    const cells = columns.map((c) => {
      const v = c.cell(obj, ctx);
      return c.nameColumn && prefix ? prefix + v : v;
    });
    const labels = obj.metadata.labels ?? {};
    return [
      ...(opts.withNamespace ? [obj.metadata.namespace ?? ''] : []),
      ...cells,
      ...labelKeys.map((k) => labels[k] ?? ''),
      ...(opts.showLabels ? [formatLabels(labels)] : []),
    ];
  });
  return { headers, rows };
}

/**
 * A cell as kubectl writes it: cut at the first line break (`\n`, `\r` or form feed) with "...",
 * the escape character shown as `^[`.
 */
export function cellText(cell: string): string {
  const brk = cell.search(/[\f\n\r]/);
  const text = brk >= 0 ? cell.slice(0, brk) + '...' : cell;
  return text.replace(/\x1b/g, '^[');
}

/**
 * The table as kubectl prints it; ends with "\n". No rows print nothing at all (kubectl then
 * says "No resources found" on stderr, which is the command's business), unless
 * `headersWhenEmpty` (custom-columns prints its header before it fails on the first object).
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  opts: { noHeaders?: boolean; headersWhenEmpty?: boolean } = {},
): string {
  if (rows.length === 0 && (opts.noHeaders || !opts.headersWhenEmpty)) return '';
  const lines = opts.noHeaders ? [] : [headers.join('\t')];
  for (const row of rows) lines.push(row.map(cellText).join('\t'));
  return tabwrite(lines.join('\n') + '\n', GET_TABWRITER);
}
