/**
 * The rows of a table view, read from the store: the cells `kubectl get` prints for the kind (the
 * printers, so the TUI and kubectl never disagree), a NAMESPACE column first across namespaces,
 * k9s's extra columns, and per row what the view needs besides text: an id (`ns/name`), the
 * object, its labels (for `-l` filters), its health (colour) and a time to sort AGE by.
 */
import { humanDuration } from '../../api/duration.ts';
import type { Container, ContainerStatus, KubeEvent, KubeObject, Pod } from '../../api/types/index.ts';
import type { PrintContext } from '../../printers/index.ts';
import type { Health } from '../views/health.ts';
import { VIEWS, type Scope } from '../views/registry.ts';
import type { TableView } from '../views/view-names.ts';
import { RowPrinter } from './row-printer.ts';

export interface Row {
  id: string;
  namespace: string;
  name: string;
  /** The cells as printed at the snapshot's time (a row of the store prints them when first read). */
  cells: string[];
  /**
   * The cells printed for this very object, cached by its identity (see row-printer.ts): what the
   * filter, sorting by STATUS and change marks read, so that they cost nothing for an unchanged
   * object. Cells that move with time (AGE) may be older than `cells`. Absent: read `cells`.
   */
  cached?(): readonly string[];
  health: Health;
  labels: Readonly<Record<string, string>>;
  /** ms since the epoch: creation (an Event: when last seen). */
  time: number;
  obj?: KubeObject;
  /** The containers view: the container's name (obj is its pod). */
  container?: string;
}

export interface TableData {
  headers: string[];
  rows: Row[];
  /** The printer of the rows (none for the containers view). */
  printer?: RowPrinter;
}

export interface TableQuery {
  view: TableView;
  /** '' = all namespaces (ignored for cluster-scoped kinds). */
  namespace: string;
  scope?: Scope;
  wide: boolean;
}

const ms = (ts: string | null | undefined) => (ts ? Date.parse(ts) || 0 : 0);

export function rowTime(o: KubeObject): number {
  if (o.kind === 'Event') {
    const e = o as KubeEvent;
    return ms(e.lastTimestamp) || ms(e.firstTimestamp) || ms(e.eventTime) || ms(o.metadata.creationTimestamp);
  }
  return ms(o.metadata.creationTimestamp);
}

/** The objects a query lists, in the API's order (namespace, then name). */
export function listObjects(q: TableQuery, ctx: PrintContext): KubeObject[] {
  const def = VIEWS[q.view];
  if (!def.kind) return [];
  const scope = q.scope;
  const namespace = def.namespaced ? q.namespace : '';
  let objs: KubeObject[];
  if (scope?.nodeName !== undefined && def.kind === 'Pod') {
    objs = ctx.store.podsOnNode(scope.nodeName).filter((p) => !namespace || p.metadata.namespace === namespace);
    objs.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  } else if (scope?.ownerUid !== undefined) {
    objs = ctx.store.dependentsOf(scope.ownerUid, def.kind).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  } else {
    objs = ctx.store.list(def.kind, { namespace, ...(scope?.selector ? { selector: scope.selector } : {}) });
  }
  return objs;
}

/**
 * The table of a query. Rows are cheap to make: their cells, health and time are computed when
 * first read (see row-printer.ts), so a refresh of 150,000 pods prints only what is read.
 * `printer` is the page's printer from the last snapshot, kept if it serves the same query (its
 * cache of cells by object identity then carries over).
 */
export function buildTable(q: TableQuery, ctx: PrintContext, printer?: RowPrinter): TableData {
  if (q.view === 'containers') return containerTable(q, ctx);
  const def = VIEWS[q.view];
  const objs = listObjects(q, ctx);
  const withNamespace = def.namespaced && q.namespace === '';
  const key = RowPrinter.keyFor(q.view, q.wide, withNamespace);
  const p = printer?.key === key ? printer : new RowPrinter(key, q.view, q.wide, withNamespace);
  return { headers: [...p.headers], rows: objs.map((o) => p.row(o, ctx)), printer: p };
}

/** The cells to match a filter, a sort or a change against: cached by object identity if it can. */
export function matchCells(r: Row): readonly string[] {
  return r.cached ? r.cached() : r.cells;
}

const CONTAINER_HEADERS = ['NAME', 'IMAGE', 'READY', 'STATE', 'INIT', 'RESTARTS', 'PORTS', 'AGE'];

function containerState(cs: ContainerStatus | undefined): { text: string; health: Health } {
  const st = cs?.state;
  if (st?.running) return { text: 'Running', health: cs!.ready ? 'ok' : 'pending' };
  if (st?.terminated) {
    const t = st.terminated;
    return { text: t.reason || `ExitCode:${t.exitCode}`, health: t.exitCode === 0 ? 'completed' : 'error' };
  }
  const reason = st?.waiting?.reason ?? 'Waiting';
  return { text: reason, health: /BackOff|Err|Invalid/.test(reason) ? 'error' : 'pending' };
}

/** The containers of one pod (k9s's container view): init containers first, then the others. */
function containerTable(q: TableQuery, ctx: PrintContext): TableData {
  const ref = q.scope?.pod;
  const pod = ref ? ctx.store.get<Pod>('Pod', ref.namespace, ref.name) : undefined;
  if (!pod) return { headers: CONTAINER_HEADERS, rows: [] };
  const age = humanDuration(ctx.now - ms(pod.metadata.creationTimestamp));
  const row = (c: Container, init: boolean, statuses: ContainerStatus[] | undefined): Row => {
    const cs = statuses?.find((s) => s.name === c.name);
    const state = containerState(cs);
    const ports = (c.ports ?? []).map((p) => `${p.name ? `${p.name}:` : ''}${p.containerPort}/${p.protocol ?? 'TCP'}`).join(',');
    return {
      id: `${pod.metadata.namespace}/${pod.metadata.name}/${c.name}`,
      namespace: pod.metadata.namespace ?? '',
      name: c.name,
      cells: [c.name, c.image ?? '', String(cs?.ready ?? false), state.text, String(init), String(cs?.restartCount ?? 0), ports, age],
      health: pod.metadata.deletionTimestamp ? 'terminating' : state.health,
      labels: pod.metadata.labels ?? {},
      time: ms(pod.metadata.creationTimestamp),
      obj: pod,
      container: c.name,
    };
  };
  const rows = [
    ...(pod.spec.initContainers ?? []).map((c) => row(c, true, pod.status?.initContainerStatuses)),
    ...pod.spec.containers.map((c) => row(c, false, pod.status?.containerStatuses)),
  ];
  return { headers: CONTAINER_HEADERS, rows };
}
