/**
 * Validates and plays scenario files one after the other, as `kubesim play` and `kubesim validate`
 * do, and decides the exit code: 0 all passed, 1 a check or a step failed, 2 a file is invalid
 * (2 wins over 1). The last line printed is `N passed, N failed` (`N valid, N invalid` when only
 * validating), counting files.
 *
 * Everything outside (reading files, building a cluster, writing lines) comes in through RunDeps,
 * so this stays pure; the CLI supplies the real ones.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { clusterList, type KubeList } from './dump.ts';
import type { HostFactory, ScenarioToolkit } from './host.ts';
import { loadScenario } from './load.ts';
import { readError, type ReadFile } from './manifest-ref.ts';
import { playScenario } from './player.ts';
import { plural, reportInvalid, ScenarioReport, type LineSink } from './report.ts';

export interface RunDeps {
  readFile: ReadFile;
  toolkit: ScenarioToolkit;
  createHost: HostFactory;
  write: LineSink;
}

export interface RunOptions {
  quiet?: boolean;
  /** Parse and validate only (`kubesim validate`). */
  validateOnly?: boolean;
  /** Keep each played file's final cluster state. */
  dump?: boolean;
}

export type FileStatus = 'passed' | 'failed' | 'invalid';

export interface FileOutcome {
  file: string;
  status: FileStatus;
  /** The final cluster state, when asked for and the file was played (passed or failed). */
  dump?: KubeList;
}

export interface RunSummary {
  exitCode: 0 | 1 | 2;
  files: FileOutcome[];
}

export function runScenarios(files: readonly string[], opts: RunOptions, deps: RunDeps): RunSummary {
  const outcomes = files.map((file) => runOne(file, opts, deps));
  const count = (s: FileStatus) => outcomes.filter((o) => o.status === s).length;
  const bad = count('failed') + count('invalid');
  if (opts.validateOnly) deps.write(`${count('passed')} valid, ${count('invalid')} invalid`);
  else deps.write(`${count('passed')} passed, ${bad} failed`);
  const exitCode = count('invalid') > 0 ? 2 : count('failed') > 0 ? 1 : 0;
  return { exitCode, files: outcomes };
}

function runOne(file: string, opts: RunOptions, deps: RunDeps): FileOutcome {
  let text: string;
  try {
    text = deps.readFile(file);
  } catch (e) {
    deps.write(`${file}: cannot read: ${readError(e)}`);
    deps.write(`--- FAIL: ${file}: invalid, nothing was run`);
    return { file, status: 'invalid' };
  }
  const loaded = loadScenario(file, text, deps.toolkit, deps.readFile);
  if (!loaded.ok) {
    reportInvalid(deps.write, file, loaded.diagnostics);
    return { file, status: 'invalid' };
  }
  const s = loaded.scenario;
  if (opts.validateOnly) {
    if (!opts.quiet) deps.write(`--- OK: ${s.name} (${file}): ${plural(s.steps.length, 'step')}`);
    return { file, status: 'passed' };
  }
  const host = deps.createHost({
    seed: s.cluster.seed,
    ...(s.cluster.start !== undefined ? { start: s.cluster.start } : {}),
    ...(s.cluster.nodes ? { nodes: s.cluster.nodes } : {}),
    images: s.cluster.images,
    namespace: s.namespace,
    readFile: (p) => deps.readFile(isAbsolute(p) ? p : join(dirname(file), p)),
  });
  const report = new ScenarioReport(deps.write, opts.quiet ?? false);
  const result = playScenario(s, host, report);
  if (result.passed) report.passed(s.name, file, result.steps, result.checks, result.elapsedMs);
  else report.failed(s.name, file, result.failure ?? 'a step');
  return {
    file,
    status: result.passed ? 'passed' : 'failed',
    ...(opts.dump ? { dump: clusterList(host.allObjects()) } : {}),
  };
}
