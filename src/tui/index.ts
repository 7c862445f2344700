/**
 * The TUI: a k9s-style full-screen dashboard over the live simulated cluster (the shell, with the
 * CLI: it may use Ink, real timers and the terminal; nothing in the core imports it).
 *
 *   run.tsx          entry: terminal checks, alternate screen, Ink, ticks, exit code
 *   state/           the controller (all state and the key dispatcher), pages, dialogs, prompts
 *   render/          the screen as lines of styled text (header, table, text, dialog, panel)
 *   keymap/          the one key table (hints, help, README key list) and key names
 *   views/           the table views: kinds, aliases, drill-downs, extra columns, row health
 *   table/           rows from the printers, change marks, filter, sort, virtual scrolling
 *   actions/         kubectl command lines of the actions, their dialogs, read-only pages
 *   scenario/        the step-at-a-time scenario driver   time/   speed, pause, next event
 *   ui/              the Ink components (a thin shell around the controller)
 */
export { runTui, noTerminal, type TuiOptions } from './run.tsx';
export { TuiController, type ControllerOptions } from './state/controller.ts';
export { KEYMAP, type KeyBinding } from './keymap/keymap.ts';
