/**
 * Finds the command a kubectl line names, as cobra does: at each level the first word that is not
 * a flag (nor a flag's value) selects a subcommand (`rollout` → `status`), by name or alias; the
 * remaining words are the command's flags and arguments.
 *
 * Example: `-n ott rollout status deploy/web --watch=false` → command [rollout, status], rest
 * [-n, ott, deploy/web, --watch=false].
 */
import type { CommandGroup, CommandSpec } from './context.ts';
import { GLOBAL_FLAGS } from './common-flags.ts';
import type { FlagSpec } from './flags.ts';

export interface CommandNode {
  name: string;
  aliases: string[];
  path: string[];
  spec?: CommandSpec;
  group?: CommandGroup;
  children: CommandNode[];
}

export interface Invocation {
  node: CommandNode;
  /** The command words as typed (aliases included). */
  pathWords: string[];
  /** Everything else: flags and arguments, in order. */
  rest: string[];
}

export function buildTree(specs: readonly CommandSpec[], groups: readonly CommandGroup[]): CommandNode {
  const root: CommandNode = { name: 'kubectl', aliases: [], path: [], children: [] };
  const nodeAt = (path: string[]): CommandNode => {
    let node = root;
    for (let i = 0; i < path.length; i++) {
      let child = node.children.find((c) => c.name === path[i]);
      if (!child) {
        child = { name: path[i], aliases: [], path: path.slice(0, i + 1), children: [] };
        node.children.push(child);
      }
      node = child;
    }
    return node;
  };
  for (const g of groups) {
    const n = nodeAt(g.path);
    n.group = g;
    n.aliases = g.aliases ?? [];
  }
  for (const s of specs) {
    const n = nodeAt(s.path);
    n.spec = s;
    n.aliases = s.aliases ?? [];
  }
  return root;
}

export function findCommand(root: CommandNode, words: readonly string[]): Invocation {
  let node = root;
  const rest = [...words];
  const pathWords: string[] = [];
  for (;;) {
    const flags = [...GLOBAL_FLAGS, ...(node.spec?.flags ?? [])];
    const idx = firstArgument(rest, flags);
    if (idx < 0) break;
    const word = rest[idx];
    const child = node.children.find((c) => c.name === word || c.aliases.includes(word));
    if (!child) break;
    pathWords.push(word);
    rest.splice(idx, 1);
    node = child;
  }
  return { node, pathWords, rest };
}

/** Index of the first word that is neither a flag nor a flag's value, or -1. */
export function firstArgument(words: readonly string[], flags: readonly FlagSpec[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') return -1;
    if (w.startsWith('-') && w.length > 1) {
      if (!w.includes('=') && takesValue(w, flags)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** cobra's stripFlags: `--x` or `-x` consumes the next word unless it is a known boolean-like flag. */
function takesValue(word: string, flags: readonly FlagSpec[]): boolean {
  let spec: FlagSpec | undefined;
  if (word.startsWith('--')) spec = flags.find((f) => f.name === word.slice(2));
  else if (word.length === 2) spec = flags.find((f) => f.short === word[1]);
  else return false;
  if (!spec) return true;
  return spec.type !== 'bool' && spec.noOptDefault === undefined;
}
