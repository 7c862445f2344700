/**
 * The TUI's entry point end to end, on a fake terminal: it refuses to run without one (exit 2),
 * refuses an invalid scenario before anything runs (exit 2), enters and leaves the alternate
 * screen, and exits 1 when the scenario's check failed (0 when it passed), printing the result.
 */
import './without-ci.ts';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { noTerminal, runTui } from '../../src/tui/run.tsx';
import { FIXTURES, stripAnsi } from './util.ts';

class Terminal extends EventEmitter {
  isTTY = true;
  columns = 120;
  rows = 36;
  written = '';
  write = (s: string) => {
    this.written += s;
    this.emit('written');
    return true;
  };

  /** Resolves once the screen has shown `text` (whatever the machine's speed), or `stop` settles. */
  shows(text: string, stop: Promise<unknown>): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!stripAnsi(this.written).includes(text)) return;
        this.off('written', check);
        resolve();
      };
      this.on('written', check);
      void stop.then(() => {
        this.off('written', check);
        resolve();
      });
      check();
    });
  }
}

class Keyboard extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  type(s: string) {
    this.data = s;
    this.emit('readable');
  }
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {
    return this;
  }
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

async function play(file: string, keys: string, env: Record<string, string> = {}) {
  const term = new Terminal();
  const kb = new Keyboard();
  const out: string[] = [];
  const err: string[] = [];
  const done = runTui({
    file,
    readonly: false,
    env,
    readFile: (p) => readFileSync(p, 'utf8'),
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    input: kb as unknown as NodeJS.ReadStream,
    output: term as unknown as NodeJS.WriteStream,
  });
  if (keys) {
    // The keys go in once the first frame is on the screen (its crumbs line), as a person types.
    await term.shows('<pods>', done);
    kb.type(keys);
  }
  const code = await done;
  return { code, out: out.join(''), err: err.join(''), screen: term.written };
}

describe('runTui', () => {
  it('needs a terminal: a pipe or CI exits 2 and says how to play headless', async () => {
    assert.equal(noTerminal({ isTTY: true }, { isTTY: true }, {}), undefined);
    assert.equal(noTerminal({ isTTY: false }, { isTTY: true }, {}), 'standard input is not a terminal');
    assert.equal(noTerminal({ isTTY: true }, { isTTY: false }, {}), 'standard output is not a terminal');
    assert.equal(noTerminal({ isTTY: true }, { isTTY: true }, { CI: 'true' }), 'CI is set');
    assert.equal(noTerminal({ isTTY: true }, { isTTY: true }, { CI: 'false' }), undefined);
    const r = await play(join(FIXTURES, 'shop.yaml'), '', { CI: '1' });
    assert.equal(r.code, 2);
    assert.match(r.err, /^kubesim: the dashboard needs a terminal \(CI is set\)\.\nTo play the scenario without one: kubesim play .*shop\.yaml\n$/);
    assert.equal(r.screen, '', 'the screen was not touched');
  });

  it('an invalid scenario exits 2 before anything runs', async () => {
    const r = await play(join(FIXTURES, 'invalid.yaml'), '');
    assert.equal(r.code, 2);
    assert.match(r.err, /invalid\.yaml:3:\d+: steps\[0\]\.wait: /);
    assert.match(r.err, /--- FAIL: .*invalid\.yaml: invalid, nothing was run/);
    assert.ok(r.screen.startsWith('\x1b[?1049h') && r.screen.endsWith('\x1b[?1049l'), 'the screen is restored');
  });

  it('a failed check shows as FAILED and makes the exit code 1', async () => {
    const r = await play(join(FIXTURES, 'fails-at-once.yaml'), ':q\r');
    assert.equal(r.code, 1);
    const screen = stripAnsi(r.screen);
    assert.match(screen, /Scenario: TUI fixture failing at once — FAILED at step 1 \(line 4\)/);
    assert.match(screen, /✗ deployments ghost: exists/);
    assert.match(r.out, /✗ deployments ghost: exists\n +expected at least one deployment named ghost, found none/);
    assert.match(r.out, /--- FAIL: TUI fixture failing at once \(.*\): step 1 \(line 4\) failed\n$/);
    assert.ok(r.screen.startsWith('\x1b[?1049h'));
    assert.ok(r.screen.includes('\x1b[?1049l'), 'the alternate screen is left');
  });

  it('a passed scenario exits 0 with its PASS line; ctrl-c quits too', async () => {
    const r = await play(join(FIXTURES, 'passes-at-once.yaml'), '\x03');
    assert.equal(r.code, 0);
    assert.match(r.out, /^--- PASS: TUI fixture passing at once \(.*\): 1 step, 1 check, 0s of virtual time\n$/);
    assert.ok(r.screen.startsWith('\x1b[?1049h') && r.screen.includes('\x1b[?25h\x1b[?1049l'), 'the screen and the cursor are restored');
  });
});
