#!/usr/bin/env node
// The kubesim command. It loads the TypeScript sources through tsx, so `npx kubesim` works
// after `npm ci` without a build step, and hands main() the real process: arguments,
// environment, files and the terminal.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));

try {
  const { main } = await tsImport('./main.ts', import.meta.url);
  process.exitCode = await main({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    packageRoot: join(here, '..', '..'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
  });
} catch (e) {
  // main() reports its own errors; this is for kubesim failing to load at all.
  process.stderr.write(`kubesim: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.KUBESIM_DEBUG === '1' && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exitCode = 70;
}
