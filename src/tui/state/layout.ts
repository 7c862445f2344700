/**
 * How the screen's rows are shared (top to bottom): header, prompt (while typing), body (a table,
 * a text page or help, with its border), the scenario panel, crumbs, flash. The whole is one row
 * less than the terminal (Ink 6 clears the screen on every frame when the output is as tall as
 * the terminal; reference/ink.md B.2). Small terminals get a one-line header and a smaller panel;
 * tall ones a taller panel (a sixth of the height, plus its border), so that a scenario's notes
 * have room.
 *
 * Worked example: 40 rows with a scenario → height 39 = header 6 + body 23 + panel 8 + crumbs 1 +
 * flash 1; the table shows 23 − 3 = 20 rows. At 30 rows the panel is 6, at 45 it is 9 (12 at most).
 */
import { HEADER_ROWS } from '../render/header.ts';

export interface Layout {
  width: number;
  height: number;
  header: number;
  prompt: number;
  body: number;
  scenario: number;
  crumbs: number;
  flash: number;
}

export function computeLayout(columns: number, rows: number, opts: { scenario: boolean; prompt: boolean }): Layout {
  const width = Math.max(20, columns);
  const height = Math.max(8, rows - 1);
  const roomy = height >= 24;
  const header = roomy ? HEADER_ROWS : 1;
  const scenario = opts.scenario ? (roomy ? Math.min(12, Math.max(6, Math.floor(height / 6) + 2)) : 3) : 0;
  const prompt = opts.prompt ? 1 : 0;
  const crumbs = 1;
  const flash = 1;
  const body = Math.max(3, height - header - scenario - prompt - crumbs - flash);
  return { width, height, header, prompt, body, scenario, crumbs, flash };
}
