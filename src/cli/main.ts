/**
 * kubesim's command line: the only part of kubesim that reads files, the environment and the
 * terminal. It parses the arguments, hands the scenario files to the runner with the real
 * modules (or the ones a test gives), writes --dump files, and turns everything into an exit code.
 */
import { basename, extname, join, relative, isAbsolute } from 'node:path';
import type { HostFactory, ScenarioToolkit } from '../scenario/host.ts';
import { listJson } from '../scenario/dump.ts';
import { readError } from '../scenario/manifest-ref.ts';
import { runScenarios, type FileOutcome } from '../scenario/run.ts';
import { parseArgs, UsageError, type Command } from './args.ts';
import { MAIN_HELP, PLAY_HELP, VALIDATE_HELP } from './help.ts';

export interface CliIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The package's root directory (where package.json and scenarios/ are). */
  packageRoot: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}

export interface CliDeps {
  toolkit: ScenarioToolkit;
  createHost: HostFactory;
  /** Opens the dashboard (tests give a fake; by default the real TUI of src/tui). */
  tui?: (opts: TuiRequest) => Promise<number>;
}

/** What the dashboard is asked to open. */
export interface TuiRequest {
  file: string;
  readonly: boolean;
}

export const EXIT_USAGE = 64;
export const EXIT_INTERNAL = 70;

/** Runs the command line; returns the exit code. Never throws. */
export async function main(io: CliIo, deps?: CliDeps): Promise<number> {
  try {
    const { argv, readonly } = takeReadonly(io.argv);
    const command: Command = parseArgs(argv);
    switch (command.cmd) {
      case 'help':
        io.stdout(command.topic === 'play' ? PLAY_HELP : command.topic === 'validate' ? VALIDATE_HELP : MAIN_HELP);
        return 0;
      case 'version':
        io.stdout(`kubesim ${version(io)}\n`);
        return 0;
      case 'default': {
        const file = command.file ?? displayPath(io, join(io.packageRoot, 'scenarios', 'demo.yaml'));
        return await dashboard(io, deps, { file, readonly });
      }
      case 'play':
        return await play(io, deps, command.files, { quiet: command.quiet, dump: command.dump });
      case 'validate':
        return await play(io, deps, command.files, { quiet: command.quiet, validateOnly: true });
    }
  } catch (e) {
    if (e instanceof UsageError) {
      const help = e.topic ? `kubesim ${e.topic} --help` : 'kubesim --help';
      io.stderr(`kubesim: ${e.message}\nRun '${help}' for usage.\n`);
      return EXIT_USAGE;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    io.stderr(`kubesim: internal error: ${err.message}\n`);
    if (io.env.KUBESIM_DEBUG === '1' && err.stack) io.stderr(`${err.stack}\n`);
    return EXIT_INTERNAL;
  }
}

/**
 * `--readonly` belongs to the dashboard (`kubesim [FILE.yaml] --readonly`): it is taken out before
 * the rest is parsed. With play/validate/help it is left in place, so it stays an unknown flag.
 */
function takeReadonly(argv: readonly string[]): { argv: readonly string[]; readonly: boolean } {
  if (argv[0] === 'play' || argv[0] === 'validate' || argv[0] === 'help' || !argv.includes('--readonly')) return { argv, readonly: false };
  return { argv: argv.filter((a) => a !== '--readonly'), readonly: true };
}

async function dashboard(io: CliIo, deps: CliDeps | undefined, req: TuiRequest): Promise<number> {
  if (deps?.tui) return deps.tui(req);
  const { runTui } = await import('../tui/run.tsx');
  return runTui({
    ...req,
    env: io.env,
    readFile: (p) => io.readFile(isAbsolute(p) ? p : join(io.cwd, p)),
    stdout: io.stdout,
    stderr: io.stderr,
  });
}

async function play(
  io: CliIo,
  deps: CliDeps | undefined,
  files: string[],
  opts: { quiet: boolean; dump?: string; validateOnly?: boolean },
): Promise<number> {
  const dumpPaths = opts.dump === undefined ? undefined : dumpTargets(opts.dump, files);
  const { toolkit, createHost } = deps ?? (await realDeps());
  const lines: string[] = [];
  const flush = () => {
    if (lines.length) io.stdout(`${lines.join('\n')}\n`);
    lines.length = 0;
  };
  let summary;
  try {
    summary = runScenarios(files, { quiet: opts.quiet, validateOnly: opts.validateOnly, dump: !!dumpPaths }, {
      readFile: (p) => io.readFile(isAbsolute(p) ? p : join(io.cwd, p)),
      toolkit,
      createHost,
      write: (line) => {
        lines.push(line);
        if (lines.length >= 200) flush();
      },
    });
  } finally {
    flush(); // what was printed before an internal error still shows where it happened
  }
  let code: number = summary.exitCode;
  if (dumpPaths) code = Math.max(code, writeDumps(io, summary.files, dumpPaths));
  return code;
}

/**
 * Where each file's dump goes: OUT itself for one file; for several, OUT with the scenario's
 * name before the extension (out.json + a.yaml → out.a.json).
 */
export function dumpTargets(out: string, files: readonly string[]): Map<string, string> {
  if (files.length === 1) return new Map([[files[0], out]]);
  const ext = extname(out) || '.json';
  const stem = extname(out) ? out.slice(0, -ext.length) : out;
  const targets = new Map<string, string>();
  const used = new Map<string, string>();
  for (const f of files) {
    const name = basename(f, extname(f));
    const target = `${stem}.${name}${ext}`;
    const other = used.get(target);
    if (other !== undefined && other !== f) throw new UsageError(`--dump with several files needs distinct file names (${other} and ${f} both give ${target})`, 'play');
    used.set(target, f);
    targets.set(f, target);
  }
  return targets;
}

function writeDumps(io: CliIo, outcomes: readonly FileOutcome[], targets: Map<string, string>): number {
  let code = 0;
  for (const o of outcomes) {
    const target = targets.get(o.file);
    if (!o.dump || !target) continue;
    try {
      io.writeFile(isAbsolute(target) ? target : join(io.cwd, target), listJson(o.dump));
    } catch (e) {
      io.stderr(`kubesim: cannot write ${target}: ${readError(e)}\n`);
      code = 1;
    }
  }
  return code;
}

function version(io: CliIo): string {
  const pkg = JSON.parse(io.readFile(join(io.packageRoot, 'package.json'))) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** A path as the user would type it from the current directory. */
function displayPath(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

async function realDeps(): Promise<CliDeps> {
  const real = await import('../scenario/real-host.ts');
  return { toolkit: real.realToolkit, createHost: real.createRealHost };
}
