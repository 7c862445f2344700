/**
 * The command line of kubesim, parsed into what to do. Flags may come before or after the files;
 * `--` ends the flags; `--dump OUT` and `--dump=OUT` are the same.
 *
 *   kubesim                        → { cmd: 'default' }
 *   kubesim demo.yaml              → { cmd: 'default', file: 'demo.yaml' }
 *   kubesim play a.yaml -q         → { cmd: 'play', files: ['a.yaml'], quiet: true }
 *   kubesim validate --help        → { cmd: 'help', topic: 'validate' }
 */
export type Command =
  | { cmd: 'default'; file?: string }
  | { cmd: 'play'; files: string[]; quiet: boolean; dump?: string }
  | { cmd: 'validate'; files: string[]; quiet: boolean }
  | { cmd: 'help'; topic?: 'play' | 'validate' }
  | { cmd: 'version' };

export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help the message points to. */
    readonly topic?: 'play' | 'validate',
  ) {
    super(message);
  }
}

const SCENARIO_FILE = /\.ya?ml$/i;

export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) return { cmd: 'default' };
  if (first === '-h' || first === '--help') return { cmd: 'help' };
  if (first === '-v' || first === '--version') return { cmd: 'version' };
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { cmd: 'help' };
    if (topic === 'play' || topic === 'validate') return { cmd: 'help', topic };
    throw new UsageError(`unknown help topic "${topic}"`);
  }
  if (first === 'play' || first === 'validate') return parseRun(first, rest);
  if (first.startsWith('-')) throw new UsageError(`unknown flag: ${first}`);
  if (!SCENARIO_FILE.test(first)) throw new UsageError(`unknown command "${first}" (a scenario file ends in .yaml)`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}" (to play several files: kubesim play FILE...)`);
  return { cmd: 'default', file: first };
}

function parseRun(cmd: 'play' | 'validate', args: readonly string[]): Command {
  const files: string[] = [];
  let quiet = false;
  let dump: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return { cmd: 'help', topic: cmd };
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (cmd === 'play' && (a === '--dump' || a.startsWith('--dump='))) {
      const v = a === '--dump' ? args[++i] : a.slice('--dump='.length);
      if (v === undefined || v === '') throw new UsageError('flag needs an argument: --dump', cmd);
      dump = v;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown flag: ${a}`, cmd);
    else files.push(a);
  }
  if (files.length === 0) throw new UsageError(`${cmd} needs at least one scenario file`, cmd);
  return cmd === 'play' ? { cmd, files, quiet, ...(dump !== undefined ? { dump } : {}) } : { cmd, files, quiet };
}
