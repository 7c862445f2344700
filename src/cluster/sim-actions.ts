/**
 * Simulation actions (`sim:` steps of SCENARIOS.md, and TUI keys): things that happen to machines
 * rather than through the API.
 *
 *   node add NAME [--role worker|control-plane] [--labels k=v,...] [--taints k=v:Effect,...]
 *                 [--cpu N] [--memory Q] [--pods N]
 *   node stop NAME | node start NAME | node remove NAME
 *   container kill POD [-c CONTAINER] [-n NS]
 *   static add NODE FILE (with a manifest) | static remove NODE FILE
 */
import { isQuantity } from '../api/quantity.ts';
import type { Pod, Taint } from '../api/types/index.ts';
import { shellWords, ShellSyntaxError } from '../kubectl/shell-words.ts';
import { parseYamlDocuments, YamlSyntaxError } from '../manifest/yaml-source.ts';
import { StaticPodError } from '../kubelet/static-pods.ts';
import type { Cluster } from './cluster.ts';
import type { NodeConfig } from './nodes.ts';
import { NETWORK_READY_AFTER_MS } from './node-manager.ts';

export class SimActionError extends Error {}

export type SimAction =
  | { verb: 'node add'; config: NodeConfig }
  | { verb: 'node stop' | 'node start' | 'node remove'; node: string }
  | { verb: 'container kill'; pod: string; container?: string; namespace?: string }
  | { verb: 'static add' | 'static remove'; node: string; file: string };

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function flags(args: string[], allowed: Record<string, string>): { positional: string[]; values: Record<string, string> } {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    const canonical = allowed[name];
    if (!canonical) throw new SimActionError(`unknown flag: ${name}`);
    const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined) throw new SimActionError(`flag needs an argument: ${name}`);
    values[canonical] = value;
  }
  return { positional, values };
}

function parseTaints(s: string): Taint[] {
  return s.split(',').filter(Boolean).map((t) => {
    const m = /^([^=:]+)(?:=([^:]*))?:(\w+)$/.exec(t);
    if (!m || !EFFECTS.includes(m[3])) throw new SimActionError(`invalid taint "${t}": expected key[=value]:Effect with Effect one of ${EFFECTS.join(', ')}`);
    return { key: m[1], ...(m[2] !== undefined ? { value: m[2] } : {}), effect: m[3] as Taint['effect'] };
  });
}

