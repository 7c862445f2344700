/**
 * Opens a scenario file for the TUI: reads and validates it exactly as `kubesim play` does (an
 * invalid file is reported before anything runs), builds its cluster and kubectl session, and
 * returns the step driver ready to begin. Reading files is the caller's (the CLI's) business.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { formatDiagnostic, loadScenario, RealHost, realToolkit, type ReadFile } from '../scenario/index.ts';
import { ScenarioDriver } from './scenario/scenario-driver.ts';

export type Opened = { ok: true; driver: ScenarioDriver; host: RealHost } | { ok: false; problems: string[] };

export function openScenario(file: string, readFile: ReadFile): Opened {
  let text: string;
  try {
    text = readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { ok: false, problems: [`${file}: cannot read: ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}`] };
  }
  const loaded = loadScenario(file, text, realToolkit, readFile);
  if (!loaded.ok) return { ok: false, problems: loaded.diagnostics.map(formatDiagnostic) };
  const s = loaded.scenario;
  const host = new RealHost({
    seed: s.cluster.seed,
    ...(s.cluster.start !== undefined ? { start: s.cluster.start } : {}),
    ...(s.cluster.nodes ? { nodes: s.cluster.nodes } : {}),
    images: s.cluster.images,
    namespace: s.namespace,
    readFile: (p) => readFile(isAbsolute(p) ? p : join(dirname(file), p)),
  });
  return { ok: true, driver: new ScenarioDriver(s, host, host.cluster), host };
}
