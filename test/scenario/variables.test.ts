/**
 * kubesim's extension of the scenario format: `save: NAME` on a kubectl step and `${NAME}` later.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createRealHost, realToolkit } from '../../src/scenario/real-host.ts';
import { runScenarios, type RunOptions } from '../../src/scenario/run.ts';
import { references, substitute } from '../../src/scenario/steps.ts';

function run(file: string, opts: RunOptions = {}) {
  const lines: string[] = [];
  const summary = runScenarios([file], opts, { readFile: (p) => readFileSync(p, 'utf8'), toolkit: realToolkit, createHost: createRealHost, write: (l) => lines.push(l) });
  return { ...summary, lines, text: lines.join('\n') };
}

test('references and substitution', () => {
  assert.deepEqual(references('delete pod ${a} ${b_2}'), ['a', 'b_2']);
  assert.equal(substitute('delete pod ${a}', new Map([['a', 'web-1']])), 'delete pod web-1');
  assert.equal(substitute('left ${unknown} alone', new Map()), 'left ${unknown} alone');
});

test('a saved output is used by later kubectl lines and conditions', () => {
  const r = run('test/scenario/fixtures/real/variables.yaml');
  assert.equal(r.exitCode, 0, r.text);
  assert.ok(r.lines.some((l) => l.includes('saved ${first} = web')), r.text);
  assert.ok(r.lines.some((l) => l.includes('$ kubectl delete pod web')), r.text);
});

test('a variable used before a step saves it, or a bad name, is invalid before anything runs', () => {
  const r = run('test/scenario/fixtures/invalid/variables.yaml', { validateOnly: true });
  assert.equal(r.exitCode, 2);
  const f = 'test/scenario/fixtures/invalid/variables.yaml';
  assert.deepEqual(r.lines.slice(0, 3), [
    `${f}:4:11: steps[0].save: invalid variable name "1x": letters, digits and _, not starting with a digit`,
    `${f}:5:14: steps[1].kubectl: \${nope} is not saved by an earlier step (a kubectl step with save: nope)`,
    `${f}:7:7: steps[2].expect: \${later} is not saved by an earlier step (a kubectl step with save: later)`,
  ]);
});
