/**
 * The step-at-a-time driver against the headless player: played by the TUI's clock in uneven
 * real-time ticks at various speeds, a scenario must print the very same report (same instants,
 * same checks) as `kubesim play`. Also: pause steps wait for `continue` while time runs, a failed
 * check fails the scenario, and a wait never overshoots.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadScenario, playScenario, realToolkit, ScenarioReport, createRealHost } from '../../src/scenario/index.ts';
import { openScenario } from '../../src/tui/open-scenario.ts';
import { TimeControl } from '../../src/tui/time/time-control.ts';
import { FIXTURES } from './util.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (p: string) => readFileSync(p, 'utf8');

function headless(file: string): string[] {
  const loaded = loadScenario(file, read(file), realToolkit, read);
  if (!loaded.ok) throw new Error('invalid');
  const s = loaded.scenario;
  const host = createRealHost({
    seed: s.cluster.seed,
    ...(s.cluster.start !== undefined ? { start: s.cluster.start } : {}),
    ...(s.cluster.nodes ? { nodes: s.cluster.nodes } : {}),
    images: s.cluster.images,
    namespace: s.namespace,
    readFile: (p) => read(join(file, '..', p)),
  });
  const lines: string[] = [];
  const report = new ScenarioReport((l) => lines.push(l), false);
  const r = playScenario(s, host, report);
  if (r.passed) report.passed(s.name, s.file, r.steps, r.checks, r.elapsedMs);
  else report.failed(s.name, s.file, r.failure ?? '');
  return lines;
}

/** Plays in the TUI's way: ticks of 37..420 real ms at `speed`, continuing pauses (at once: they hold time anyway). */
function driven(file: string, speed: number) {
  const opened = openScenario(file, read);
  assert.ok(opened.ok);
  const { driver, host } = opened;
  driver.begin();
  const time = new TimeControl(host.cluster, driver);
  time.setSpeed(speed);
  let tick = 0;
  for (let i = 0; i < 200_000 && !driver.done; i++) {
    if (driver.phase === 'paused') driver.continue();
    time.tick(37 + ((tick++ * 97) % 383));
  }
  return driver;
}

const pauseSummary = (l: string) => l.replace(/pause \(play does not pause\): /, 'pause: ');

describe('scenario driver', () => {
  for (const [file, speed] of [
    ['scenarios/02-deployment-scaling.yaml', 60],
    ['scenarios/demo.yaml', 600],
    ['scenarios/08-job.yaml', 600],
    ['test/tui/fixtures/shop.yaml', 5],
  ] as const) {
    it(`${file} at ×${speed} prints what kubesim play prints`, () => {
      const path = join(ROOT, file);
      const want = headless(path).map(pauseSummary);
      const d = driven(path, speed);
      assert.equal(d.phase, 'passed');
      assert.deepEqual(d.log, want);
    });
  }

  it('a failed check fails the scenario (the TUI exits 1), the rest is not run', () => {
    const path = join(FIXTURES, 'failing.yaml');
    const d = driven(path, 60);
    assert.equal(d.phase, 'failed');
    assert.equal(d.failure, 'step 2 (line 10)');
    assert.deepEqual(d.log, headless(path));
    assert.ok(d.log.some((l) => l.includes('✗ deployments member: all READY=5/5')));
  });

  it('a pause step holds the scenario and time until continued', () => {
    const opened = openScenario(join(FIXTURES, 'shop.yaml'), read);
    assert.ok(opened.ok);
    const { driver, host } = opened;
    driver.begin();
    const time = new TimeControl(host.cluster, driver);
    while (driver.phase !== 'paused') time.tick(250);
    assert.equal(driver.step?.action, 'pause');
    const at = host.cluster.now();
    for (let i = 0; i < 20; i++) time.tick(250);
    assert.equal(driver.phase, 'paused', 'still waiting for the key');
    assert.equal(host.cluster.now(), at, 'time held');
    assert.equal(time.step(), 'The scenario is paused: press n to continue');
    assert.equal(host.cluster.now(), at);
    assert.equal(driver.continue(), true);
    assert.equal(driver.phase, 'waiting');
    assert.equal(driver.deadline, at + 10_000);
    assert.equal(driver.continue(), false, 'nothing to continue now');
  });

  it('a wait ends exactly at its instant; the rest of the tick goes to the steps after it', () => {
    const opened = openScenario(join(FIXTURES, 'shop.yaml'), read);
    assert.ok(opened.ok);
    const { driver, host } = opened;
    driver.begin();
    const time = new TimeControl(host.cluster, driver);
    time.setSpeed(600);
    while (driver.phase !== 'paused') time.tick(250);
    driver.continue();
    const end = driver.deadline!;
    time.tick(10); // 6 s of the 10 s wait
    assert.equal(driver.phase, 'waiting');
    assert.equal(host.cluster.now(), end - 4000);
    time.tick(1000); // 600 s: the wait ends at `end`, the scenario passes, time runs on
    assert.equal(driver.phase, 'passed');
    assert.ok(driver.log.some((l) => l.includes('--- PASS')));
    assert.equal(host.cluster.now(), end - 4000 + 600_000);
  });
});
