/**
 * The TUI's controller: all of its state (the page stack, the prompt, the dialog, the flash
 * line, namespaces and favourites, the clock) and the one key dispatcher, with no Ink in it. The
 * Ink layer feeds it keys, ticks and the terminal size, and prints `screen()`; tests drive it the
 * same way, or directly.
 *
 * Refreshing is coalesced: watch events only set a dirty flag; `tick()` (a few times a second)
 * moves the clock and, if anything changed, takes one snapshot of the visible page. Keys act at
 * once and redraw from the last snapshot. Every change to the cluster goes through the kubectl
 * session.
 */
import type { Cluster } from '../../cluster/cluster.ts';
import type { KubectlResult, KubectlSession } from '../../kubectl/session.ts';
import { SeededRandom } from '../../sim/random.ts';
import { dialogDone, type ActionHost } from '../actions/resource-actions.ts';
import { activeKeymap, lookup, type KeyBinding } from '../keymap/keymap.ts';
import type { KeyPress } from '../keymap/keys.ts';
import type { Level } from '../render/colors.ts';
import type { Line } from '../render/line.ts';
import { tableRowsFor } from '../render/table-lines.ts';
import { textLineCount, textRowsFor } from '../render/text-lines.ts';
import { composeScreen } from '../render/screen.ts';
import type { ScenarioDriver } from '../scenario/scenario-driver.ts';
import { clusterAdvancer, TimeControl } from '../time/time-control.ts';
import { ClusterTotals, type ClusterSummary } from './cluster-summary.ts';
import { runCommand } from './commands.ts';
import { dialogKey, type Dialog } from './dialog.ts';
import { computeLayout, type Layout } from './layout.ts';
import { pageKind, type Page, type TablePage } from './pages.ts';
import { completionFor, submitPrompt } from './prompt-actions.ts';
import { openPrompt, promptKey, type Prompt, type PromptKind } from './prompt.ts';
import { newTablePage, redecorate, reload, reproject, targetRows } from './table-page.ts';

export interface ControllerOptions {
  cluster: Cluster;
  session: KubectlSession;
  scenario?: ScenarioDriver;
  readonly?: boolean;
  /** The first namespace (default: the session's). */
  namespace?: string;
  /** Real time in ms (monotonic), for ticks, change marks and the flash line. */
  realNow: () => number;
  /** How long change marks last, real ms (default 2000). */
  holdMs?: number;
  /** How long a flash message lasts, real ms (default 6000, as k9s). */
  flashMs?: number;
}

export interface Flash {
  text: string;
  level: Level;
  until: number;
}

const MAX_FAVOURITES = 9;

export class TuiController {
  readonly cluster: Cluster;
  readonly session: KubectlSession;
  readonly scenario?: ScenarioDriver;
  readonly time: TimeControl;
  readonly readonly: boolean;
  readonly keymap: KeyBinding[];
  readonly holdMs: number;
  pages: Page[] = [];
  dialog?: Dialog;
  prompt?: Prompt;
  flashMessage?: Flash;
  namespace: string;
  favourites: string[];
  summary: ClusterSummary;
  private totals: ClusterTotals;
  quitRequested = false;
  onQuit?: () => void;
  readonly history: Record<PromptKind, string[]> = { command: [], filter: [], kubectl: [] };
  private columns = 100;
  private rows = 30;
  private version = 0;
  private dirty = true;
  private lastReal: number;
  /** When the last snapshot was taken and what it cost (real ms), to pace snapshots of big tables. */
  private lastRefresh = Number.NEGATIVE_INFINITY;
  private refreshCost = 0;
  private listeners = new Set<() => void>();
  private unwatch: () => void;
  private names: SeededRandom;
  private readonly flashMs: number;
  private readonly realNow: () => number;

