/**
 * Every scenario in scenarios/ plays and passes: each is a test of the flow it describes.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createRealHost, realToolkit } from '../../src/scenario/real-host.ts';
import { runScenarios } from '../../src/scenario/run.ts';

const DIR = 'scenarios';
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

test('there are scenarios to play', () => {
  assert.ok(files.length > 0);
});

for (const f of files) {
  test(`scenarios/${f} passes`, () => {
    const lines: string[] = [];
    const r = runScenarios([`${DIR}/${f}`], {}, { readFile: (p) => readFileSync(p, 'utf8'), toolkit: realToolkit, createHost: createRealHost, write: (l) => lines.push(l) });
    assert.equal(r.exitCode, 0, lines.join('\n'));
  });
}
