/**
 * Key names: what Ink's useInput reports, turned into one string per key as the keymap writes
 * them (`j`, `G`, `:`, `space`, `enter`, `esc`, `ctrl-d`, `shift-tab`, `up`, `pgdn`).
 *
 * Ink 6.8 quirks handled here (see /work/shared/reference/ink.md B.3): Backspace arrives as
 * `delete`; Esc also sets `meta`; Ctrl-Space arrives as ctrl + "`"; Ctrl-\ arrives as the raw
 * byte 0x1c; an upper-case letter sets `shift`.
 */

/** The parts of Ink's Key that matter here (a structural subset, so tests need not build all). */
export interface InkKey {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  meta?: boolean;
}

/** A key press: its name for the keymap, and the text it types (for prompts and fields). */
export interface KeyPress {
  name: string;
  /** Printable text this key types, '' for control keys. A paste arrives as one KeyPress. */
  text: string;
}

export function keyPress(input: string, key: InkKey): KeyPress {
  const named = (name: string): KeyPress => ({ name, text: '' });
  if (key.return) return named('enter');
  if (key.escape) return named('esc');
  if (key.tab) return named(key.shift ? 'shift-tab' : 'tab');
  if (key.backspace || key.delete) return named('backspace');
  const mod = (name: string) => named(`${key.ctrl ? 'ctrl-' : ''}${key.shift ? 'shift-' : ''}${name}`);
  if (key.upArrow) return mod('up');
  if (key.downArrow) return mod('down');
  if (key.leftArrow) return mod('left');
  if (key.rightArrow) return mod('right');
  if (key.pageUp) return named('pgup');
  if (key.pageDown) return named('pgdn');
  if (key.home) return named('home');
  if (key.end) return named('end');
  if (input === '\x1c') return named('ctrl-\\');
  if (key.ctrl) {
    if (input === '`' || input === ' ' || input === '@') return named('ctrl-space');
    return named(`ctrl-${input.toLowerCase()}`);
  }
  if (input === ' ') return { name: 'space', text: ' ' };
  if (input === '\n') return named('enter');
  // Alt-x and anything else with meta: no binding uses it; keep the letter as typed text only.
  if (key.meta) return { name: `meta-${input}`, text: '' };
  return { name: input, text: input };
}

/** How a key name is shown in hints and help: `<ctrl-d>`, `<shift-n>` for `N`, `<space>`. */
export function keyLabel(name: string): string {
  if (name.length === 1 && /[A-Z]/.test(name)) return `shift-${name.toLowerCase()}`;
  return name;
}

/**
 * The key presses in one chunk of input. A terminal (or tmux, or a paste) may deliver several
 * keys at once (`:deploy\r`); Ink then reports the chunk as one input, which is split here so
 * that `:` opens the prompt, `deploy` is typed into it and `\r` submits it.
 */
export function keyPresses(input: string, key: InkKey): KeyPress[] {
  const flagged = key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end || key.escape;
  if (input.length <= 1 || flagged) return [keyPress(input, key)];
  return [...input].map((ch) => {
    if (ch === '\r' || ch === '\n') return keyPress('', { return: true });
    if (ch === '\t') return keyPress('', { tab: true });
    if (ch === '\x7f' || ch === '\x08') return keyPress('', { delete: true });
    const code = ch.charCodeAt(0);
    if (code > 0 && code < 0x20 && ch !== '\x1c') return keyPress(String.fromCharCode(code + 96), { ctrl: true });
    return keyPress(ch, /[A-Z]/.test(ch) ? { shift: true } : {});
  });
}
