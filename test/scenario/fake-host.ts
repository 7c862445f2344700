/**
 * A small fake world for testing the scenario player on its own: a virtual clock, an object store,
 * and a few canned behaviours (a Pod applied goes Running 5s later; `kubectl get pods` lists pods;
 * `kubectl fail` fails; `kubectl interleave` writes stdout, stderr, stdout; `kubectl print WORDS`
 * prints them). The real host is tested end to end in play-real.test.ts.
 */
import type { KindInfo } from '../../src/api/kinds.ts';
import { matches, type Selector } from '../../src/api/selector.ts';
import { ObjectStore } from '../../src/api/store.ts';
import type { KubeObject } from '../../src/api/types/index.ts';
import { parseYamlDocuments, YamlSyntaxError } from '../../src/manifest/yaml-source.ts';
import { VirtualClock } from '../../src/sim/clock.ts';
import type { CommandResult, HostOptions, ScenarioHost, ScenarioToolkit } from '../../src/scenario/host.ts';
import type { ManifestSource, ManifestVerb } from '../../src/scenario/types.ts';
import type { OutputStream } from '../../src/kubectl/session.ts';

export const FAKE_START = Date.UTC(2025, 0, 6, 9, 0, 0);

/** Manifests must have kind and metadata.name; `sim` knows `node stop|start NAME`, `static add|remove NODE FILE`, `explode`. */
export const fakeToolkit: ScenarioToolkit = {
  manifests(text, origin) {
    try {
      const docs = parseYamlDocuments(text, origin);
      const errors = [];
      for (const d of docs) {
        const v = d.value as { kind?: unknown; metadata?: { name?: unknown } };
        if (typeof v?.metadata?.name !== 'string') {
          const p = d.locate(['metadata', 'name']);
          errors.push({ ...p, message: 'metadata.name: Required value: name is required' });
        }
        if (v?.kind === 'Pod' && (v as { spec?: { containers?: unknown } }).spec?.containers === undefined) {
          const p = d.locate(['spec']);
          errors.push({ ...p, message: 'spec.containers: Required value' });
        }
      }
      return errors.length ? { ok: false, errors } : { ok: true, manifests: docs.map((d) => d.value) };
    } catch (e) {
      if (!(e instanceof YamlSyntaxError)) throw e;
      return { ok: false, errors: [{ ...e.position, message: `error converting YAML to JSON: ${e.detail}` }] };
    }
  },
  simSyntax(line) {
    const w = line.trim().split(/\s+/);
    if (w[0] === 'node' && ['stop', 'start'].includes(w[1]) && w.length === 3) return undefined;
    if (w[0] === 'static' && w[1] === 'add' && w.length === 4) return undefined;
    if (w[0] === 'explode' && w.length === 1) return undefined;
    return `unknown simulation action "${line}"`;
  },
  wideColumns(info) {
    return info.kind === 'Pod' ? ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : undefined;
  },
};

export class FakeHost implements ScenarioHost {
  readonly clock: VirtualClock;
  readonly store = new ObjectStore();
  readonly log: string[] = [];
  private ns: string;

  constructor(readonly opts: HostOptions) {
    this.clock = new VirtualClock(opts.start ?? FAKE_START);
    this.ns = opts.namespace;
  }

  now(): number {
    return this.clock.now();
  }

  namespace(): string {
    return this.ns;
  }

  advanceBy(ms: number): void {
    const t = this.clock.now() + ms;
    while (this.clock.fireNext(t));
    this.clock.setTime(t);
  }

  advanceUntil(check: () => boolean, timeoutMs: number): boolean {
    const deadline = this.clock.now() + timeoutMs;
    if (check()) return true;
    for (;;) {
      const next = this.clock.nextDue();
      if (next === undefined || next > deadline) {
        this.clock.setTime(deadline);
        return check();
      }
      while (this.clock.fireNext(next));
      if (check()) return true;
    }
  }

