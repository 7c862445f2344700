/**
 * The scheduling framework's extension points (k8s pkg/scheduler/framework/interface.go), reduced
 * to what kubesim's plugins use: PreFilter, Filter, PreScore, Score (with NormalizeScore).
 *
 * A Filter answers for one node; the first plugin that rejects a node stops its evaluation, and
 * its reasons are what the FailedScheduling message counts for that node.
 */
import type { Node, Pod } from '../../api/types/index.ts';
import type { NodeInfo } from './node-info.ts';
import type { SchedulerSnapshot } from './snapshot.ts';

export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skip';

export interface Status {
  code: Code;
  reasons: string[];
}

/**
 * What a PreFilter may add to success (framework.PreFilterResult): the only nodes worth filtering,
 * e.g. the node a DaemonSet pod's `matchFields metadata.name` names. The other nodes are not
 * evaluated and count as "node(s) didn't satisfy plugin(s) [NodeAffinity]".
 */
export interface PreFilterStatus extends Status {
  nodeNames?: ReadonlySet<string>;
}

export const SUCCESS: Status = { code: 'Success', reasons: [] };
export const SKIP: Status = { code: 'Skip', reasons: [] };

export function unschedulable(...reasons: string[]): Status {
  return { code: 'Unschedulable', reasons };
}

export function unresolvable(...reasons: string[]): Status {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

export const MAX_NODE_SCORE = 100;

/** Data a plugin computes once per scheduling cycle (PreFilter/PreScore) and reads per node. */
export type CycleState = Map<string, unknown>;

export interface PluginContext {
  snapshot: SchedulerSnapshot;
  state: CycleState;
  now: number;
}

export interface Plugin {
  readonly name: string;
}

export interface PreFilterPlugin extends Plugin {
  /** A non-success status rejects the pod for every node at once (its message is the PreFilterMsg). */
  preFilter(ctx: PluginContext, pod: Pod): PreFilterStatus;
}

export interface FilterPlugin extends Plugin {
  filter(ctx: PluginContext, pod: Pod, node: NodeInfo): Status;
}

export interface PreScorePlugin extends Plugin {
  /** SKIP means the plugin has nothing to score for this pod. */
  preScore(ctx: PluginContext, pod: Pod, nodes: NodeInfo[]): Status;
}

export interface ScorePlugin extends Plugin {
  readonly weight: number;
  score(ctx: PluginContext, pod: Pod, node: NodeInfo): number;
  /** Rescales the raw scores (by node name) to 0..MAX_NODE_SCORE in place. */
  normalize?(ctx: PluginContext, pod: Pod, scores: Map<string, number>): void;
}

export function isPreFilter(p: Plugin): p is PreFilterPlugin {
  return typeof (p as PreFilterPlugin).preFilter === 'function';
}
export function isFilter(p: Plugin): p is FilterPlugin {
  return typeof (p as FilterPlugin).filter === 'function';
}
export function isPreScore(p: Plugin): p is PreScorePlugin {
  return typeof (p as PreScorePlugin).preScore === 'function';
}
export function isScore(p: Plugin): p is ScorePlugin {
  return typeof (p as ScorePlugin).score === 'function';
}

export type { Node, Pod };
