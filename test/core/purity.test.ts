/**
 * The pure core: nothing under src/ but the CLI and the TUI may import ink or react, read the
 * wall clock, draw from Math.random or use the global timers.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = new URL('../../src/', import.meta.url).pathname;
const SHELL = ['cli', 'tui'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|mts|mjs)$/.test(f) ? [p] : [];
  });
}

const core = files(ROOT).filter((f) => !SHELL.includes(relative(ROOT, f).split('/')[0]));

const RULES: [RegExp, string][] = [
  [/from\s+['"](ink|react|ink-testing-library)(\/[^'"]*)?['"]/, 'imports ink/react'],
  [/from\s+['"][./]+(?:[^'"]*\/)?tui(\/[^'"]*)?['"]/, 'imports the TUI'],
  [/\bDate\.now\s*\(/, 'reads Date.now()'],
  [/\bnew\s+Date\s*\(\s*\)/, 'reads new Date()'],
  [/\bperformance\.now\s*\(/, 'reads performance.now()'],
  [/\bMath\.random\s*\(/, 'draws Math.random()'],
  [/(?<![.\w])(setTimeout|setInterval|setImmediate)\s*\(/, 'uses the global timers'],
  [/\bprocess\.(hrtime|stdout|stdin|argv|env)\b/, 'touches the process'],
  [/from\s+['"](node:)?(fs|fs\/promises|child_process|readline|http|https|dgram)['"]/, 'touches files, processes or the network'],
];

test('the simulation core is pure', () => {
  assert.ok(core.length > 20, 'found the core sources');
  const problems: string[] = [];
  for (const f of core) {
    const text = readFileSync(f, 'utf8');
    text.split('\n').forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return;
      for (const [re, what] of RULES) if (re.test(line)) problems.push(`src/${relative(ROOT, f)}:${i + 1} ${what}: ${line.trim()}`);
    });
  }
  assert.deepEqual(problems, []);
});

test('the purity rules catch what they are meant to catch', () => {
  const bad = ["import { Box } from 'ink';", 'const t = Date.now();', 'x = Math.random()', 'setTimeout(() => {}, 1)', "import fs from 'node:fs';", 'const d = new Date();'];
  for (const line of bad) assert.ok(RULES.some(([re]) => re.test(line)), line);
  const fine = ['clock.setTime(t)', 'new Date(ms).toISOString()', 'this.clock.after(5, fn)', "import { x } from './timers.ts'"];
  for (const line of fine) assert.ok(!RULES.some(([re]) => re.test(line)), line);
});
