/**
 * What changed between two refreshes of a table (k9s's row events and deltas): rows that are new,
 * rows whose cells changed, rows that went away, and numbers that went up or down (`3↑`).
 *
 * A mark holds for `holdMs` of real time, so a change stays visible long enough to be seen even
 * when refreshes come four times a second; a deleted row stays on screen (struck, in the kill
 * colour) for the same time. Cells that change by themselves as time passes (AGE, LAST SEEN,
 * DURATION, LAST SCHEDULE, and the `(5s ago)` after RESTARTS) do not count as changes.
 *
 * Only objects that changed are compared (and so printed): an unchanged object is the same
 * object in the store, and rows with cached cells (rows.ts) compare by identity first.
 *
 * Worked example (holdMs 2000): at t=0 rows {a: READY 1/3}; at t=250 {a: READY 2/3, b}; → a is
 * modified with READY `↑`, b is added; both marks last until t=2250. At t=500 {b} → a shows as
 * deleted until t=2500, then disappears.
 */
import { matchCells, type Row, type TableData } from './rows.ts';

export type Change = 'added' | 'modified' | 'deleted';
export type Delta = '↑' | '↓';

export interface TrackedRow extends Row {
  change?: Change;
  /** Column index → arrow, for numbers that changed. */
  deltas?: ReadonlyMap<number, Delta>;
}

const VOLATILE = new Set(['AGE', 'LAST SEEN', 'FIRST SEEN', 'DURATION', 'LAST SCHEDULE', 'LAST SUCCESSFUL']);
const NUMBER = /^(\d+)(?:\/\d+)?(?: \(.*\))?$/;

interface Mark {
  change: Change;
  until: number;
  deltas?: Map<number, Delta>;
}

/** A cell as compared: the `(5s ago)` of RESTARTS dropped. */
function stable(cell: string): string {
  return cell.replace(/ \([^)]*ago\)$/, '');
}

function numberOf(cell: string): number | undefined {
  const m = NUMBER.exec(cell);
  return m ? Number(m[1]) : undefined;
}

/**
 * A row with its mark, reading everything else from the row when asked (copying the row would
 * read, and so print, the cells of every marked row: when 10,000 pods appear, all are marked).
 */
class MarkedRow implements TrackedRow {
  readonly cached?: () => readonly string[];

  constructor(
    private readonly row: Row,
    readonly change: Change,
    readonly deltas?: ReadonlyMap<number, Delta>,
  ) {
    if (row.cached) this.cached = () => row.cached!();
  }

  get id(): string {
    return this.row.id;
  }
  get namespace(): string {
    return this.row.namespace;
  }
  get name(): string {
    return this.row.name;
  }
  get cells(): string[] {
    return this.row.cells;
  }
  get health(): Row['health'] {
    return this.row.health;
  }
  get labels(): Row['labels'] {
    return this.row.labels;
  }
  get time(): number {
    return this.row.time;
  }
  get obj(): Row['obj'] {
    return this.row.obj;
  }
  get container(): string | undefined {
    return this.row.container;
  }
}

function withMark(r: Row, change: Change, deltas?: ReadonlyMap<number, Delta>): TrackedRow {
  return new MarkedRow(r, change, deltas?.size ? deltas : undefined);
}

export class ChangeTracker {
  private prev: Map<string, Row> | undefined;
  private headers: readonly string[] = [];
  private marks = new Map<string, Mark>();
  private ghosts = new Map<string, { row: Row; until: number }>();

  constructor(private readonly holdMs = 2000) {}

  /** Forget the past: the next update marks nothing (a new query, not a change). */
  reset(): void {
    this.prev = undefined;
    this.marks.clear();
    this.ghosts.clear();
  }

  update(data: TableData, now: number): TrackedRow[] {
    if (this.prev && data.headers.join('\t') !== this.headers.join('\t')) this.reset();
    const volatile = data.headers.map((h) => VOLATILE.has(h));
    const prev = this.prev;
    const next = new Map<string, Row>();
    for (const r of data.rows) next.set(r.id, r);
    if (prev) {
      for (const r of data.rows) {
        const old = prev.get(r.id);
        this.ghosts.delete(r.id);
        if (!old) {
          this.marks.set(r.id, { change: 'added', until: now + this.holdMs });
          continue;
        }
        // The same object prints the same cells (but for the time): nothing to print or compare.
        if (r.cached && old.cached && r.obj !== undefined && r.obj === old.obj) continue;
        const deltas = new Map<number, Delta>();
        let changed = false;
        const was = matchCells(old);
        matchCells(r).forEach((cell, i) => {
          if (volatile[i] || stable(cell) === stable(was[i] ?? '')) return;
          changed = true;
          const a = numberOf(was[i] ?? '');
          const b = numberOf(cell);
          if (a !== undefined && b !== undefined && a !== b) deltas.set(i, b > a ? '↑' : '↓');
        });
        if (changed) {
          const had = this.marks.get(r.id);
          const merged = new Map([...(had?.deltas ?? []), ...deltas]);
          this.marks.set(r.id, { change: had?.change === 'added' ? 'added' : 'modified', until: now + this.holdMs, deltas: merged });
        }
      }
      for (const [id, old] of prev) if (!next.has(id)) this.ghosts.set(id, { row: old, until: now + this.holdMs });
    }
    this.prev = next;
    this.headers = [...data.headers];
    return this.decorate(data.rows, now);
  }

  /** The rows with their marks at `now` (marks expire without a new update). */
  decorate(rows: readonly Row[], now: number): TrackedRow[] {
    for (const [id, m] of this.marks) if (m.until <= now) this.marks.delete(id);
    for (const [id, g] of this.ghosts) if (g.until <= now) this.ghosts.delete(id);
    const out: TrackedRow[] = rows.map((r) => {
      const m = this.marks.get(r.id);
      return m ? withMark(r, m.change, m.deltas) : r;
    });
    for (const g of this.ghosts.values()) {
      // Where the API's order (namespace, then name) puts it.
      const key = (r: Row) => `${r.namespace}\u0000${r.name}`;
      const at = out.findIndex((r) => key(r) > key(g.row));
      out.splice(at < 0 ? out.length : at, 0, withMark(g.row, 'deleted'));
    }
    return out;
  }

  /** Whether some mark is still showing (the view must redraw when it expires). */
  active(): boolean {
    return this.marks.size > 0 || this.ghosts.size > 0;
  }
}
