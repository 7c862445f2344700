/**
 * The scenario panel as a learner reads it: a note stays on screen (whole, wrapped) while the
 * steps after it run, until the next note; a pause shows all of its text and the key that
 * continues it; the passed line does not count time that ran on after the end; the border says
 * where the full report is.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { keyPress } from '../../src/tui/keymap/keys.ts';
import { lineText } from '../../src/tui/render/line.ts';
import { openScenario } from '../../src/tui/open-scenario.ts';
import { TuiController } from '../../src/tui/state/controller.ts';
import { FIXTURES } from './util.ts';

function controller(file: string) {
  const opened = openScenario(join(FIXTURES, file), (p) => readFileSync(p, 'utf8'));
  if (!opened.ok) throw new Error(opened.problems.join('\n'));
  const clock = { real: 0 };
  const c = new TuiController({ cluster: opened.host.cluster, session: opened.host.session, scenario: opened.driver, realNow: () => clock.real });
  const tick = (ms: number) => {
    clock.real += ms;
    c.tick();
  };
  const press = (...keys: string[]) => keys.forEach((k) => c.key(k === 'enter' ? keyPress('', { return: true }) : k === 'esc' ? keyPress('', { escape: true }) : keyPress(k, {})));
  return { c, driver: opened.driver, tick, press };
}

/** The panel's lines (inside its border), as text. */
function panel(c: TuiController, columns = 100, rows = 40): string[] {
  const lines = c.screen(columns, rows).map(lineText);
  const top = lines.findIndex((l) => l.startsWith('┌') && l.includes('Scenario:'));
  const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
  return lines.slice(top, bottom + 1);
}

const words = (s: string) => s.replace(/[│┌┐└┘─]/g, ' ').split(/\s+/).filter(Boolean);

describe('the scenario panel', () => {
  it('keeps the latest note, whole and wrapped, while the steps after it run', () => {
    const { c, driver } = controller('narration.yaml');
    assert.equal(driver.phase, 'waiting', 'steps 1 and 2 ran at once; the wait of step 3 runs');
    const text = panel(c).join('\n');
    const note = driver.scenario.steps[0].note!;
    assert.ok(words(note).length > 40);
    assert.deepEqual(words(text).join(' ').includes(words(note).join(' ')), true, `the whole note is on the panel:\n${text}`);
    assert.match(text, /▶ step 3, line \d+: wait/);
    assert.ok(panel(c).every((l) => l.length === 100), 'no line wider than the screen');
    assert.match(panel(c).at(-1)!, /:scenario the full report ─┘$/, 'the border says where the full report is');
  });

  it('a narrow or short panel cuts the note with … rather than dropping the step line', () => {
    const { c } = controller('narration.yaml');
    const lines = panel(c, 60, 25);
    assert.equal(lines.length, 6, '25 rows: a panel of 6');
    assert.match(lines[1], /▶ step 3/);
    assert.match(lines[2], /note: The member Deployment/);
    assert.match(lines.slice(2, 5).join('\n'), /\S …\s*│/);
  });

  it('shows every line of a pause and the key that continues it; the next note replaces the old one', () => {
    const { c, driver, tick, press } = controller('narration.yaml');
    c.time.setSpeed(60);
    tick(600);
    assert.equal(driver.phase, 'paused');
    const text = panel(c).join('\n');
    assert.match(text, /⏸ pause: Three member pods run\./);
    assert.match(text, /Next, one of them is deleted\. +— press n to continue/);
    assert.match(c.screen(100, 40).map(lineText).join('\n'), /Step: +4\/5 pause: press n to continue/);
    press('n');
    assert.equal(driver.phase, 'waiting');
    const after = panel(c).join('\n');
    assert.match(after, /note: A new note replaces the old one\./);
    assert.doesNotMatch(after, /This note is long on purpose/);
  });

  it('passed: the step and check counts, and the PASS line with the virtual time the scenario took', () => {
    const { c, driver, tick, press } = controller('narration.yaml');
    c.time.setSpeed(600);
    tick(100);
    press('n');
    tick(1000); // the scenario ends 10 s in; time runs on for 590 s more
    assert.equal(driver.phase, 'passed');
    const text = panel(c, 140).join('\n');
    assert.match(text, /✓ passed: 5 steps, 0 checks +│/);
    assert.match(text, /--- PASS: TUI fixture narration \(.*\): 5 steps, 0 checks, 40s of virtual time/);
    assert.doesNotMatch(text, /│  note:/, 'a finished scenario narrates nothing');
  });
});
