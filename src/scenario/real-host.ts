/**
 * The scenario player's host and toolkit made of kubesim's real modules: a Cluster, a kubectl
 * session on it, the manifest checker, the simulation actions and the printers. This adapter is
 * the only file of the player that knows them.
 */
import type { KindInfo } from '../api/kinds.ts';
import type { Selector } from '../api/selector.ts';
import type { KubeObject } from '../api/types/index.ts';
import { Cluster } from '../cluster/cluster.ts';
import { parseSimAction, runSimAction, SimActionError } from '../cluster/sim-actions.ts';
import { KubectlSession } from '../kubectl/session.ts';
import { checkManifest, parseManifests, toManifestError, type LocatedManifest, type Origin } from '../manifest/index.ts';
import { columnsFor } from '../printers/columns.ts';
import { printRows } from '../printers/table.ts';
import type { ManifestError } from '../manifest/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { CommandResult, HostOptions, ParsedManifests, ScenarioHost, ScenarioToolkit, SimResult } from './host.ts';
import type { ManifestSource, ManifestVerb } from './types.ts';

export const realToolkit: ScenarioToolkit = {
  manifests(text: string, origin: Origin): ParsedManifests {
    let manifests: LocatedManifest[];
    try {
      manifests = parseManifests(text, origin);
    } catch (e) {
      const err = toManifestError(e);
      if (!err) throw e;
      return { ok: false, errors: [diagnostic(err)] };
    }
    const errors = manifests.flatMap((m) => checkManifest(m)).map(diagnostic);
    return errors.length ? { ok: false, errors } : { ok: true, manifests };
  },
  simSyntax(line: string): string | undefined {
    try {
      parseSimAction(line);
      return undefined;
    } catch (e) {
      if (e instanceof SimActionError) return e.message;
      throw e;
    }
  },
  wideColumns(info: KindInfo): readonly string[] {
    return columnsFor(info.kind).map((c) => c.name);
  },
};

function diagnostic(e: ManifestError): Diagnostic {
  return { file: e.file, line: e.line, column: e.column, message: e.detail };
}

export class RealHost implements ScenarioHost {
  readonly cluster: Cluster;
  readonly session: KubectlSession;

  constructor(opts: HostOptions) {
    this.cluster = new Cluster({
      seed: opts.seed,
      ...(opts.start !== undefined ? { start: opts.start } : {}),
      ...(opts.nodes ? { nodes: opts.nodes } : {}),
      images: opts.images,
    });
    this.session = new KubectlSession(this.cluster, { namespace: opts.namespace, ...(opts.readFile ? { readFile: opts.readFile } : {}) });
  }

  now(): number {
    return this.cluster.now();
  }

  namespace(): string {
    return this.session.namespace;
  }

  advanceBy(ms: number): void {
    this.cluster.advanceBy(ms);
  }

  advanceUntil(check: () => boolean, timeoutMs: number): boolean {
    return this.cluster.advanceUntil(check, timeoutMs);
  }

  kubectl(line: string): CommandResult {
    return this.cluster.act(() => this.session.runTranscript(line));
  }

  manifests(verb: ManifestVerb, manifests: readonly unknown[], source: string): CommandResult {
    return this.cluster.act(() => this.session.applyManifests(manifests as LocatedManifest[], verb, source));
  }

  sim(line: string, manifest?: ManifestSource): SimResult {
    try {
      const r = runSimAction(this.cluster, line, {
        namespace: this.session.namespace,
        ...(manifest ? { manifest: { text: manifest.text, ...manifest.origin } } : {}),
      });
      return { ok: true, output: r.output };
    } catch (e) {
      if (e instanceof SimActionError) return { ok: false, error: e.message };
      throw e;
    }
  }

  list(info: KindInfo, namespace: string | undefined, selector: Selector | undefined): KubeObject[] {
    return this.cluster.store.list(info.kind, { ...(namespace !== undefined ? { namespace } : {}), ...(selector ? { selector } : {}) });
  }

  wideRows(info: KindInfo, objects: readonly KubeObject[]) {
    return printRows(info.kind, [...objects], { now: this.cluster.now(), store: this.cluster.store }, { wide: true });
  }

  allObjects(): KubeObject[] {
    return this.cluster.store.kinds().flatMap((kind) => this.cluster.store.list(kind));
  }
}

export function createRealHost(opts: HostOptions): ScenarioHost {
  return new RealHost(opts);
}
