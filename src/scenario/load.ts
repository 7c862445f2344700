/**
 * Reads a scenario file into a validated Scenario, or into the list of everything wrong with it
 * (YAML syntax, the scenario's fields, each step and condition, each manifest against its kind's
 * schema), so that an invalid file changes nothing and says it all at once.
 */
import type { ImageEntry } from '../kubelet/images.ts';
import type { NodeConfig } from '../cluster/nodes.ts';
import { parseYamlDocument, YamlSyntaxError, type YamlDoc } from '../manifest/yaml-source.ts';
import { DiagnosticList, type Diagnostic } from './diagnostics.ts';
import type { ScenarioToolkit } from './host.ts';
import { checkShape, describe } from './issues.ts';
import { ManifestResolver, type ReadFile } from './manifest-ref.ts';
import { clusterSchema, scenarioSchema, type ClusterFields } from './schema.ts';
import { compileSteps } from './steps.ts';
import type { ClusterSetup, Scenario } from './types.ts';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] };

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Validates a scenario's text. `file` names it in messages and anchors relative manifest paths. */
export function loadScenario(file: string, text: string, toolkit: ScenarioToolkit, readFile: ReadFile): LoadResult {
  let doc: YamlDoc;
  try {
    doc = parseYamlDocument(text, { file });
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) throw e;
    return { ok: false, diagnostics: [{ ...e.position, message: `invalid YAML: ${e.detail}` }] };
  }
  const out = new DiagnosticList(doc);
  const value = doc.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.at([], `expected a map with name: and steps:, found ${describe(value)}`);
    return { ok: false, diagnostics: out.sorted() };
  }
  const fields = value as Record<string, unknown>;
  const top = checkShape(scenarioSchema, fields, [], out);
  const manifests = new ManifestResolver(file, text, doc, toolkit, readFile, out);

  const start = startTime(fields.start, out);
  const cluster = fields.cluster === undefined ? {} : checkShape(clusterSchema, fields.cluster, ['cluster'], out);
  const setup = cluster && clusterSetup(cluster, fields.seed, start, manifests, doc, out);
  const steps = Array.isArray(fields.steps)
    ? compileSteps(fields.steps, { toolkit, manifests, out, lineOf: (p) => doc.locate([...p]).line })
    : undefined;

  if (!out.empty || !top || !setup || !steps) return { ok: false, diagnostics: out.sorted() };
  return {
    ok: true,
    scenario: {
      file,
      name: top.name,
      ...(top.description !== undefined ? { description: top.description } : {}),
      namespace: top.namespace ?? 'default',
      cluster: setup,
      steps,
    },
  };
}

function startTime(v: unknown, out: DiagnosticList): number | undefined {
  if (v instanceof Date) return v.getTime();
  if (typeof v !== 'string') return undefined; // the schema reports other types
  const t = Date.parse(v);
  if (!RFC3339.test(v.trim()) || Number.isNaN(t)) {
    out.at(['start'], `invalid time ${JSON.stringify(v)} (expected RFC 3339, such as 2026-03-02T09:00:00Z)`);
    return undefined;
  }
  return t;
}

function clusterSetup(
  c: ClusterFields,
  seed: unknown,
  start: number | undefined,
  manifests: ManifestResolver,
  doc: YamlDoc,
  out: DiagnosticList,
): ClusterSetup | undefined {
  let ok = true;
  let nodes: NodeConfig[] | undefined;
  if (c.nodes) {
    const seen = new Set<string>();
    nodes = c.nodes.map((n, i) => {
      if (seen.has(n.name)) {
        out.at(['cluster', 'nodes', i, 'name'], `duplicate node name ${n.name}`);
        ok = false;
      }
      seen.add(n.name);
      const staticPods: Record<string, string> = {};
      for (const [fileName, ref] of Object.entries(n.staticPods ?? {})) {
        const source = manifests.resolve(ref, ['cluster', 'nodes', i, 'staticPods', fileName]);
        if (source) staticPods[fileName] = source.text;
        else ok = false;
      }
      const capacity = n.capacity && {
        ...(n.capacity.cpu !== undefined ? { cpu: n.capacity.cpu } : {}),
        ...(n.capacity.memory !== undefined ? { memory: String(n.capacity.memory) } : {}),
        ...(n.capacity.pods !== undefined ? { pods: n.capacity.pods } : {}),
      };
      return {
        name: n.name,
        ...(n.role ? { role: n.role } : {}),
        ...(n.labels ? { labels: n.labels } : {}),
        ...(n.taints ? { taints: n.taints } : {}),
        ...(capacity ? { capacity } : {}),
        ...(n.staticPods ? { staticPods } : {}),
      };
    });
    if (nodes.length === 0) {
      out.at(['cluster', 'nodes'], 'a cluster needs at least one node (leave nodes out for the default cluster)');
      ok = false;
    }
  }
  const images: ImageEntry[] = (c.images ?? []).map((img) => ({ ...img }));
  const objects = c.objects === undefined ? undefined : manifests.resolve(c.objects, ['cluster', 'objects']);
  if (c.objects !== undefined && !objects) ok = false;
  if (!ok) return undefined;
  return {
    seed: typeof seed === 'number' || typeof seed === 'string' ? seed : 1,
    ...(start !== undefined ? { start } : {}),
    ...(nodes ? { nodes } : {}),
    images,
    ...(objects ? { objects, objectsLine: doc.locate(['cluster', 'objects']).line } : {}),
  };
}
