/**
 * A kubectl session against a simulated cluster: the kubeconfig (contexts and their namespaces)
 * and `run(line)`, which reads a command line as a shell would, dispatches it, prints what kubectl
 * prints on stdout and stderr, and returns the exit code. Every command acts at the current
 * virtual instant and is followed by `cluster.settle()`; nothing ever waits.
 *
 * `runTranscript(line)` also keeps the order in which the command wrote to its two streams, as a
 * terminal shows them. Worked example, `kubectl delete pod a --force --grace-period=0`:
 *
 *   output: [{stream: 'stderr', text: 'Warning: Immediate deletion does not wait ...\n'},
 *            {stream: 'stdout', text: 'pod "a" force deleted\n'}]
 *   stdout: 'pod "a" force deleted\n'          (what -o parsing, save: and pipes read)
 *
 * `applyManifests` is what scenario steps `apply:`, `create:` and `delete:` call: the same as
 * `kubectl apply|create|delete -f <source>` on already parsed manifests.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { LocatedManifest } from '../manifest/parse-manifests.ts';
import { GLOBAL_FLAGS } from './common-flags.ts';
import { DEFAULT_CONTEXT, type CommandContext, type CommandSpec, type KubeconfigState, type ReadFile } from './context.ts';
import { buildTree, findCommand, firstArgument, type CommandNode } from './dispatch.ts';
import { formatError, KubectlError, SilentExit, UsageError, FlagUsageError } from './errors.ts';
import { FlagError, HelpRequested, parseFlags, type FlagSpec, type ParsedFlags } from './flags.ts';
import { COMMANDS, GROUPS, MANIFEST_VERBS, UNSIMULATED, type ManifestVerb } from './registry.ts';
import { shellWords, ShellSyntaxError } from './shell-words.ts';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export type OutputStream = 'stdout' | 'stderr';

/** A run of text written to one stream; consecutive writes to the same stream form one chunk. */
export interface OutputChunk {
  stream: OutputStream;
  text: string;
}

/** A result with everything the command wrote, in the order it wrote it. */
export interface KubectlTranscript extends KubectlResult {
  output: OutputChunk[];
}

/** The text a terminal shows when both streams go to it: the chunks in order. */
export function terminalText(t: { readonly output: readonly OutputChunk[] }): string {
  let text = '';
  for (const c of t.output) text += c.text;
  return text;
}

export interface SessionOptions {
  /** The current context's namespace (as after `kubens NS`); default none, i.e. "default". */
  namespace?: string;
  /** How `-f FILE` reads files; without it, every path "does not exist". */
  readFile?: ReadFile;
}

const ROOT = buildTree(COMMANDS, GROUPS);

class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;
  private chunks: OutputChunk[] = [];

  write(stream: OutputStream, text: string): void {
    if (text === '') return;
    this[stream] += text;
    const last = this.chunks[this.chunks.length - 1];
    if (last?.stream === stream) last.text += text;
    else this.chunks.push({ stream, text });
  }

  fail(err: unknown): void {
    // A bug in kubesim is not a kubectl error: let it surface instead of printing it as one.
    if (err instanceof TypeError || err instanceof ReferenceError || err instanceof RangeError) throw err;
    const { text, code } = formatError(err);
    this.write('stderr', text);
    this.exitCode = code;
  }

  transcript(): KubectlTranscript {
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode, output: this.chunks };
  }
}

export class KubectlSession {
  readonly cluster: Cluster;
  readonly kubeconfig: KubeconfigState;
  private readFile: ReadFile | undefined;

  constructor(cluster: Cluster, opts: SessionOptions = {}) {
    this.cluster = cluster;
    this.readFile = opts.readFile;
    this.kubeconfig = {
      currentContext: DEFAULT_CONTEXT,
      contexts: new Map([[DEFAULT_CONTEXT, { cluster: 'kubernetes', user: 'kubernetes-admin', namespace: opts.namespace ?? '' }]]),
    };
  }

  /** The current context's namespace, or "default". */
  get namespace(): string {
    return this.kubeconfig.contexts.get(this.kubeconfig.currentContext)?.namespace || 'default';
  }

  /** Runs one kubectl command line (a leading `kubectl` or `k` is optional). */
  run(line: string | readonly string[]): KubectlResult {
    const { stdout, stderr, exitCode } = this.runTranscript(line);
    return { stdout, stderr, exitCode };
  }

  /** As run, keeping the order of what the command wrote to stdout and stderr. */
  runTranscript(line: string | readonly string[]): KubectlTranscript {
    const out = new Output();
    try {
      let words = typeof line === 'string' ? shellWords(line) : [...line];
      if (words[0] === 'kubectl' || words[0] === 'k') words = words.slice(1);
      this.cluster.api.asUser(() => this.execute(words, out));
    } catch (e) {
      if (e instanceof ShellSyntaxError) out.fail(new KubectlError(e.message));
      else out.fail(e);
    } finally {
      this.cluster.settle();
    }
    return out.transcript();
  }

