/**
 * The keymap: one table of every key the TUI answers to (key, command, description, the views
 * where it applies, whether it is dangerous). The header's hints, the help screen (`?`) and the
 * README's key list (`npm run keys`) are all built from it, and the controller finds what a key
 * does here, so a key works exactly where this table says.
 *
 * `--readonly` drops every dangerous binding: the key then does nothing, and neither hints nor
 * help show it (as k9s's `Dangerous` actions).
 *
 * Views: a page kind (`pods`, `containers`, `text`, `help`), or `table` for every table view, or
 * `all`. The same key may do different things in different views (`s` scales a Deployment and
 * suspends a CronJob); the first binding that matches wins, so view-specific rows come first.
 */
import { RESOURCE_VIEWS, type PageKind } from '../views/view-names.ts';

export type Group = 'resource' | 'general' | 'navigation' | 'time';
export type ViewScope = PageKind | 'table' | 'all';

export interface KeyBinding {
  /** Key names as keys.ts names them; the first is the one shown. */
  keys: readonly string[];
  command: string;
  description: string;
  views: readonly ViewScope[];
  dangerous?: boolean;
  group: Group;
  /** Shown in the header's key hints (help shows every binding). */
  hint?: boolean;
}

const WORKLOADS_WITH_PODS = ['deployments', 'statefulsets', 'daemonsets', 'replicasets', 'jobs'] as const;
const LOGS = ['pods', 'containers', ...WORKLOADS_WITH_PODS] as const;

