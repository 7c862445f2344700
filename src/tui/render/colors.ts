/** The TUI's colours, after k9s's default skin: health of a row, its change mark, levels of the flash line. */
import type { Change } from '../table/changes.ts';
import type { Health } from '../views/health.ts';
import type { Color } from './line.ts';

export const HEALTH_COLOR: Record<Health, Color> = {
  ok: 'cyan',
  pending: 'yellow',
  error: 'red',
  completed: 'gray',
  terminating: 'magenta',
  warning: 'yellow',
  disabled: 'gray',
};

export const CHANGE_COLOR: Record<Change, Color> = {
  added: 'blueBright',
  modified: 'greenBright',
  deleted: 'magenta',
};

/** The gutter character of a row: new `+`, changed `~`, deleted `-`. */
export const CHANGE_MARK: Record<Change, string> = { added: '+', modified: '~', deleted: '-' };

export type Level = 'info' | 'warn' | 'error';
export const LEVEL_COLOR: Record<Level, Color> = { info: 'green', warn: 'yellow', error: 'red' };

export const ACCENT: Color = 'cyan';
export const LABEL: Color = 'yellow';
