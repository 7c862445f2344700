/**
 * The one-line prompts: `:` commands (with completion), `/` filter (applied as you type), `!`
 * kubectl. Editing is pure: (prompt, key) → the next prompt, or what to do.
 *
 * Keys: typing appends; Backspace deletes (on an empty prompt it closes it, as in k9s); Tab or →
 * takes the first completion; ↑ / ↓ walk the history of that prompt; Enter runs; Esc closes.
 */
import type { KeyPress } from '../keymap/keys.ts';

export type PromptKind = 'command' | 'filter' | 'kubectl';

export interface Prompt {
  kind: PromptKind;
  text: string;
  /** Position in the history while walking it (history.length = the line being typed). */
  historyIndex: number;
  /** The line being typed before walking the history. */
  draft: string;
}

export type PromptResult = { type: 'edit'; prompt: Prompt } | { type: 'submit'; text: string } | { type: 'cancel' };

export const PROMPT_LABEL: Record<PromptKind, string> = { command: ':', filter: '/', kubectl: '$ kubectl ' };

export function openPrompt(kind: PromptKind, history: readonly string[], text = ''): Prompt {
  return { kind, text, historyIndex: history.length, draft: text };
}

export function promptKey(p: Prompt, k: KeyPress, history: readonly string[], completion: string | undefined): PromptResult {
  const edit = (changes: Partial<Prompt>): PromptResult => ({ type: 'edit', prompt: { ...p, ...changes } });
  switch (k.name) {
    case 'esc':
      return { type: 'cancel' };
    case 'enter':
      return { type: 'submit', text: p.text };
    case 'backspace':
      if (p.text === '') return { type: 'cancel' };
      return edit({ text: p.text.slice(0, -1), historyIndex: history.length });
    case 'ctrl-u':
      return edit({ text: '', historyIndex: history.length });
    case 'tab':
    case 'right':
      return completion ? edit({ text: completion }) : edit({});
    case 'up': {
      if (p.historyIndex <= 0) return edit({});
      const i = p.historyIndex - 1;
      return edit({ historyIndex: i, text: history[i], draft: p.historyIndex === history.length ? p.text : p.draft });
    }
    case 'down': {
      if (p.historyIndex >= history.length) return edit({});
      const i = p.historyIndex + 1;
      return edit({ historyIndex: i, text: i === history.length ? p.draft : history[i] });
    }
  }
  if (k.text) return edit({ text: p.text + k.text, historyIndex: history.length });
  return edit({});
}
