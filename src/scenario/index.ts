/**
 * Scenario files (SCENARIOS.md): validated before anything runs (load.ts), played step by step
 * on a virtual clock against a host (player.ts, host.ts), reported as text (report.ts), and run
 * file after file with an exit code (run.ts). real-host.ts binds the host to kubesim's cluster.
 */
export { loadScenario, type LoadResult } from './load.ts';
export { runScenarios, type RunDeps, type RunOptions, type RunSummary, type FileOutcome } from './run.ts';
export { playScenario, summary as stepSummary, type PlayOutcome } from './player.ts';
export { ScenarioReport, formatElapsed, type LineSink } from './report.ts';
export { evaluate, evaluateAll, describeCondition, type ConditionResult } from './evaluate.ts';
export { substitute, references, escapeRegExp } from './variables.ts';
export { bindCondition, bindConditions, evaluateBound, type BoundCondition } from './bind.ts';
export { clusterList, listJson, type KubeList } from './dump.ts';
export { formatDiagnostic, type Diagnostic } from './diagnostics.ts';
export { printedText, type ScenarioHost, type ScenarioToolkit, type HostOptions, type HostFactory, type CommandResult } from './host.ts';
export type { Scenario, Step, Condition, ConditionTemplate, ManifestSource } from './types.ts';
export type { ReadFile } from './manifest-ref.ts';
export { createRealHost, realToolkit, RealHost } from './real-host.ts';
