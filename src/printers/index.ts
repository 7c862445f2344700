/**
 * Printers: pure functions from API objects to the text kubectl prints. The same column
 * definitions serve `kubectl get`, the scenario checks on columns (`{STATUS: Running}` reads the
 * STATUS cell of `-o wide`) and the TUI tables.
 *
 *   columnsFor / printRows / formatTable     kubectl get tables (server-side printers + tabwriter)
 *   describe                                 kubectl describe
 *   toYaml / toJson / toName                 -o yaml, -o json, -o name
 *   customColumns / fieldPathValues / jsonpath   -o custom-columns, -o jsonpath
 */
export type { ColumnDef, PrintContext } from './types.ts';
export { columnsFor, hasPrinter } from './columns.ts';
export { cellText, formatTable, labelColumnHeader, printRows, type RowOptions } from './table.ts';
export { describe } from './describe/index.ts';
export { goJson, listWrapper, toJson, toName, toYaml } from './output.ts';
export { CustomColumnsError, customColumns, fieldPathValues, jsonpath, parseCustomColumns, relaxedFieldSpec } from './custom-columns.ts';
export { podSummary, restartsCell, type PodSummary } from './pod.ts';
export { tabwrite, GET_TABWRITER, DESCRIBE_TABWRITER } from './tabwriter.ts';