function parseLabels(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(',').filter(Boolean)) {
    const i = part.indexOf('=');
    if (i <= 0) throw new SimActionError(`invalid label "${part}": expected key=value`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

function one(positional: string[], what: string, usage: string): string {
  if (positional.length !== 1) throw new SimActionError(`expected ${what}: ${usage}`);
  return positional[0];
}

/** Parses an action line; throws SimActionError on bad syntax (for validation before running). */
export function parseSimAction(line: string): SimAction {
  let words: string[];
  try {
    words = shellWords(line);
  } catch (e) {
    if (e instanceof ShellSyntaxError) throw new SimActionError(e.message);
    throw e;
  }
  const [noun, verb, ...rest] = words;
  const key = `${noun ?? ''} ${verb ?? ''}`;
  switch (key) {
    case 'node add': {
      const { positional, values } = flags(rest, { '--role': 'role', '--labels': 'labels', '--taints': 'taints', '--cpu': 'cpu', '--memory': 'memory', '--pods': 'pods' });
      const name = one(positional, 'one node name', 'node add NAME [--role worker|control-plane] [--labels k=v,...] [--taints k=v:Effect,...] [--cpu N] [--memory Q] [--pods N]');
      const role = values.role ?? 'worker';
      if (role !== 'worker' && role !== 'control-plane') throw new SimActionError(`invalid role "${role}": expected worker or control-plane`);
      if (values.cpu !== undefined && !isQuantity(values.cpu)) throw new SimActionError(`invalid --cpu "${values.cpu}"`);
      if (values.memory !== undefined && !isQuantity(values.memory)) throw new SimActionError(`invalid --memory "${values.memory}"`);
      if (values.pods !== undefined && !/^\d+$/.test(values.pods)) throw new SimActionError(`invalid --pods "${values.pods}"`);
      const config: NodeConfig = { name, role };
      if (values.labels) config.labels = parseLabels(values.labels);
      if (values.taints) config.taints = parseTaints(values.taints);
      if (values.cpu || values.memory || values.pods) config.capacity = { cpu: values.cpu, memory: values.memory, pods: values.pods };
      return { verb: 'node add', config };
    }
    case 'node stop':
    case 'node start':
    case 'node remove': {
      const { positional } = flags(rest, {});
      return { verb: key, node: one(positional, 'one node name', `${key} NAME`) };
    }
    case 'container kill': {
      const { positional, values } = flags(rest, { '-c': 'container', '--container': 'container', '-n': 'namespace', '--namespace': 'namespace' });
      const pod = one(positional, 'one pod name', 'container kill POD [-c CONTAINER] [-n NS]');
      return { verb: 'container kill', pod, container: values.container, namespace: values.namespace };
    }
    case 'static add':
    case 'static remove': {
      const { positional } = flags(rest, {});
      if (positional.length !== 2) throw new SimActionError(`expected a node and a file name: ${key} NODE FILE`);
      return { verb: key, node: positional[0], file: positional[1] };
    }
    default:
      throw new SimActionError(`unknown action "${words.slice(0, 2).join(' ')}": expected node add|stop|start|remove, container kill, or static add|remove`);
  }
}

export interface SimOptions {
  namespace: string;
  /** The manifest text of `static add`, and where it came from. */
  manifest?: { text: string; file: string; line?: number; column?: number };
}

/** Performs an action at the current instant and settles. Returns the line to print. */
export function runSimAction(cluster: Cluster, line: string, opts: SimOptions): { output: string } {
  const action = parseSimAction(line);
  return cluster.act(() => perform(cluster, action, opts));
}

function perform(cluster: Cluster, a: SimAction, opts: SimOptions): { output: string } {
  const nodes = cluster.components.nodes;
  const mustExist = (name: string) => {
    if (!nodes.config(name)) throw new SimActionError(`node "${name}" not found`);
  };
  switch (a.verb) {
    case 'node add':
      if (nodes.config(a.config.name) || cluster.store.get('Node', '', a.config.name)) throw new SimActionError(`node "${a.config.name}" already exists`);
      // A node joining a running cluster is NotReady until its pod network is up (node-manager.ts).
      nodes.join(a.config, undefined, { networkReadyAfterMs: NETWORK_READY_AFTER_MS });
      return { output: `node/${a.config.name} joined the cluster` };
    case 'node stop':
      mustExist(a.node);
      if (!nodes.isRunning(a.node)) throw new SimActionError(`the kubelet of node "${a.node}" is already stopped`);
      nodes.stop(a.node);
      return { output: `node/${a.node}: kubelet stopped` };
    case 'node start':
      mustExist(a.node);
      if (nodes.isRunning(a.node)) throw new SimActionError(`the kubelet of node "${a.node}" is already running`);
      nodes.start(a.node);
      return { output: `node/${a.node}: kubelet started` };
    case 'node remove':
      mustExist(a.node);
      nodes.remove(a.node);
      return { output: `node/${a.node} removed (machine gone, Node object deleted)` };
    case 'container kill': {
      const ns = a.namespace ?? opts.namespace;
      const pod = cluster.store.get<Pod>('Pod', ns, a.pod);
      if (!pod) throw new SimActionError(`pods "${a.pod}" not found in namespace "${ns}"`);
      const container = a.container ?? pod.spec.containers[0].name;
      if (![...(pod.spec.initContainers ?? []), ...pod.spec.containers].some((c) => c.name === container)) {
        throw new SimActionError(`container "${container}" not found in pod "${a.pod}"`);
      }
      if (!pod.spec.nodeName || !nodes.isRunning(pod.spec.nodeName)) throw new SimActionError(`pod "${a.pod}" is not running on a node with a running kubelet`);
      const worker = cluster.components.kubelet.workerFor(pod);
      if (!worker?.kill(container)) throw new SimActionError(`container "${container}" of pod "${a.pod}" is not running`);
      return { output: `container ${container} of pod ${ns}/${a.pod} killed` };
    }
    case 'static add': {
      mustExist(a.node);
      if (!opts.manifest) throw new SimActionError('static add needs a manifest: give the step a `manifest:` (a path or inline YAML)');
      return { output: addStaticFile(cluster, a.node, a.file, opts.manifest) };
    }
    case 'static remove': {
      mustExist(a.node);
      const out = cluster.components.staticPods.removeFile(a.node, a.file);
      if (!out) throw new SimActionError(`no file ${a.file} in the staticPodPath of node "${a.node}"`);
      return { output: out };
    }
  }
}

/** Parses a static pod manifest and writes it as a file of the node's staticPodPath. */
export function addStaticFile(cluster: Cluster, node: string, file: string, manifest: { text: string; file: string; line?: number; column?: number }): string {
  let docs;
  try {
    docs = parseYamlDocuments(manifest.text, { file: manifest.file, line: manifest.line, column: manifest.column });
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw new SimActionError(e.message);
    throw e;
  }
  if (docs.length !== 1) throw new SimActionError(`${manifest.file}: a static pod file holds exactly one Pod manifest, found ${docs.length} documents`);
  try {
    return cluster.components.staticPods.addFile(node, file, docs[0].value);
  } catch (e) {
    if (e instanceof StaticPodError) throw new SimActionError(e.message);
    throw e;
  }
}
