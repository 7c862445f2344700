/**
 * What each keymap command does (the `command` column of keymap.ts). Navigation and views are
 * here; resource actions open their dialogs (actions/resource-actions.ts); read-only pages come
 * from actions/inspect.ts.
 */
import { inspectPage, type Inspect } from '../actions/inspect.ts';
import { startAction } from '../actions/resource-actions.ts';
import type { KeyPress } from '../keymap/keys.ts';
import { nextSort } from '../table/sort.ts';
import { moveCursor, type Viewport } from '../table/window.ts';
import { formatElapsed } from '../../scenario/index.ts';
import { timeText } from '../render/header.ts';
import { helpLineCount, textLineCount } from '../render/text-lines.ts';
import { VIEWS } from '../views/registry.ts';
import type { TuiController } from './controller.ts';
import type { Page, TablePage } from './pages.ts';
import { newTablePage, reproject, selectedRow } from './table-page.ts';

const RESOURCE_ACTIONS = new Set(['scale', 'suspend', 'trigger', 'restart', 'history', 'rollback-rs', 'cordon', 'uncordon', 'drain', 'label', 'taint', 'kill', 'delete']);
const INSPECT = new Set<string>(['describe', 'yaml', 'events', 'logs']);

export function runCommand(c: TuiController, command: string, k: KeyPress): void {
  const top = c.top;
  if (RESOURCE_ACTIONS.has(command)) return startAction(command, c.actionHost());
  if (INSPECT.has(command) && top.type === 'table') return inspect(c, top, command as Inspect);
  switch (command) {
    case 'up':
    case 'down':
    case 'page-up':
    case 'page-down':
    case 'top':
    case 'bottom':
      return navigate(c, top, command);
    case 'enter':
      if (top.type === 'table') enter(c, top);
      return;
    case 'back':
      // A filtered table first drops its filter (k9s's Esc clears the filter), then goes back.
      if (top.type === 'table' && top.filter) {
        top.filter = '';
        return reproject(top, c.tableRows());
      }
      return c.back();
    case 'command':
      return c.openPrompt('command');
    case 'filter':
      if (top.type === 'table') c.openPrompt('filter', top.filter);
      return;
    case 'kubectl':
      return c.openPrompt('kubectl');
    case 'help':
      if (top.type !== 'help') c.push({ type: 'help', crumb: 'help', forView: top.type === 'table' ? top.view : top.type, top: 0 });
      return;
    case 'quit':
      return c.requestQuit();
    case 'ns-all':
      return switchNamespace(c, '');
    case 'ns-favorite': {
      const ns = c.favourites[Number(k.name) - 1];
      if (ns === undefined) return c.flash(`No favourite namespace ${k.name}`, 'warn');
      return switchNamespace(c, ns);
    }
    case 'pause':
      return c.flash(c.time.toggle());
    case 'faster':
      return c.flash(c.time.faster());
    case 'slower':
      return c.flash(c.time.slower());
    case 'step': {
      const before = c.cluster.now();
      const said = c.time.step();
      const moved = c.cluster.now() - before;
      c.flash(moved > 0 ? `${said}: ${timeText(c.cluster.now())} (+${formatElapsed(moved)})` : said, c.time.running || moved > 0 ? 'info' : 'warn');
      return c.refresh();
    }
    case 'continue':
      if (!c.scenario) return c.flash('No scenario is playing', 'warn');
      if (!c.scenario.continue()) return c.flash('The scenario is not paused', 'warn');
      c.flash('Scenario continued');
      return c.refresh();
    case 'follow':
      if (top.type === 'text') {
        top.follow = !top.follow;
        if (top.follow) top.top = Math.max(0, textLineCount(top, c.layout.width) - c.textRows());
      }
      return;
    case 'wrap':
      if (top.type === 'text') {
        top.wrap = !top.wrap;
        const max = Math.max(0, textLineCount(top, c.layout.width) - c.textRows());
        top.top = top.follow ? max : Math.min(top.top, max);
        c.flash(top.wrap ? 'Wrapping long lines' : 'Long lines cut at the border (w wraps them)');
      }
      return;
  }
  if (top.type === 'table') tableCommand(c, top, command);
}

