/**
 * An ink-testing-library-like harness whose terminal size can be set (ink-testing-library fixes
 * columns at 100 and has no rows), with React 19's act() around input so that a frame is current
 * when a test reads it. Also builds a controller on a fixture scenario with a fake real-time clock
 * that tests move by hand: nothing here waits on the wall clock.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, type Instance } from 'ink';
import { act } from 'react';
import { App } from '../../src/tui/ui/app.tsx';
import { openScenario } from '../../src/tui/open-scenario.ts';
import { TuiController } from '../../src/tui/state/controller.ts';
import { keyPress, type InkKey } from '../../src/tui/keymap/keys.ts';
import { lineText } from '../../src/tui/render/line.ts';
import { FIXTURES, stripAnsi } from './util.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export { FIXTURES, stripAnsi };

class FakeStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames.at(-1) ?? '';
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const flush = () => new Promise<void>((r) => setImmediate(r));

/** A controller on a fixture scenario, with a fake real-time clock. */
export function fixtureController(name = 'shop.yaml', opts: { readonly?: boolean } = {}) {
  const opened = openScenario(join(FIXTURES, name), (p) => readFileSync(p, 'utf8'));
  if (!opened.ok) throw new Error(opened.problems.join('\n'));
  const clock = { real: 0 };
  const controller = new TuiController({
    cluster: opened.host.cluster,
    session: opened.host.session,
    scenario: opened.driver,
    readonly: opts.readonly ?? false,
    realNow: () => clock.real,
  });
  return { controller, clock, cluster: opened.host.cluster, session: opened.host.session, driver: opened.driver };
}

export interface Harness {
  controller: TuiController;
  cluster: ReturnType<typeof fixtureController>['cluster'];
  session: ReturnType<typeof fixtureController>['session'];
  driver: ReturnType<typeof fixtureController>['driver'];
  /** The screen as plain text (ANSI stripped). */
  frame(): string;
  /** Writes raw bytes to stdin, as a terminal would send them. */
  write(bytes: string): Promise<void>;
  /** Types text (one key per character) or a named key. */
  type(text: string): Promise<void>;
  press(name: 'enter' | 'esc' | 'tab' | 'up' | 'down' | 'left' | 'right' | 'backspace' | 'space' | `ctrl-${string}`): Promise<void>;
  /** Real time passes (the clock moves by ms × speed): ticks every 250 ms. */
  advance(realMs: number): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  unmount(): Promise<void>;
}

const BYTES: Record<string, string> = {
  enter: '\r',
  esc: '\x1b',
  tab: '\t',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  backspace: '\x7f',
  space: ' ',
  'ctrl-\\': '\x1c',
};

export async function renderTui(opts: { columns?: number; rows?: number; scenario?: string; readonly?: boolean } = {}): Promise<Harness> {
  const f = fixtureController(opts.scenario, { readonly: opts.readonly ?? false });
  const stdout = new FakeStdout(opts.columns ?? 140, opts.rows ?? 40);
  const stdin = new FakeStdin();
  let instance!: Instance;
  await act(async () => {
    instance = render(<App controller={f.controller} />, {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    await flush();
  });
  const write = async (bytes: string) => {
    await act(async () => {
      stdin.write(bytes);
      await flush();
      await flush();
    });
  };
  return {
    ...f,
    frame: () => stripAnsi(stdout.lastFrame()),
    write,
    type: async (text) => {
      for (const ch of text) await write(ch);
    },
    press: async (name) => {
      const bytes = BYTES[name] ?? (name.startsWith('ctrl-') ? String.fromCharCode(name.charCodeAt(5) - 96) : name);
      await write(bytes);
    },
    advance: async (realMs) => {
      await act(async () => {
        for (let t = 0; t < realMs; t += 250) {
          f.clock.real += Math.min(250, realMs - t);
          f.controller.tick();
        }
        await flush();
      });
    },
    resize: async (columns, rows) => {
      await act(async () => {
        stdout.columns = columns;
        stdout.rows = rows;
        stdout.emit('resize');
        await flush();
      });
    },
    unmount: async () => {
      await act(async () => {
        instance.unmount();
        await flush();
      });
      instance.cleanup();
      f.controller.dispose();
    },
  };
}

/** Drives a controller without Ink: keys by name, and the screen as text. */
export function keys(controller: TuiController, ...names: string[]): void {
  for (const n of names) {
    const key: InkKey = {};
    if (n === 'enter') key.return = true;
    else if (n === 'esc') key.escape = true;
    else if (n === 'backspace') key.delete = true;
    else if (n === 'tab') key.tab = true;
    else if (n === 'up') key.upArrow = true;
    else if (n === 'down') key.downArrow = true;
    else if (n === 'left') key.leftArrow = true;
    else if (n === 'right') key.rightArrow = true;
    else if (n.startsWith('ctrl-')) {
      key.ctrl = true;
      controller.key(keyPress(n.slice(5), key));
      continue;
    }
    if (Object.keys(key).length) controller.key(keyPress('', key));
    else for (const ch of n) controller.key(keyPress(ch, ch === ch.toUpperCase() && /[A-Z]/.test(ch) ? { shift: true } : {}));
  }
}

export function screenText(controller: TuiController): string {
  return controller.screen().map(lineText).join('\n');
}
