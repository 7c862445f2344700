/**
 * Flags shared by many kubectl commands (cmdutil.Add*Flags and the print flags), and the global
 * flags every command accepts. Flags kubectl has but kubesim cannot honour are declared
 * `unsupported`: giving them is an error that says so, never a silent no-op.
 */
import type { CommandContext } from './context.ts';
import { KubectlError } from './errors.ts';
import { parseGoBool, type FlagSpec } from './flags.ts';

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'kubeconfig', type: 'string', unsupported: 'kubesim has one built-in kubeconfig' },
  { name: 'server', short: 's', type: 'string', unsupported: 'kubesim talks to its simulated cluster only' },
  { name: 'as', type: 'string', unsupported: 'kubesim has no users to impersonate' },
  { name: 'token', type: 'string', unsupported: 'kubesim has no authentication' },
  { name: 'warnings-as-errors', type: 'bool', unsupported: 'kubesim does not turn warnings into errors' },
];

const NO_WAIT = 'kubectl in kubesim never waits: commands act at the current virtual instant';

export const filenameFlags = (what: string): FlagSpec[] => [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string', unsupported: `kubesim cannot build kustomizations (${what})` },
];

export const selectorFlag: FlagSpec = { name: 'selector', short: 'l', type: 'string' };
export const fieldSelectorFlag: FlagSpec = { name: 'field-selector', type: 'string' };
export const allNamespacesFlag: FlagSpec = { name: 'all-namespaces', short: 'A', type: 'bool' };
export const dryRunFlag: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' };
export const recordFlag: FlagSpec = { name: 'record', type: 'bool', deprecated: '--record will be removed in the future' };
export const fieldManagerFlag = (name: string): FlagSpec => ({ name: 'field-manager', type: 'string', default: name });
export const validateFlag: FlagSpec = { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' };
export const chunkSizeFlag: FlagSpec = { name: 'chunk-size', type: 'int', default: 500 };
export const timeoutFlag: FlagSpec = { name: 'timeout', type: 'duration' };
export const watchFlag: FlagSpec = { name: 'watch', short: 'w', type: 'bool', unsupported: NO_WAIT };

/** The print flags of commands that print the objects they change (`-o name|yaml|json`). */
export const printFlags: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'template', type: 'string', unsupported: 'kubesim has no Go templates' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
];

export type DryRun = 'none' | 'client' | 'server';

/** cmdutil.GetDryRunStrategy: none|client|server, or the deprecated bare flag and booleans. */
export function dryRunStrategy(ctx: CommandContext): DryRun {
  const v = ctx.flags.string('dry-run');
  const b = parseGoBool(v);
  if (b !== undefined) {
    klogWarning(ctx, 'helpers.go:716', `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${b ? 'client' : 'none'}.`);
    return b ? 'client' : 'none';
  }
  switch (v) {
    case 'unchanged':
      klogWarning(ctx, 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
    case 'client':
    case 'server':
    case 'none':
      return v;
    default:
      throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/** A klog warning line as kubectl writes it on stderr (`W0106 09:00:00.000000       1 file.go:N] msg`), at virtual time. */
function klogWarning(ctx: CommandContext, where: string, message: string): void {
  const d = new Date(ctx.cluster.now());
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
  ctx.err(`W${stamp}       1 ${where}] ${message}\n`);
}

/** --validate: strict, warn, ignore, true, false (the server validates every write in any case). */
export function checkValidateFlag(ctx: CommandContext): void {
  if (!ctx.flags.has('validate')) return;
  const v = ctx.flags.string('validate').toLowerCase();
  if (!['strict', 'warn', 'ignore', 'true', 'false'].includes(v)) {
    throw new KubectlError(`invalid - validate option "${ctx.flags.string('validate')}"; must be one of: strict (or true), warn, ignore (or false)`);
  }
}

/**
 * The change-cause --record writes (RecordFlags.parseCommandArguments): `kubectl`, the positional
 * words (the command's own included), then every flag given, as ` --name=value`.
 * Example: `kubectl set image deployment/web web=nginx:1.26 --record=true`.
 */
export function changeCause(ctx: CommandContext): string | undefined {
  if (!ctx.flags.bool('record')) return undefined;
  const positional = [...ctx.pathWords, ...ctx.args];
  const flags = ctx.flags.given.map((g) => ` --${g.name}=${g.raw}`).join('');
  return `kubectl ${positional.join(' ')}${flags}`;
}