function tableCommand(c: TuiController, page: TablePage, command: string): void {
  const rows = c.tableRows();
  switch (command) {
    case 'mark': {
      const r = selectedRow(page);
      if (!r) return;
      if (page.marks.has(r.id)) page.marks.delete(r.id);
      else page.marks.add(r.id);
      return navigate(c, page, 'down');
    }
    case 'clear-marks':
      page.marks.clear();
      return;
    case 'wide':
      page.wide = !page.wide;
      page.tracker.reset();
      return c.refresh();
    case 'sort-name':
    case 'sort-age':
    case 'sort-status':
    case 'sort-namespace': {
      const by = command.slice('sort-'.length) as 'name' | 'age' | 'status' | 'namespace';
      if (by === 'status' && !page.data.headers.includes('STATUS')) return c.flash('This view has no STATUS column', 'warn');
      page.sort = nextSort(page.sort, by);
      reproject(page, rows);
      return c.flash(`Sorted by ${by}${page.sort.desc ? ' (descending)' : ''}`);
    }
    case 'replicasets': {
      const r = selectedRow(page);
      if (!r?.obj) return;
      return c.push(newTablePage('replicasets', r.namespace, { holdMs: c.holdMs, scope: { label: `deployment/${r.name}`, ownerUid: r.obj.metadata.uid ?? '' } }));
    }
    case 'use-namespace': {
      const r = selectedRow(page);
      if (!r) return;
      c.useNamespace(r.name);
      return c.flash(`Namespace ${r.name} is now active`);
    }
  }
}

function navigate(c: TuiController, page: Page, command: string): void {
  if (page.type === 'table') {
    const h = c.tableRows();
    const n = page.rows.length;
    const by: Record<string, number> = { up: -1, down: 1, 'page-up': -h, 'page-down': h, top: -n, bottom: n };
    page.viewport = moveCursor(page.viewport, by[command], n, h) as Viewport;
    page.selectedId = page.rows[page.viewport.cursor]?.id;
    return;
  }
  const lines = page.type === 'text' ? textLineCount(page, c.layout.width) : helpLineCount(c.keymap, page.forView, c.layout.width);
  const h = c.textRows();
  const max = Math.max(0, lines - h);
  const by: Record<string, number> = { up: -1, down: 1, 'page-up': -h, 'page-down': h, top: -lines, bottom: lines };
  page.top = Math.min(max, Math.max(0, page.top + by[command]));
  if (page.type === 'text') page.follow = page.follow && page.top === max;
}

function enter(c: TuiController, page: TablePage): void {
  const r = selectedRow(page);
  if (!r?.obj) return;
  const drill = VIEWS[page.view].enter(r.obj);
  switch (drill.to) {
    case 'table':
      if (drill.useNamespace) c.useNamespace(drill.namespace);
      return c.push(newTablePage(drill.view, drill.namespace, { holdMs: c.holdMs, ...(drill.scope ? { scope: drill.scope } : {}) }));
    case 'describe':
      return inspect(c, page, 'describe');
    case 'logs':
      return inspect(c, page, 'logs');
    case 'none':
      return c.flash(drill.reason, 'warn');
  }
}

function inspect(c: TuiController, page: TablePage, what: Inspect): void {
  const r = selectedRow(page);
  if (!r?.obj) return c.flash('Nothing selected', 'warn');
  c.push(inspectPage(what, r, (w) => c.session.run([...w])));
}

function switchNamespace(c: TuiController, ns: string): void {
  const page = c.top;
  c.useNamespace(ns);
  if (page.type !== 'table') return;
  if (!VIEWS[page.view].namespaced || page.view === 'containers') return c.flash(`Namespace ${ns || 'all'} is active (${VIEWS[page.view].title} are not namespaced)`);
  page.namespace = ns;
  page.tracker.reset();
  c.refresh();
  c.flash(`Viewing ${page.view} in ${ns ? `namespace ${ns}` : 'all namespaces'}`);
}
