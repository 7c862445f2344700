/**
 * kubectl's errors and how it prints them (cmdutil.CheckErr): API errors as
 * `Error from server (NotFound): pods "x" not found`, Invalid errors as
 * `The Deployment "web" is invalid: spec.replicas: ...`, usage errors with their
 * `See 'kubectl ... -h' for help and examples` line, other errors prefixed with `error: `,
 * several errors one per line, and a failed `exec` as `command terminated with exit code N`.
 */
import { ApiError } from '../apiserver/errors.ts';

/** A client-side error, printed `error: <message>`. */
export class KubectlError extends Error {}

/** cmdutil.UsageErrorf: `error: <message>\nSee '<command path> -h' for help and examples`. */
export class UsageError extends Error {
  constructor(message: string, commandPath: string) {
    super(`${message}\nSee '${commandPath} -h' for help and examples`);
  }
}

/** A flag error from the parser: `error: <message>\nSee '<command path> --help' for usage.` */
export class FlagUsageError extends Error {
  constructor(message: string, commandPath: string) {
    super(`${message}\nSee '${commandPath} --help' for usage.`);
  }
}

/** utilexec.ExitError: printed as is, and the process exits with its code. */
export class ExitCodeError extends Error {
  constructor(readonly code: number) {
    super(`command terminated with exit code ${code}`);
  }
}

/** cmdutil.ErrExit: exit 1, print nothing more. */
export class SilentExit extends Error {
  constructor() {
    super('exit');
  }
}

/** utilerrors.Aggregate: several errors; one of them alone is that error. */
export class AggregateError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.length === 1 ? errors[0].message : `[${errors.map((e) => e.message).join(', ')}]`);
  }
}

/** The errors of a visit that continued on error: none, the one, or an aggregate. */
export function aggregate(errors: Error[]): Error | undefined {
  if (errors.length === 0) return undefined;
  if (errors.length === 1) return errors[0];
  return new AggregateError(errors);
}

/** cmdutil.AddSourceToErr: `error when creating "x.yaml": <message>` for API and plain errors alike. */
export function addSourceToErr(verb: string, source: string, err: unknown): Error {
  if (!source) return asError(err);
  if (err instanceof ApiError) {
    return new ApiError(err.reason, `error when ${verb} "${source}": ${err.message}`, { causes: err.causes, details: err.details });
  }
  return new KubectlError(`error when ${verb} "${source}": ${asError(err).message}`);
}

export function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/** StandardErrorMessage: the text of an API error, or undefined for other errors. */
function standardMessage(err: Error): string | undefined {
  if (err instanceof ApiError) return `Error from server (${err.reason}): ${err.message}`;
  return undefined;
}

function messageForError(err: Error): string {
  return standardMessage(err) ?? err.message;
}

/** What kubectl prints on stderr for an error (ending in a newline), and its exit code. */
export function formatError(input: unknown): { text: string; code: number } {
  let err = asError(input);
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0];
  if (err instanceof SilentExit) return { text: '', code: 1 };
  if (err instanceof ExitCodeError) return { text: `${err.message}\n`, code: err.code };
  if (err instanceof ApiError && err.reason === 'Invalid') return { text: invalidMessage(err), code: 1 };
  if (err instanceof AggregateError) {
    return { text: err.errors.map((e) => `${messageForError(e)}\n`).join(''), code: 1 };
  }
  let msg = standardMessage(err);
  if (msg === undefined) {
    msg = err.message;
    if (!msg.startsWith('error: ')) msg = `error: ${msg}`;
  }
  return { text: msg.endsWith('\n') ? msg : `${msg}\n`, code: 1 };
}

/** The Invalid case of checkErr: `The <Kind> "<name>" is invalid: <cause>` (one cause a line when several). */
function invalidMessage(err: ApiError): string {
  const details = err.details;
  let s = 'The request is invalid';
  if (!details) return `${s}${err.message ? `: ${err.message}` : ''}\n`;
  if (details.kind || details.name) s = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`;
  else if (err.message && err.causes.length === 0) s += `: ${err.message}`;
  const seen = new Set<string>();
  const causes = err.causes.map((c) => c.message).filter((m) => !seen.has(m) && seen.add(m));
  if (causes.length === 0) return `${s}\n`;
  if (causes.length === 1) return `${s}: ${causes[0]}\n`;
  return `${s}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}
