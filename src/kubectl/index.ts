/**
 * The kubectl layer: a session that runs kubectl command lines against the simulated cluster's API
 * server and prints what kubectl prints.
 */
export { KubectlSession, type KubectlResult, type SessionOptions } from './session.ts';
export type { ManifestVerb } from './registry.ts';
export { shellWords, ShellSyntaxError, quoteWord } from './shell-words.ts';
export { DEFAULT_CONTEXT, type ReadFile } from './context.ts';
