/**
 * Dialogs as data: a title, a message, fields (text, checkbox, choice, list) and buttons, with
 * one focus that Tab / Shift-Tab (or ↓ / ↑ outside a list) move. `dialogKey` is the whole of a
 * dialog's behaviour, a pure function from (dialog, key) to the next dialog or to a result, so the
 * controller and the tests share it.
 *
 * Keys: typing edits a text field (digits only when numeric); Space toggles a checkbox; ← / →
 * change a choice or move between buttons; ↑ / ↓ (or j / k) move in a list; Enter presses the
 * focused button, or the dialog's `submit` button from a field; Esc cancels.
 *
 * Destructive dialogs start with the focus on Cancel (k9s issue #146), so a stray Enter does
 * nothing.
 */
import type { KeyPress } from '../keymap/keys.ts';

export type Field =
  | { type: 'text'; id: string; label: string; value: string; numeric?: boolean }
  | { type: 'checkbox'; id: string; label: string; value: boolean }
  | { type: 'choice'; id: string; label: string; options: readonly string[]; value: number }
  | { type: 'list'; id: string; label: string; items: readonly string[]; value: number; height: number };

export type Values = Readonly<Record<string, string | boolean | number>>;

export interface Dialog {
  title: string;
  message: readonly string[];
  fields: readonly Field[];
  buttons: readonly string[];
  /** Index over fields then buttons. */
  focus: number;
  /** The button Enter presses from a field. */
  submit: string;
  danger?: boolean;
  /** What the dialog is for; the controller acts on the pressed button with it. */
  action: DialogAction;
}

/** The controller's instruction for a pressed button (see controller-actions.ts). */
export type DialogAction = { id: string; targets: readonly { kind: string; namespace: string; name: string }[]; data?: Readonly<Record<string, string | number>> };

export type DialogResult = { type: 'open'; dialog: Dialog } | { type: 'close'; button?: string; values: Values };

export const CANCEL = 'Cancel';
export const OK = 'OK';

export function values(d: Dialog): Values {
  const out: Record<string, string | boolean | number> = {};
  for (const f of d.fields) out[f.id] = f.type === 'choice' ? f.options[f.value] : f.type === 'list' ? f.value : f.value;
  return out;
}

/** A yes/no dialog for something destructive: [Cancel] [OK], Cancel focused. */
export function confirmDialog(title: string, message: readonly string[], action: DialogAction, ok = OK): Dialog {
  return { title, message, fields: [], buttons: [CANCEL, ok], focus: 0, submit: ok, danger: true, action };
}

/** A form: fields then [Cancel] [OK]; the focus starts on `focus` (default the first field). */
export function formDialog(title: string, message: readonly string[], fields: Field[], action: DialogAction, opts: { ok?: string; focus?: number; danger?: boolean; buttons?: string[] } = {}): Dialog {
  const ok = opts.ok ?? OK;
  return { title, message, fields, buttons: opts.buttons ?? [CANCEL, ok], focus: opts.focus ?? 0, submit: ok, danger: opts.danger ?? false, action };
}

function withField(d: Dialog, i: number, f: Field): Dialog {
  const fields = [...d.fields];
  fields[i] = f;
  return { ...d, fields };
}

export function dialogKey(d: Dialog, k: KeyPress): DialogResult {
  const total = d.fields.length + d.buttons.length;
  const open = (dialog: Dialog): DialogResult => ({ type: 'open', dialog });
  const move = (by: number) => open({ ...d, focus: (d.focus + by + total) % total });
  const field = d.focus < d.fields.length ? d.fields[d.focus] : undefined;
  const button = field ? undefined : d.buttons[d.focus - d.fields.length];

  if (k.name === 'esc') return { type: 'close', values: values(d) };
  if (k.name === 'enter') return { type: 'close', button: button ?? d.submit, values: values(d) };
  if (k.name === 'tab') return move(1);
  if (k.name === 'shift-tab') return move(-1);

  if (field?.type === 'list') {
    const by = k.name === 'down' || k.name === 'j' ? 1 : k.name === 'up' || k.name === 'k' ? -1 : 0;
    if (by !== 0) return open(withField(d, d.focus, { ...field, value: Math.min(field.items.length - 1, Math.max(0, field.value + by)) }));
    return open(d);
  }
  if (k.name === 'down') return move(1);
  if (k.name === 'up') return move(-1);

  if (field?.type === 'text') {
    if (k.name === 'backspace') return open(withField(d, d.focus, { ...field, value: field.value.slice(0, -1) }));
    if (k.text) {
      const typed = field.numeric ? k.text.replace(/[^0-9]/g, '') : k.text;
      return open(withField(d, d.focus, { ...field, value: field.value + typed }));
    }
    return open(d);
  }
  if (field?.type === 'checkbox' && (k.name === 'space' || k.name === 'x')) return open(withField(d, d.focus, { ...field, value: !field.value }));
  if (field?.type === 'choice' && (k.name === 'left' || k.name === 'right' || k.name === 'space')) {
    const by = k.name === 'left' ? -1 : 1;
    return open(withField(d, d.focus, { ...field, value: (field.value + by + field.options.length) % field.options.length }));
  }
  if (button !== undefined && (k.name === 'left' || k.name === 'right' || k.name === 'h' || k.name === 'l')) {
    const b = d.focus - d.fields.length;
    const nb = Math.min(d.buttons.length - 1, Math.max(0, b + (k.name === 'left' || k.name === 'h' ? -1 : 1)));
    return open({ ...d, focus: d.fields.length + nb });
  }
  return open(d);
}
