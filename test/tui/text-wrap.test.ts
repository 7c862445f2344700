/**
 * Long lines: text pages (describe, YAML, logs, kubectl output, the scenario report) wrap them
 * by default, as a terminal does, and `w` cuts them at the border again (k9s's look); scrolling
 * counts the lines shown.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { keyPress } from '../../src/tui/keymap/keys.ts';
import { lineText } from '../../src/tui/render/line.ts';
import { wrapText } from '../../src/tui/render/wrap.ts';
import { openScenario } from '../../src/tui/open-scenario.ts';
import { TuiController } from '../../src/tui/state/controller.ts';
import { FIXTURES } from './util.ts';

function controller(file: string) {
  const opened = openScenario(join(FIXTURES, file), (p) => readFileSync(p, 'utf8'));
  if (!opened.ok) throw new Error(opened.problems.join('\n'));
  const c = new TuiController({ cluster: opened.host.cluster, session: opened.host.session, scenario: opened.driver, realNow: () => 0 });
  const press = (...keys: string[]) => keys.forEach((k) => c.key(k === 'enter' ? keyPress('', { return: true }) : keyPress(k, {})));
  return { c, press };
}

describe('wrapping', () => {
  it('breaks at spaces, cuts a word longer than the line, keeps the indent', () => {
    assert.deepEqual(wrapText('Scale member from 1 to 3 pods.', 12), ['Scale member', 'from 1 to 3', 'pods.']);
    assert.deepEqual(wrapText('3.14159265358979', 6), ['3.1415', '926535', '8979']);
    assert.deepEqual(wrapText('    note: a b c d', 12), ['    note: a', '    b c d']);
    assert.deepEqual(wrapText('short', 80), ['short']);
    assert.deepEqual(wrapText('', 5), ['']);
  });
});

describe('text pages', () => {
  it('wrap long lines by default; w cuts them at the border; scrolling counts the lines shown', () => {
    const { c, press } = controller('narration.yaml');
    press(':', 'scenario', 'enter');
    const page = c.top;
    assert.equal(page.type, 'text');
    const screen = () => c.screen(80, 26).map(lineText);
    /** The text page's lines: between its border and the scenario panel's. */
    const body = (lines: string[]) => {
      const top = lines.findIndex((l) => l.startsWith('┌'));
      const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
      return lines.slice(top + 1, bottom);
    };
    const wrapped = body(screen()).join('\n');
    assert.match(wrapped, /happens next in more words/, 'the note wraps onto its own lines');
    assert.match(screen().find((l) => l.startsWith('┌'))!, /Scenario\(TUI fixture narration\) \(follow\)/);
    press('w');
    const cut = screen();
    assert.match(cut.find((l) => l.startsWith('┌'))!, /\(no wrap\)/);
    assert.doesNotMatch(body(cut).join('\n'), /happens next in more words/);
    assert.match(cut.at(-1)!, /Long lines cut at the border \(w wraps them\)/);
    press('w', 'g');
    assert.equal(page.type === 'text' && page.top, 0);
    press('G');
    const end = body(screen());
    assert.ok(page.type === 'text' && page.top > 0, 'scrolled down');
    assert.match(end.join('\n'), /member +0\/3 +3 +0 +0s\s+│$/, 'G reaches the last wrapped line, and shows it last');
  });
});
