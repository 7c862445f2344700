/**
 * The pages of the TUI's stack (the breadcrumbs): a table view, a text page (describe, YAML,
 * logs, events, kubectl output, the scenario log) or the help screen. Esc pops the stack.
 */
import type { ChangeTracker, TrackedRow } from '../table/changes.ts';
import type { TableData } from '../table/rows.ts';
import type { Viewport } from '../table/window.ts';
import type { Scope, SortSpec } from '../views/registry.ts';
import type { PageKind, TableView } from '../views/view-names.ts';

export interface TablePage {
  type: 'table';
  view: TableView;
  /** '' = all namespaces. */
  namespace: string;
  scope?: Scope;
  filter: string;
  sort?: SortSpec;
  wide: boolean;
  viewport: Viewport;
  /** The id of the selected row, so the selection follows a row when others come and go. */
  selectedId?: string;
  marks: Set<string>;
  tracker: ChangeTracker;
  /** The last snapshot from the store, and its rows with change marks. */
  data: TableData;
  tracked: TrackedRow[];
  /** What is shown: tracked rows filtered and sorted. */
  rows: TrackedRow[];
  /** Display cells by row index, filled in as rows are drawn (sparse; emptied on reproject). */
  cells: string[][];
  /** Column widths of the rows drawn so far (see shownWidths). */
  widths: number[];
  filterError?: string;
}

export interface TextPage {
  type: 'text';
  crumb: string;
  title: string;
  lines: string[];
  top: number;
  /** Stay at the end as lines come (logs -f). */
  follow: boolean;
  /** Wrap lines wider than the page (as a terminal does); `w` toggles. */
  wrap: boolean;
  /** Re-reads the content on each refresh (a live describe, logs, the scenario log). */
  refresh?: () => string[];
}

export interface HelpPage {
  type: 'help';
  crumb: 'help';
  /** The view whose keys are listed. */
  forView: PageKind;
  top: number;
}

export type Page = TablePage | TextPage | HelpPage;

export function pageKind(p: Page): PageKind {
  return p.type === 'table' ? p.view : p.type;
}

export function crumb(p: Page): string {
  return p.type === 'table' ? p.view : p.crumb;
}
