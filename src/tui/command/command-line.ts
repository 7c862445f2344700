/**
 * The `:` command line (k9s's grammar):
 *
 *   :po  :pods  :deploy  :dp  :sts  :ds  :job  :cj  :no  :svc  :ev  :ns  ...   open a view
 *   :pod ott                 in a namespace (`all` or `-A` for every namespace)
 *   :pod app=member          with a label selector (anything with = != or a set operator)
 *   :pod /member             with a filter (the rest of the line)
 *   :pod ott app=member /x   any of them together
 *   :q  :q!  :qa  :quit      quit
 *   :scenario                the scenario's log so far        :help   the key list
 *
 * Completion offers the view names (every kubectl name and k9s alias) for the first word and the
 * namespaces for the next.
 */
import { parseSelector, SelectorError, type Selector } from '../../api/selector.ts';
import { ALIASES, viewForAlias } from '../views/registry.ts';
import type { ResourceView } from '../views/view-names.ts';

export type ParsedCommand =
  | { kind: 'quit' }
  | { kind: 'help' }
  | { kind: 'scenario' }
  | { kind: 'view'; view: ResourceView; namespace?: string; selector?: { text: string; selector: Selector }; filter?: string }
  | { kind: 'error'; message: string };

const QUIT = new Set(['q', 'q!', 'qa', 'Q', 'quit', 'exit']);
const SPECIAL = ['help', 'quit', 'scenario'];
const ALL_NAMESPACES = new Set(['all', '-A', '*', '--all-namespaces']);

function looksLikeSelector(word: string): boolean {
  return /[=!]/.test(word) || /\s(in|notin)\s/.test(word);
}

export function parseCommand(line: string, namespaceExists: (ns: string) => boolean): ParsedCommand {
  const text = line.trim().replace(/^:/, '');
  if (text === '') return { kind: 'error', message: 'type a view name (po, deploy, svc, no, ...) or q to quit' };
  const slash = text.search(/(^|\s)\//);
  const filter = slash >= 0 ? text.slice(slash).trim().slice(1) : undefined;
  const words = (slash >= 0 ? text.slice(0, slash) : text).trim().split(/\s+/).filter(Boolean);
  const [head, ...args] = words;
  if (head === undefined) return { kind: 'error', message: 'type a view name before the filter' };
  if (QUIT.has(head)) return { kind: 'quit' };
  if (head === 'help' || head === '?') return { kind: 'help' };
  if (head === 'scenario') return { kind: 'scenario' };
  const view = viewForAlias(head);
  if (!view) return { kind: 'error', message: `unknown view "${head}"` };
  const out: Extract<ParsedCommand, { kind: 'view' }> = { kind: 'view', view, ...(filter !== undefined ? { filter } : {}) };
  for (const arg of args) {
    if (ALL_NAMESPACES.has(arg)) out.namespace = '';
    else if (looksLikeSelector(arg)) {
      try {
        out.selector = { text: arg, selector: parseSelector(arg) };
      } catch (e) {
        if (e instanceof SelectorError) return { kind: 'error', message: `invalid label selector "${arg}": ${e.message}` };
        throw e;
      }
    } else if (namespaceExists(arg)) out.namespace = arg;
    else return { kind: 'error', message: `namespace "${arg}" not found` };
  }
  return out;
}

/** Completions of what is typed, best first: each is the whole line it would become. */
export function completions(line: string, namespaces: readonly string[]): string[] {
  const words = line.split(' ');
  if (words.length === 1) {
    const word = words[0];
    if (word === '') return [];
    const names = [...ALIASES.keys(), ...SPECIAL].filter((n) => n.startsWith(word) && n !== word);
    return names.sort((a, b) => a.length - b.length || a.localeCompare(b));
  }
  const last = words[words.length - 1];
  if (last === '' || last.startsWith('/') || looksLikeSelector(last) || !viewForAlias(words[0])) return [];
  const head = words.slice(0, -1).join(' ');
  return ['all', ...namespaces]
    .filter((n) => n.startsWith(last) && n !== last)
    .sort()
    .map((n) => `${head} ${n}`);
}
