/**
 * What the scenario player needs from the rest of kubesim, as two small interfaces:
 *
 * - ScenarioToolkit: checks that need no cluster (manifests against their schemas, sim action
 *   syntax, the columns of `kubectl get -o wide`), used while validating, before step 1.
 * - ScenarioHost: one running cluster with a kubectl session, used while playing.
 *
 * real-host.ts implements both with the real modules; tests implement them with fakes, so the
 * player's logic is tested on its own.
 */
import type { KindInfo } from '../api/kinds.ts';
import type { Selector } from '../api/selector.ts';
import type { KubeObject } from '../api/types/index.ts';
import type { NodeConfig } from '../cluster/nodes.ts';
import type { ImageEntry } from '../kubelet/images.ts';
import type { OutputChunk } from '../kubectl/session.ts';
import type { Origin } from '../manifest/yaml-source.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { ManifestSource, ManifestVerb } from './types.ts';

/**
 * What a kubectl command leaves, as a shell sees it: `stdout` alone (what `save:` keeps and a
 * pipe would read) and everything it wrote to stdout and stderr in the order it wrote it (what a
 * terminal shows: the report, `fails:` and output conditions read that).
 */
export interface CommandResult {
  stdout: string;
  output: readonly OutputChunk[];
  exitCode: number;
}

/** What a terminal showed of a command: its output chunks in order. */
export function printedText(r: CommandResult): string {
  return r.output.map((c) => c.text).join('');
}

export type ParsedManifests = { ok: true; manifests: readonly unknown[] } | { ok: false; errors: Diagnostic[] };

export interface ScenarioToolkit {
  /** Parses manifest text (multi-document, `kind: List`) and checks each against its kind's schema. */
  manifests(text: string, origin: Origin): ParsedManifests;
  /** The syntax error of a `sim:` line, if any. */
  simSyntax(line: string): string | undefined;
  /** The headers of `kubectl get -o wide` for a kind, if the printers know it. */
  wideColumns(info: KindInfo): readonly string[] | undefined;
}

export interface HostOptions {
  seed: number | string;
  start?: number;
  nodes?: NodeConfig[];
  images: ImageEntry[];
  namespace: string;
  /** Reads files named in kubectl commands (`kubectl apply -f x.yaml`), relative to the scenario's folder. */
  readFile?: (path: string) => string;
}

export type SimResult = { ok: true; output: string } | { ok: false; error: string };

export interface ScenarioHost {
  /** Virtual time, ms since the epoch. */
  now(): number;
  /** The kubectl session's current namespace (the scenario's, until `kubectl config set-context`). */
  namespace(): string;
  advanceBy(ms: number): void;
  /** Advances instant by instant until `check` holds or `timeoutMs` passes; whether it held. */
  advanceUntil(check: () => boolean, timeoutMs: number): boolean;
  /** A kubectl command line, then settling. */
  kubectl(line: string): CommandResult;
  /** `kubectl apply|create|delete -f` of parsed manifests, then settling. */
  manifests(verb: ManifestVerb, manifests: readonly unknown[], source: string): CommandResult;
  /** A simulation action, then settling; `static add` comes with its manifest. */
  sim(line: string, manifest?: ManifestSource): SimResult;
  /** Objects of a kind, by namespace then name; `namespace` undefined means all namespaces. */
  list(info: KindInfo, namespace: string | undefined, selector: Selector | undefined): KubeObject[];
  /** `kubectl get -o wide` cells for these objects: one row per object, in the same order. */
  wideRows(info: KindInfo, objects: readonly KubeObject[]): { headers: readonly string[]; rows: readonly (readonly string[])[] };
  /** Every object of every kind, for --dump. */
  allObjects(): KubeObject[];
}

export type HostFactory = (opts: HostOptions) => ScenarioHost;
