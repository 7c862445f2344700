/**
 * The TUI's entry point (the shell: real terminal, real timers). It refuses to start without a
 * terminal, opens the scenario (invalid: exit 2 before anything runs), enters the alternate
 * screen, renders the app with Ink's full-screen recipe (a frame rate cap, the root one row
 * short of the terminal), ticks the controller four times a second, and restores
 * the screen however it ends: quit, Ctrl-C, a signal or a crash.
 *
 * Exit code: 1 if the scenario failed (a check did not hold), else 0; 2 without a terminal or
 * with an invalid scenario; 70 when kubesim itself crashed.
 */
import { performance } from 'node:perf_hooks';
import type { TuiController } from './state/controller.ts';

export interface TuiOptions {
  /** The scenario file to play (the demo for plain `kubesim`). */
  file: string;
  readonly: boolean;
  env: Readonly<Record<string, string | undefined>>;
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The terminal; process.stdin / process.stdout by default. */
  input?: NodeJS.ReadStream;
  output?: NodeJS.WriteStream;
}

export const TICK_MS = 250;
const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H\x1b[?25l';
const LEAVE_ALT_SCREEN = '\x1b[?25h\x1b[?1049l';

/** Why the TUI cannot run here, if it cannot. */
export function noTerminal(input: { isTTY?: boolean }, output: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false';
  if (ci) return 'CI is set';
  if (!input.isTTY) return 'standard input is not a terminal';
  if (!output.isTTY) return 'standard output is not a terminal';
  return undefined;
}

export async function runTui(opts: TuiOptions): Promise<number> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const why = noTerminal(input, output, opts.env);
  if (why) {
    opts.stderr(`kubesim: the dashboard needs a terminal (${why}).\nTo play the scenario without one: kubesim play ${opts.file}\n`);
    return 2;
  }
  // The cluster's modules take a while to load: say so on the alternate screen meanwhile.
  output.write(`${ENTER_ALT_SCREEN}kubesim: starting the simulated cluster for ${opts.file} ...`);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    output.write(LEAVE_ALT_SCREEN);
  };
  const onSignal = () => {
    restore();
    process.exit(130);
  };
  const onCrash = (e: unknown) => {
    // Leave the alternate screen first, or the message would vanish with it.
    restore();
    const err = e instanceof Error ? e : new Error(String(e));
    opts.stderr(`kubesim: internal error: ${err.message}\n`);
    if (opts.env.KUBESIM_DEBUG === '1' && err.stack) opts.stderr(`${err.stack}\n`);
    process.exit(70);
  };
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  process.on('exit', restore);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  for (const s of SIGNALS) process.on(s, onSignal);
  const unhook = () => {
    process.off('exit', restore);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    for (const s of SIGNALS) process.off(s, onSignal);
  };

  const [{ render }, { openScenario }, { TuiController }, { App }] = await Promise.all([
    import('ink'),
    import('./open-scenario.ts'),
    import('./state/controller.ts'),
    import('./ui/app.tsx'),
  ]);
  const opened = openScenario(opts.file, opts.readFile);
  if (!opened.ok) {
    restore();
    unhook();
    opts.stderr(opened.problems.map((p) => `${p}\n`).join('') + `--- FAIL: ${opts.file}: invalid, nothing was run\n`);
    return 2;
  }
  output.write('\x1b[2J\x1b[H');
  const controller = new TuiController({
    cluster: opened.host.cluster,
    session: opened.host.session,
    scenario: opened.driver,
    readonly: opts.readonly,
    realNow: () => performance.now(),
  });

  const instance = render(<App controller={controller} />, {
    stdin: input,
    stdout: output,
    exitOnCtrlC: false,
    patchConsole: true,
    // Not incrementalRendering: in Ink 6.8 it moves the cursor up one line too few when the frame
    // ends with a newline (any frame shorter than the terminal), so every changed line lands one
    // row too low (seen in tmux). The standard renderer erases and rewrites the frame; at rows − 1
    // it never clears the whole screen, so nothing flickers.
    maxFps: 30,
  });
  controller.onQuit = () => instance.unmount();
  const timer = setInterval(() => controller.tick(), TICK_MS);
  let crash: unknown;
  try {
    await instance.waitUntilExit();
  } catch (e) {
    crash = e;
  } finally {
    clearInterval(timer);
    instance.cleanup();
    controller.dispose();
    restore();
    unhook();
  }
  if (crash) {
    const err = crash instanceof Error ? crash : new Error(String(crash));
    opts.stderr(`kubesim: internal error: ${err.message}\n`);
    if (opts.env.KUBESIM_DEBUG === '1' && err.stack) opts.stderr(`${err.stack}\n`);
    return 70;
  }
  return summarize(controller, opts);
}

/** After the screen is restored: how the scenario ended, as `kubesim play` would say it. */
function summarize(c: TuiController, opts: TuiOptions): number {
  const d = c.scenario;
  if (!d) return 0;
  const s = d.scenario;
  if (d.phase === 'passed') {
    opts.stdout(`${d.log.at(-1)}\n`);
    return 0;
  }
  if (d.phase === 'failed') {
    const from = d.log.findIndex((l) => /✗/.test(l));
    opts.stdout(`${d.log.slice(Math.max(0, from - 1)).join('\n')}\n`);
    return 1;
  }
  opts.stdout(`--- QUIT: ${s.name} (${s.file}): stopped at step ${d.index + 1} of ${s.steps.length}, ${d.checks} ${d.checks === 1 ? 'check' : 'checks'} held so far\n`);
  return 0;
}
