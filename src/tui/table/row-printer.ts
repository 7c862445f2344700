/**
 * Printing a table's rows on demand. A table of 150,000 pods cannot print every row on each
 * refresh (about 20 µs a row: 3 s); the screen shows forty. So a row's cells are printed when
 * something reads them: the rows drawn, and — for a text filter, sorting by STATUS, or comparing
 * an object that changed — the cells cached by object identity. The store's objects are
 * immutable snapshots (an update stores a new object), so an unchanged object is the same object
 * and its cached cells are still its cells, except those that move with time (AGE, the
 * `(5s ago)` of RESTARTS), which keep the time they were printed at.
 *
 * A view whose cells read other objects (a node's PODS and CPU/R count the pods on it) is not
 * `pure`: its cells are never cached across snapshots.
 *
 * Worked example: 10,000 pods, one refresh with no filter prints the ~40 visible rows; typing
 * `/Running` prints all 10,000 once (into the cache), and each later refresh prints only the
 * pods whose object changed since.
 */
import type { KubeObject } from '../../api/types/index.ts';
import { columnsFor, type PrintContext } from '../../printers/index.ts';
import { EXTRAS } from '../views/extras.ts';
import { health, type Health } from '../views/health.ts';
import { VIEWS } from '../views/registry.ts';
import type { TableView } from '../views/view-names.ts';
import { rowTime, type Row } from './rows.ts';

type Cell = (obj: KubeObject, ctx: PrintContext) => string;

export class RowPrinter {
  readonly headers: string[];
  /** The cells depend on the object (and the time) alone. */
  readonly pure: boolean;
  /** Rows printed so far (each call of every column's printer for one object). */
  printed = 0;
  private readonly cells: Cell[];
  private readonly cache = new WeakMap<KubeObject, string[]>();
  private readonly rows = new WeakMap<KubeObject, ObjectRow>();

  /** `key` says which query the printer serves: a page keeps its printer while the key stays. */
  constructor(
    readonly key: string,
    view: TableView,
    wide: boolean,
    withNamespace: boolean,
  ) {
    const kind = VIEWS[view].kind!;
    const all = columnsFor(kind);
    const columns = all.filter((c) => wide || !c.wide);
    const headers = [...(withNamespace ? ['NAMESPACE'] : []), ...columns.map((c) => c.name)];
    const cells: Cell[] = [...(withNamespace ? [(o: KubeObject) => o.metadata.namespace ?? ''] : []), ...columns.map((c) => c.cell)];
    // k9s's extra columns go before AGE (or last), unless the wide columns already hold them.
    const extras = (EXTRAS[view] ?? []).filter((x) => !headers.includes(x.name));
    const at = headers[headers.length - 1] === 'AGE' ? headers.length - 1 : headers.length;
    headers.splice(at, 0, ...extras.map((x) => x.name));
    cells.splice(at, 0, ...extras.map((x) => (x.fromWide ? all.find((c) => c.name === x.name)!.cell : x.cell!)));
    this.headers = headers;
    this.cells = cells;
    this.pure = !extras.some((x) => x.readsStore);
  }

  static keyFor(view: TableView, wide: boolean, withNamespace: boolean): string {
    return `${view}\u0000${wide}\u0000${withNamespace}`;
  }

  /**
   * The row of an object in the snapshot `ctx`: the same row as last time for the same object
   * (one allocation per changed object, not per row per refresh), its cells printed anew when read.
   */
  row(obj: KubeObject, ctx: PrintContext): Row {
    let r = this.rows.get(obj);
    if (!r) {
      r = this.pure ? new PureRow(obj, ctx, this) : new ObjectRow(obj, ctx, this);
      this.rows.set(obj, r);
    } else r.at(ctx);
    return r;
  }

  /** The cells of one object now. */
  print(obj: KubeObject, ctx: PrintContext): string[] {
    this.printed++;
    return this.cells.map((cell) => cell(obj, ctx));
  }

  /** The cells of this very object, printed once (only for a pure printer). */
  cached(obj: KubeObject, ctx: PrintContext): string[] {
    let cells = this.cache.get(obj);
    if (!cells) {
      cells = this.print(obj, ctx);
      this.cache.set(obj, cells);
    }
    return cells;
  }
}

/** A row of the store: cells, health and time computed when first read. */
class ObjectRow implements Row {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  private printedCells?: string[];
  private h?: Health;
  private t?: number;

  constructor(
    readonly obj: KubeObject,
    protected ctx: PrintContext,
    protected readonly printer: RowPrinter,
  ) {
    this.namespace = obj.metadata.namespace ?? '';
    this.name = obj.metadata.name;
    this.id = this.namespace ? `${this.namespace}/${this.name}` : this.name;
    this.labels = obj.metadata.labels ?? {};
  }

  /** A new snapshot: the cells are printed again when read (health and time are the object's). */
  at(ctx: PrintContext): void {
    if (ctx === this.ctx) return;
    this.ctx = ctx;
    this.printedCells = undefined;
  }

  get cells(): string[] {
    return (this.printedCells ??= this.printer.print(this.obj, this.ctx));
  }

  get health(): Health {
    return (this.h ??= health(this.obj));
  }

  get time(): number {
    return (this.t ??= rowTime(this.obj));
  }
}

/** A row whose cells depend on its object alone: cached by the object's identity. */
class PureRow extends ObjectRow {
  cached(): readonly string[] {
    return this.printer.cached(this.obj, this.ctx);
  }
}
