/**
 * What a kubectl command runs with: the cluster and its API server, the parsed flags and
 * arguments, the effective namespace, and the two output streams. Commands write through
 * `ctx.api` only; they read through it too, so every command sees what a client would.
 */
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { KubeObject } from '../api/types/index.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { PrintContext } from '../printers/index.ts';
import { toName } from '../printers/index.ts';
import type { FlagSpec, FlagValues } from './flags.ts';

/** Reads a file's text; throws (with a Node-style `code`, e.g. ENOENT) when it cannot. */
export type ReadFile = (path: string) => string;

/** The kubeconfig state a session keeps: contexts and their namespaces. */
export interface KubeconfigState {
  currentContext: string;
  /** Context name → namespace ('' when the context sets none). */
  contexts: Map<string, { cluster: string; user: string; namespace: string }>;
}

export const DEFAULT_CONTEXT = 'kubernetes-admin@kubernetes';

export interface CommandContext {
  readonly cluster: Cluster;
  readonly api: ApiServer;
  readonly flags: FlagValues;
  /** Positional arguments (those after `--` included, from index argsLenAtDash). */
  readonly args: string[];
  readonly argsLenAtDash: number;
  /** -n/--namespace, or the current context's namespace, or "default". */
  readonly namespace: string;
  /** Whether -n/--namespace was given (kubectl's enforceNamespace). */
  readonly explicitNamespace: boolean;
  /** `kubectl rollout status`: for usage errors. */
  readonly commandPath: string;
  /** The command's words as typed (`set`, `image`), for --record's change-cause. */
  readonly pathWords: readonly string[];
  readonly kubeconfig: KubeconfigState;
  readonly readFile: ReadFile | undefined;
  out(text: string): void;
  err(text: string): void;
  /** `Warning: <message>` on stderr, as kubectl's WarningPrinter. */
  warn(message: string): void;
  printContext(): PrintContext;
}

export interface CommandSpec {
  /** Words after `kubectl`: ['rollout', 'status']. */
  path: string[];
  aliases?: string[];
  /** The usage line of `kubectl <cmd> --help`. */
  use: string;
  flags: FlagSpec[];
  run(ctx: CommandContext): void;
}

/** A group of subcommands (`rollout`, `set`, `config`, `create secret`) that has no action itself. */
export interface CommandGroup {
  path: string[];
  aliases?: string[];
  short: string;
}

/** NamePrinter: `deployment.apps/member created`. */
export function printName(ctx: CommandContext, obj: KubeObject, operation: string): void {
  ctx.out(`${toName(obj)}${operation ? ` ${operation}` : ''}\n`);
}
