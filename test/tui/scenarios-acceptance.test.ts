/**
 * Acceptance: every scenario in scenarios/, played in the TUI, reaches its end with every check
 * passed, and its report is the one `kubesim play FILE` prints.
 *
 * Each file is opened as `kubesim FILE` opens it and played through the TUI's controller on the
 * TUI's clock, with a fake real-time clock moved in uneven ticks (37..419 ms): keys go in as a
 * learner presses them. Time runs at ×10 to begin with; now and then the learner speeds up or
 * slows down (`+`, `-`) or jumps to the next event (`.`). At each `pause` the learner reads the
 * screen (it must say to press n, and time must hold while they read), looks around (`:deploy`,
 * `d` describe, `y` YAML, `esc`, `:po`, `l` logs, `esc`) and presses `n`. The screen is drawn
 * after every tick and key, and an internal error (which the controller turns into a red flash
 * line) fails the test.
 *
 * The one line that differs on purpose: play announces a pause step as `pause (play does not
 * pause): TEXT`, the TUI, which does pause, as `pause: TEXT`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { keyPress, type InkKey } from '../../src/tui/keymap/keys.ts';
import { lineText } from '../../src/tui/render/line.ts';
import { openScenario } from '../../src/tui/open-scenario.ts';
import { TuiController } from '../../src/tui/state/controller.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (p: string) => readFileSync(isAbsolute(p) ? p : join(ROOT, p), 'utf8');
const FILES = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `scenarios/${f}`);

/** What `kubesim play FILE` prints, as lines, and its exit code. */
async function play(file: string): Promise<{ code: number; lines: string[] }> {
  let out = '';
  const code = await main({
    argv: ['play', file],
    env: {},
    cwd: ROOT,
    packageRoot: ROOT,
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    readFile: read,
    writeFile: () => assert.fail('play writes no file without --dump'),
  });
  return { code, lines: out.replace(/\n$/, '').split('\n') };
}

function press(c: TuiController, ...names: string[]): void {
  for (const n of names) {
    const key: InkKey = n === 'enter' ? { return: true } : n === 'esc' ? { escape: true } : {};
    if (Object.keys(key).length) c.key(keyPress('', key));
    else for (const ch of n) c.key(keyPress(ch, {}));
  }
}

/** Plays FILE in the TUI as a learner would; returns the driver's report and what the screen said at pauses. */
function playInTui(file: string) {
  const opened = openScenario(file, read);
  if (!opened.ok) assert.fail(opened.problems.join('\n'));
  const clock = { real: 0 };
  const c = new TuiController({ cluster: opened.host.cluster, session: opened.host.session, scenario: opened.driver, realNow: () => clock.real });
  const d = opened.driver;
  const screen = () => c.screen(160, 45).map(lineText).join('\n');
  const healthy = (when: string) => {
    const text = screen();
    if (c.flashMessage?.level === 'error') assert.fail(`${file}: ${when}: ${c.flashMessage.text}\n${text}`);
    return text;
  };
  press(c, '+++'); // ×1 → ×2 → ×5 → ×10
  assert.equal(c.time.speed, 10);
  let pauses = 0;
  for (let i = 0; !d.done; i++) {
    assert.ok(i < 20_000, `${file}: still at step ${d.index + 1} (${d.phase}) after 20,000 ticks`);
    if (d.phase === 'paused') {
      pauses++;
      const at = c.cluster.now();
      for (let k = 0; k < 3; k++) {
        clock.real += 400;
        c.tick();
      }
      assert.equal(c.cluster.now(), at, `${file}: time holds at a pause`);
      assert.match(healthy('at a pause'), /pause: press n to continue/, `${file}: the pause says which key continues`);
      press(c, ':deploy', 'enter', 'd', 'esc', 'y', 'esc', ':po', 'enter', 'l', 'esc');
      healthy('looking around at a pause');
      const step = d.index;
      press(c, 'n');
      assert.ok(d.index > step || d.done, `${file}: n continued the pause of step ${step + 1}`);
      healthy('after n');
      continue;
    }
    if (i % 13 === 12) press(c, '.');
    else if (i % 47 === 46) press(c, c.time.speed < 600 ? '+' : '-');
    else if (i % 71 === 70) press(c, c.time.speed > 5 ? '-' : '+');
    else {
      clock.real += 37 + ((i * 97) % 383);
      c.tick();
    }
    healthy(`tick ${i}`);
  }
  c.dispose();
  return { driver: d, pauses, end: screen() };
}

describe('every scenario played in the TUI', () => {
  for (const file of FILES) {
    it(`${file}: ends with every check passed and kubesim play's report`, async () => {
      const headless = await play(file);
      assert.equal(headless.code, 0, `kubesim play ${file} passes:\n${headless.lines.join('\n')}`);
      assert.equal(headless.lines.at(-1), '1 passed, 0 failed');
      const want = headless.lines.slice(0, -1).map((l) => l.replace(/pause \(play does not pause\): /, 'pause: '));
      const { driver, end, pauses } = playInTui(file);
      assert.equal(driver.phase, 'passed', `${file} failed in the TUI at ${driver.failure}:\n${driver.log.join('\n')}`);
      assert.deepEqual(driver.log, want);
      assert.match(end, /PASSED/);
      assert.equal(pauses, driver.scenario.steps.filter((s) => s.action === 'pause').length, 'stopped at every pause');
    });
  }
});
