/**
 * A scenario once parsed and validated: the cluster to build, the manifests already read and
 * checked, and the steps with their conditions compiled. Nothing here needs the running cluster;
 * the player (player.ts) runs it against a ScenarioHost.
 */
import type { KindInfo } from '../api/kinds.ts';
import type { Selector } from '../api/selector.ts';
import type { NodeConfig } from '../cluster/nodes.ts';
import type { ImageEntry } from '../kubelet/images.ts';
import type { Origin, PathSegment } from '../manifest/yaml-source.ts';
import type { FieldPath } from './field-path.ts';

/** Manifests read from a path or an inline block, parsed and checked. Opaque to the player. */
export interface ManifestSource {
  /** The path as the scenario wrote it, or `inline` for YAML text in the scenario. */
  label: string;
  /** The YAML text, as read, and where it sits: its file (the scenario for inline text), line and column. */
  text: string;
  origin: Origin;
  manifests: readonly unknown[];
}

export interface ClusterSetup {
  seed: number | string;
  /** ms since the epoch; undefined means the cluster's fixed default. */
  start?: number;
  nodes?: NodeConfig[];
  images: ImageEntry[];
  objects?: ManifestSource;
  /** Line of `cluster.objects` in the scenario file. */
  objectsLine?: number;
}

export interface Scenario {
  file: string;
  name: string;
  description?: string;
  namespace: string;
  cluster: ClusterSetup;
  steps: Step[];
}

interface StepBase {
  /** 1-based position in `steps`. */
  index: number;
  /** Line of the step in the scenario file. */
  line: number;
  note?: string;
}

export type ManifestVerb = 'apply' | 'create' | 'delete';

export type Step =
  | (StepBase & { action: ManifestVerb; source: ManifestSource; fails?: string })
  | (StepBase & { action: 'kubectl'; command: string; fails?: string; save?: string })
  | (StepBase & { action: 'sim'; command: string; source?: ManifestSource })
  | (StepBase & { action: 'wait'; ms: number })
  | (StepBase & { action: 'until'; conditions: ConditionTemplate[]; timeoutMs: number })
  | (StepBase & { action: 'expect'; conditions: ConditionTemplate[] })
  | (StepBase & { action: 'note'; text: string })
  | (StepBase & { action: 'pause'; text: string });

/** One key of `where`, `all` or `match`: a field path, or a `kubectl get -o wide` column. */
export type FieldRef = { kind: 'path'; path: FieldPath; text: string } | { kind: 'column'; column: string; text: string };

export interface FieldExpectation {
  field: FieldRef;
  /** The value as the scenario wrote it (a YAML scalar, list or map). */
  value: unknown;
}

/** A regular expression: as written (with its `${NAME}` references) and compiled. */
export interface Pattern {
  written: string;
  regex: RegExp;
}

export interface FieldPattern {
  field: FieldRef;
  pattern: Pattern;
}

export interface GetCondition {
  type: 'get';
  info: KindInfo;
  /** What the user wrote after `get:`. */
  resource: string;
  name?: string;
  /** undefined: the current namespace; '*': all namespaces. */
  namespace?: string;
  selector?: Selector;
  selectorText?: string;
  where: FieldExpectation[];
  count?: number;
  names?: string[];
  all: FieldExpectation[];
  match: FieldPattern[];
}

export interface OutputCondition {
  type: 'output';
  command: string;
  contains: string[];
  notContains: string[];
  matches: Pattern[];
}

/** A condition ready to evaluate: every variable it used has its value. */
export type Condition = GetCondition | OutputCondition;

/** Where a condition uses a variable: `${name}` written at `path` (in the key itself, with `key`). */
export interface VariableUse {
  name: string;
  path: readonly PathSegment[];
  key?: boolean;
}

/**
 * A condition as compiled before step 1: `written` holds its texts as the file wrote them, `${NAME}`
 * included (its regular expressions and selector were checked with a stand-in for each variable).
 * It is evaluated once the step runs, bound to the values saved by then (bindConditions).
 */
export interface ConditionTemplate {
  written: Condition;
  /** Empty: `written` is the condition itself. */
  uses: readonly VariableUse[];
}