  constructor(opts: ControllerOptions) {
    this.cluster = opts.cluster;
    this.session = opts.session;
    this.scenario = opts.scenario;
    this.readonly = opts.readonly ?? false;
    this.keymap = activeKeymap(this.readonly);
    this.realNow = opts.realNow;
    this.holdMs = opts.holdMs ?? 2000;
    this.flashMs = opts.flashMs ?? 6000;
    this.lastReal = this.realNow();
    this.time = new TimeControl(this.cluster, this.scenario ?? clusterAdvancer(this.cluster));
    this.namespace = opts.namespace ?? opts.session.namespace;
    this.favourites = [...new Set([this.namespace, 'default', 'kube-system'])];
    this.names = SeededRandom.forPurpose(this.cluster.seed, 'tui-names');
    this.unwatch = this.cluster.store.watch('*', () => {
      this.dirty = true;
    });
    this.totals = new ClusterTotals(this.cluster.store);
    this.scenario?.begin();
    this.summary = this.totals.summary();
    this.pages = [newTablePage('pods', this.namespace, { holdMs: this.holdMs })];
    this.refresh();
  }

  // --- the outside: subscription, size, ticks, keys, the screen -----------------------------

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  dispose(): void {
    this.unwatch();
    this.totals.dispose();
    this.listeners.clear();
  }

  get layout(): Layout {
    return computeLayout(this.columns, this.rows, { scenario: this.scenario !== undefined, prompt: this.prompt !== undefined });
  }

  /** The terminal's size; the next screen fits it. Returns whether it changed. */
  resize(columns: number, rows: number): boolean {
    if (columns === this.columns && rows === this.rows) return false;
    this.columns = columns;
    this.rows = rows;
    const top = this.top;
    if (top.type === 'table') reproject(top, this.tableRows());
    if (top.type === 'text') {
      // Wrapped lines are counted again at the new width; the page keeps to its end if following.
      const max = Math.max(0, textLineCount(top, this.layout.width) - this.textRows());
      top.top = top.follow ? max : Math.min(top.top, max);
    }
    return true;
  }

  /** A few times a second: move the clock by the real time gone, take a snapshot if needed. */
  tick(): void {
    const now = this.realNow();
    const elapsed = now - this.lastReal;
    this.lastReal = now;
    let moved = false;
    this.guard(() => {
      moved = this.time.tick(elapsed);
    });
    const top = this.top;
    const expired = this.flashMessage !== undefined && this.flashMessage.until <= now;
    if (expired) this.flashMessage = undefined;
    // Coalesced snapshots: at most one per tick, and never more than a quarter of the time spent
    // taking them (a 60 ms snapshot of 2,000 pods is taken at most every 240 ms).
    const due = now - this.lastRefresh >= 3 * this.refreshCost;
    if ((moved || this.dirty || top.type === 'text') && due) this.refresh();
    else if (top.type === 'table' && top.tracker.active()) redecorate(top, now, this.tableRows());
    else if (!expired) return;
    this.changed();
  }

  key(k: KeyPress): void {
    this.guard(() => this.dispatch(k));
    this.changed();
  }

  /** The screen for a terminal of this size (rows − 1 lines, see layout.ts). */
  screen(columns = this.columns, rows = this.rows): Line[] {
    this.resize(columns, rows);
    return composeScreen(this);
  }

  // --- state helpers used by the command modules --------------------------------------------

  get top(): Page {
    return this.pages[this.pages.length - 1];
  }

  tableRows(): number {
    return tableRowsFor(this.layout.body);
  }

  textRows(): number {
    return textRowsFor(this.layout.body);
  }

  flash(text: string, level: Level = 'info'): void {
    this.flashMessage = { text, level, until: this.realNow() + this.flashMs };
  }

  /** Runs a kubectl command (the only way the TUI changes the cluster), then refreshes. */
  run(words: string | readonly string[]): KubectlResult {
    const r = this.session.run(typeof words === 'string' ? words : [...words]);
    this.refresh();
    return r;
  }

  push(page: Page): void {
    this.pages.push(page);
    this.refresh();
  }

  /** Replaces the whole stack (a `:` command opens a new root view, as in k9s). */
  reset(page: Page): void {
    this.pages = [page];
    this.refresh();
  }