  /** `kubectl apply|create|delete -f <source>` for manifests already parsed (scenario steps). */
  applyManifests(manifests: readonly LocatedManifest[], mode: ManifestVerb, source: string): KubectlTranscript {
    const out = new Output();
    try {
      const node = findCommand(ROOT, [mode]).node;
      const ctx = this.context(['kubectl', mode], [mode], parseFlags([], [...GLOBAL_FLAGS, ...node.spec!.flags]), out);
      this.cluster.api.asUser(() => MANIFEST_VERBS[mode](ctx, manifests.map((m) => ({ object: m.object, source }))));
    } catch (e) {
      out.fail(e);
    } finally {
      this.cluster.settle();
    }
    return out.transcript();
  }

  private execute(words: string[], out: Output): void {
    const inv = findCommand(ROOT, words);
    const node = inv.node;
    const commandPath = ['kubectl', ...node.path].join(' ');
    const next = firstArgument(inv.rest, [...GLOBAL_FLAGS, ...(node.spec?.flags ?? [])]);
    const unsimulated = next >= 0 ? UNSIMULATED[[...node.path, inv.rest[next]].join(' ')] : undefined;
    if (unsimulated) throw new KubectlError(`kubesim does not simulate "kubectl ${[...node.path, inv.rest[next]].join(' ')}": ${unsimulated}`);
    if (!node.spec) {
      const idx = firstArgument(inv.rest, GLOBAL_FLAGS);
      if (idx >= 0) {
        if (node === ROOT) throw new KubectlError(`unknown command "${inv.rest[idx]}" for "kubectl"`);
        throw new UsageError(`unknown command "${inv.rest[idx]}"`, commandPath);
      }
      if (node === ROOT) {
        out.write('stdout', rootHelp());
        return;
      }
      out.write('stderr', groupHelp(node));
      throw new SilentExit();
    }
    const spec = node.spec;
    const specs = mergeFlags(GLOBAL_FLAGS, spec.flags);
    let parsed: ParsedFlags;
    try {
      parsed = parseFlags(inv.rest, specs);
    } catch (e) {
      if (e instanceof HelpRequested) {
        out.write('stdout', usage(spec));
        return;
      }
      if (e instanceof FlagError) throw new FlagUsageError(e.message, commandPath);
      throw e;
    }
    for (const w of parsed.warnings) out.write('stderr', `${w}\n`);
    const missing = specs.filter((f) => f.required && !parsed.values.changed(f.name));
    if (missing.length > 0) throw new KubectlError(`required flag(s) ${missing.map((f) => `"${f.name}"`).join(', ')} not set`);
    for (const f of specs) {
      if (f.unsupported && parsed.values.changed(f.name) && !isDefault(f, parsed)) {
        throw new KubectlError(`kubesim does not support "${commandPath} --${f.name}": ${f.unsupported}`);
      }
    }
    const ctx = this.context(['kubectl', ...node.path], inv.pathWords, parsed, out);
    spec.run(ctx);
  }

  private context(path: string[], pathWords: string[], parsed: ParsedFlags, out: Output): CommandContext {
    const values = parsed.values;
    const contextName = values.string('context') || this.kubeconfig.currentContext;
    const kctx = this.kubeconfig.contexts.get(contextName);
    if (!kctx) throw new KubectlError(`context was not found for specified context: ${contextName}`);
    const nsFlag = values.string('namespace');
    const cluster = this.cluster;
    return {
      cluster,
      api: cluster.api,
      flags: values,
      args: parsed.args,
      argsLenAtDash: parsed.argsLenAtDash,
      namespace: nsFlag || kctx.namespace || 'default',
      explicitNamespace: nsFlag !== '',
      commandPath: path.join(' '),
      pathWords,
      kubeconfig: this.kubeconfig,
      readFile: this.readFile,
      out: (text) => out.write('stdout', text),
      err: (text) => out.write('stderr', text),
      warn: (message) => out.write('stderr', `Warning: ${message}\n`),
      printContext: () => ({ now: cluster.now(), store: cluster.store, leaseRenewTime: (node) => cluster.components.leases.renewTime(node) }),
    };
  }
}

function mergeFlags(global: readonly FlagSpec[], own: readonly FlagSpec[]): FlagSpec[] {
  const names = new Set(own.map((f) => f.name));
  return [...own, ...global.filter((g) => !names.has(g.name))];
}

function isDefault(f: FlagSpec, parsed: ParsedFlags): boolean {
  const v = parsed.values;
  switch (f.type) {
    case 'bool':
      return v.bool(f.name) === (f.default ?? false);
    case 'string':
      return v.string(f.name) === (f.default ?? '');
    default:
      return false;
  }
}

function usage(spec: CommandSpec): string {
  return `Usage:\n  kubectl ${spec.use} [options]\n\nkubesim implements: ${spec.flags.filter((f) => !f.unsupported).map((f) => `--${f.name}`).join(', ') || 'no flags'}\n`;
}

function groupHelp(node: CommandNode): string {
  const subs = node.children.map((c) => `  ${c.name}`).join('\n');
  return `${node.group?.short ?? ''}\n\nAvailable Commands:\n${subs}\n\nUsage:\n  kubectl ${node.path.join(' ')} SUBCOMMAND [options]\n`;
}

function rootHelp(): string {
  const names = ROOT.children.map((c) => c.name).sort();
  return `kubectl controls the Kubernetes cluster manager.\n\nCommands kubesim simulates:\n${names.map((n) => `  ${n}`).join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n`;
}
