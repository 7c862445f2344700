/** The shapes the printers share: what a printer may read (now, the store) and a table column. */
import type { ObjectStore } from '../api/store.ts';
import type { KubeObject } from '../api/types/index.ts';

/** What printing may read: the virtual clock's `now` (ms since the epoch) and the object store. */
export interface PrintContext {
  now: number;
  store: ObjectStore;
  /** The renewTime of a node's lease (describe node's Lease section), when the cluster knows it. */
  leaseRenewTime?: (node: string) => number | undefined;
}

/** One column of a `kubectl get` table, as the server-side printer defines it. */
export interface ColumnDef {
  /** The header as kubectl prints it: `NAME`, `NOMINATED NODE`, `PORT(S)`. */
  name: string;
  /** Shown only with `-o wide` (priority 1 in the server's column definitions). */
  wide: boolean;
  cell(obj: KubeObject, ctx: PrintContext): string;
  /** The column that carries the object name (kubectl prefixes it with `kind/` when several kinds print). */
  nameColumn?: boolean;
}