export const KEYMAP: readonly KeyBinding[] = [
  // Resource actions, view-specific first.
  { keys: ['enter'], command: 'enter', description: 'View', views: ['table'], group: 'resource', hint: true },
  { keys: ['s'], command: 'scale', description: 'Scale', views: ['deployments', 'statefulsets', 'replicasets'], dangerous: true, group: 'resource', hint: true },
  { keys: ['s'], command: 'suspend', description: 'Suspend/Resume', views: ['cronjobs'], dangerous: true, group: 'resource', hint: true },
  { keys: ['t'], command: 'trigger', description: 'Trigger', views: ['cronjobs'], dangerous: true, group: 'resource', hint: true },
  { keys: ['r'], command: 'restart', description: 'Restart', views: ['deployments', 'statefulsets', 'daemonsets'], dangerous: true, group: 'resource', hint: true },
  { keys: ['h'], command: 'history', description: 'History/Rollback', views: ['deployments'], dangerous: true, group: 'resource', hint: true },
  { keys: ['z'], command: 'replicasets', description: 'ReplicaSets', views: ['deployments'], group: 'resource', hint: true },
  { keys: ['ctrl-l'], command: 'rollback-rs', description: 'Rollback to this revision', views: ['replicasets'], dangerous: true, group: 'resource', hint: true },
  { keys: ['c'], command: 'cordon', description: 'Cordon', views: ['nodes'], dangerous: true, group: 'resource', hint: true },
  { keys: ['u'], command: 'uncordon', description: 'Uncordon', views: ['nodes'], dangerous: true, group: 'resource', hint: true },
  { keys: ['r'], command: 'drain', description: 'Drain', views: ['nodes'], dangerous: true, group: 'resource', hint: true },
  { keys: ['L'], command: 'label', description: 'Labels', views: ['nodes'], dangerous: true, group: 'resource', hint: true },
  { keys: ['t'], command: 'taint', description: 'Taints', views: ['nodes'], dangerous: true, group: 'resource', hint: true },
  { keys: ['u'], command: 'use-namespace', description: 'Use namespace', views: ['namespaces'], group: 'resource', hint: true },
  { keys: ['ctrl-k'], command: 'kill', description: 'Kill', views: ['pods'], dangerous: true, group: 'resource', hint: true },
  { keys: ['l'], command: 'logs', description: 'Logs', views: LOGS, group: 'resource', hint: true },
  { keys: ['d'], command: 'describe', description: 'Describe', views: ['table'], group: 'resource', hint: true },
  { keys: ['y'], command: 'yaml', description: 'YAML', views: ['table'], group: 'resource', hint: true },
  { keys: ['e'], command: 'events', description: 'Events', views: ['table'], group: 'resource', hint: true },
  { keys: ['ctrl-d'], command: 'delete', description: 'Delete', views: RESOURCE_VIEWS, dangerous: true, group: 'resource', hint: true },
  { keys: ['space'], command: 'mark', description: 'Mark', views: ['table'], group: 'resource' },
  { keys: ['ctrl-\\'], command: 'clear-marks', description: 'Clear marks', views: ['table'], group: 'resource' },
  { keys: ['ctrl-w'], command: 'wide', description: 'Toggle wide', views: ['table'], group: 'resource' },
  { keys: ['N'], command: 'sort-name', description: 'Sort name', views: ['table'], group: 'resource' },
  { keys: ['A'], command: 'sort-age', description: 'Sort age', views: ['table'], group: 'resource' },
  { keys: ['S'], command: 'sort-status', description: 'Sort status', views: ['table'], group: 'resource' },
  { keys: ['P'], command: 'sort-namespace', description: 'Sort namespace', views: ['table'], group: 'resource' },
  { keys: ['f'], command: 'follow', description: 'Toggle follow', views: ['text'], group: 'resource', hint: true },
  { keys: ['w'], command: 'wrap', description: 'Toggle wrap', views: ['text'], group: 'resource', hint: true },

  // General.
  { keys: [':'], command: 'command', description: 'Command', views: ['all'], group: 'general', hint: true },
  { keys: ['/'], command: 'filter', description: 'Filter', views: ['table'], group: 'general', hint: true },
  { keys: ['!'], command: 'kubectl', description: 'kubectl', views: ['all'], dangerous: true, group: 'general', hint: true },
  { keys: ['?'], command: 'help', description: 'Help', views: ['all'], group: 'general', hint: true },
  { keys: ['esc', 'q'], command: 'back', description: 'Back', views: ['all'], group: 'general' },
  { keys: ['0'], command: 'ns-all', description: 'All namespaces', views: ['table'], group: 'general' },
  { keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], command: 'ns-favorite', description: 'Favourite namespace', views: ['table'], group: 'general' },
  { keys: ['ctrl-c'], command: 'quit', description: 'Quit', views: ['all'], group: 'general' },

  // Time and scenario.
  { keys: ['p'], command: 'pause', description: 'Pause/Resume time', views: ['all'], group: 'time', hint: true },
  { keys: ['+', '='], command: 'faster', description: 'Faster', views: ['all'], group: 'time', hint: true },
  { keys: ['-'], command: 'slower', description: 'Slower', views: ['all'], group: 'time', hint: true },
  { keys: ['.'], command: 'step', description: 'Next event', views: ['all'], group: 'time', hint: true },
  { keys: ['n'], command: 'continue', description: 'Continue scenario', views: ['all'], group: 'time', hint: true },

  // Navigation.
  { keys: ['j', 'down'], command: 'down', description: 'Down', views: ['all'], group: 'navigation' },
  { keys: ['k', 'up'], command: 'up', description: 'Up', views: ['all'], group: 'navigation' },
  { keys: ['ctrl-f', 'pgdn'], command: 'page-down', description: 'Page down', views: ['all'], group: 'navigation' },
  { keys: ['ctrl-b', 'pgup'], command: 'page-up', description: 'Page up', views: ['all'], group: 'navigation' },
  { keys: ['g', 'home'], command: 'top', description: 'Top', views: ['all'], group: 'navigation' },
  { keys: ['G', 'end'], command: 'bottom', description: 'Bottom', views: ['all'], group: 'navigation' },
];

/** The bindings in force: all of them, or without the dangerous ones under --readonly. */
export function activeKeymap(readonly: boolean, keymap: readonly KeyBinding[] = KEYMAP): KeyBinding[] {
  return keymap.filter((b) => !(readonly && b.dangerous));
}

export function appliesTo(b: KeyBinding, view: PageKind): boolean {
  return b.views.some((v) => v === 'all' || v === view || (v === 'table' && view !== 'text' && view !== 'help'));
}

/** The binding a key has in a view, if any. */
export function lookup(keymap: readonly KeyBinding[], view: PageKind, key: string): KeyBinding | undefined {
  return keymap.find((b) => b.keys.includes(key) && appliesTo(b, view));
}

/** Bindings of a view, in table order. A key taken by an earlier binding is not listed again. */
export function bindingsFor(keymap: readonly KeyBinding[], view: PageKind): KeyBinding[] {
  const taken = new Set<string>();
  const out: KeyBinding[] = [];
  for (const b of keymap) {
    if (!appliesTo(b, view)) continue;
    const keys = b.keys.filter((k) => !taken.has(k));
    if (keys.length === 0) continue;
    keys.forEach((k) => taken.add(k));
    out.push(keys.length === b.keys.length ? b : { ...b, keys });
  }
  return out;
}