  back(): void {
    if (this.pages.length > 1) {
      this.pages.pop();
      const top = this.top;
      if (top.type === 'table') top.tracker.reset();
      this.refresh();
    }
  }

  openTable(page: TablePage, root: boolean): void {
    if (root) this.reset(page);
    else this.push(page);
  }

  /** Makes a namespace the active one and a favourite (most recent first, at most nine). */
  useNamespace(ns: string): void {
    this.namespace = ns;
    if (ns) this.favourites = [ns, ...this.favourites.filter((f) => f !== ns)].slice(0, MAX_FAVOURITES);
  }

  requestQuit(): void {
    this.quitRequested = true;
    this.onQuit?.();
  }

  /** Reads the cluster again for the page on top and the header. */
  refresh(): void {
    const started = this.realNow();
    this.refreshSnapshot();
    this.lastRefresh = started;
    this.refreshCost = this.realNow() - started;
  }

  private refreshSnapshot(): void {
    this.dirty = false;
    this.summary = this.totals.summary();
    const top = this.top;
    if (top.type === 'table') {
      reload(top, { now: this.cluster.now(), store: this.cluster.store }, this.realNow(), this.tableRows());
    } else if (top.type === 'text' && top.refresh) {
      top.lines = top.refresh();
      const max = Math.max(0, textLineCount(top, this.layout.width) - this.textRows());
      top.top = top.follow ? max : Math.min(top.top, max);
    }
  }

  actionHost(): ActionHost {
    const page = this.top as TablePage;
    return {
      store: this.cluster.store,
      targets: () => (page.type === 'table' ? targetRows(page) : []),
      hiddenMarked: () => (page.type === 'table' ? [...page.marks].filter((id) => !page.rows.some((r) => r.id === id)).length : 0),
      openDialog: (d) => {
        this.dialog = d;
      },
      flash: (t, l) => this.flash(t, l),
      run: (w) => this.run(w),
      jobName: (cj) => `${cj.slice(0, 52)}-manual-${this.names.string(3, 'bcdfghjklmnpqrstvwxz2456789')}`,
    };
  }

  // --- dispatch -------------------------------------------------------------------------------

  private dispatch(k: KeyPress): void {
    if (k.name === 'ctrl-c') return this.requestQuit();
    if (this.dialog) {
      const r = dialogKey(this.dialog, k);
      if (r.type === 'open') this.dialog = r.dialog;
      else {
        const action = this.dialog.action;
        this.dialog = undefined;
        dialogDone(action, r.button, r.values, this.actionHost());
      }
      return;
    }
    if (this.prompt) return this.promptKey(k);
    const binding = lookup(this.keymap, pageKind(this.top), k.name);
    if (binding) runCommand(this, binding.command, k);
  }

  openPrompt(kind: PromptKind, text = ''): void {
    this.prompt = openPrompt(kind, this.history[kind], text);
    const top = this.top;
    if (top.type === 'table') reproject(top, this.tableRows());
  }

  private promptKey(k: KeyPress): void {
    const p = this.prompt!;
    const r = promptKey(p, k, this.history[p.kind], completionFor(this, p));
    const top = this.top;
    if (r.type === 'edit') {
      this.prompt = r.prompt;
      if (p.kind === 'filter' && top.type === 'table') {
        top.filter = r.prompt.text;
        reproject(top, this.tableRows());
      }
      return;
    }
    this.prompt = undefined;
    if (r.type === 'cancel') {
      if (p.kind === 'filter' && top.type === 'table') top.filter = '';
      if (top.type === 'table') reproject(top, this.tableRows());
      return;
    }
    const text = r.text.trim();
    if (text && this.history[p.kind].at(-1) !== text) this.history[p.kind].push(text);
    submitPrompt(this, p.kind, text);
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      // A bug must not take the terminal down with it: stop the clock and say what happened.
      this.time.running = false;
      this.flash(`internal error: ${e instanceof Error ? e.message : String(e)} (time paused)`, 'error');
      if (process.env.KUBESIM_DEBUG === '1') throw e;
    }
  }

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }
}