  kubectl(line: string): CommandResult {
    this.log.push(`kubectl ${line}`);
    const words = line.trim().replace(/^(kubectl|k)\s+/, '').split(/\s+/);
    if (words[0] === 'get' && words[1] === 'pods') {
      const pods = this.store.list('Pod', { namespace: this.ns });
      if (pods.length === 0) return printed([['stderr', `No resources found in ${this.ns} namespace.\n`]], 0);
      const rows = pods.map((p) => `${p.metadata.name.padEnd(10)} ${(p.status as { phase: string }).phase}`);
      return printed([['stdout', `${'NAME'.padEnd(10)} STATUS\n${rows.join('\n')}\n`]], 0);
    }
    if (words[0] === 'config' && words[1] === 'set-context') {
      this.ns = words.find((w) => w.startsWith('--namespace='))!.slice('--namespace='.length);
      return printed([['stdout', 'Context "kind-kind" modified.\n']], 0);
    }
    if (words[0] === 'label' && words[1] === 'pod') {
      const pod = this.store.get('Pod', this.ns, words[2])!;
      const [k, v] = words[3].split('=');
      this.put({ ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, [k]: v } } });
      return printed([['stdout', `pod/${words[2]} labeled\n`]], 0);
    }
    if (words[0] === 'print') return printed([['stdout', `${words.slice(1).join(' ')}\n`]], 0);
    if (words[0] === 'fail') return printed([['stderr', 'Error from server (NotFound): pods "nope" not found\n']], 1);
    // As kubectl drain: a line on stdout, a warning on stderr, more on stdout.
    if (words[0] === 'interleave') return printed([['stdout', 'node/w cordoned\n'], ['stderr', 'Warning: ignoring w-agent\n'], ['stdout', 'node/w drained\n']], 0);
    return printed([['stdout', `ran ${words.join(' ')}\n`]], 0);
  }

  manifests(verb: ManifestVerb, manifests: readonly unknown[], source: string): CommandResult {
    this.log.push(`${verb} ${source}`);
    const out: string[] = [];
    for (const m of manifests) {
      const obj = m as KubeObject;
      const ns = obj.metadata.namespace ?? this.ns;
      const existing = this.store.get(obj.kind, ns, obj.metadata.name);
      const id = `${obj.kind.toLowerCase()}/${obj.metadata.name}`;
      if (verb === 'delete') {
        this.store.remove(obj.kind, ns, obj.metadata.name);
        out.push(`${id} deleted`);
        continue;
      }
      if (verb === 'create' && existing) {
        return printed([['stdout', out.map((l) => `${l}\n`).join('')], ['stderr', `Error from server (AlreadyExists): error when creating "${source}": pods "${obj.metadata.name}" already exists\n`]], 1);
      }
      this.put({ ...obj, metadata: { ...obj.metadata, namespace: ns }, status: { phase: 'Pending' } });
      if (obj.kind === 'Pod') {
        this.clock.after(5000, () => {
          const cur = this.store.get(obj.kind, ns, obj.metadata.name);
          if (cur) this.put({ ...cur, spec: { ...(cur.spec as object), nodeName: 'worker1' }, status: { phase: 'Running' } });
        });
      }
      out.push(`${id} ${existing ? 'configured' : 'created'}`);
    }
    return printed([['stdout', `${out.join('\n')}\n`]], 0);
  }

  sim(line: string, manifest?: ManifestSource) {
    const from = manifest && `${manifest.origin.file}:${manifest.origin.line ?? 1}:${manifest.origin.column ?? 0}`;
    this.log.push(`sim ${line}${manifest ? ` (${manifest.manifests.length} manifests from ${manifest.label}, ${from})` : ''}`);
    if (line === 'explode') return { ok: false as const, error: 'node "ghost" not found' };
    return { ok: true as const, output: `done: ${line}` };
  }

  list(info: KindInfo, namespace: string | undefined, selector: Selector | undefined): KubeObject[] {
    return this.store.list(info.kind, { namespace }).filter((o) => !selector || matches(selector, o.metadata.labels));
  }

  wideRows(info: KindInfo, objects: readonly KubeObject[]) {
    const headers = ['NAME', 'STATUS', 'NODE'];
    const rows = objects.map((o) => [o.metadata.name, (o.status as { phase?: string }).phase ?? '', (o.spec as { nodeName?: string }).nodeName ?? '<none>']);
    return { headers, rows };
  }

  allObjects(): KubeObject[] {
    return this.store.kinds().flatMap((k) => this.store.list(k));
  }

  put(obj: KubeObject): void {
    this.store.put({ ...obj, metadata: { ...obj.metadata, resourceVersion: this.store.nextResourceVersion() } });
  }
}

/** A command's result from what it wrote, in order. */
export function printed(chunks: [OutputStream, string][], exitCode: number): CommandResult {
  const output = chunks.filter(([, text]) => text !== '').map(([stream, text]) => ({ stream, text }));
  return { stdout: output.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''), output, exitCode };
}

/** A read-file function over an in-memory map of files. */
export function memoryFiles(files: Record<string, string>): (path: string) => string {
  return (path) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    return text;
  };
}
