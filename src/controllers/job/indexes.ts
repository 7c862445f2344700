/**
 * Completion indexes of Indexed Jobs (k8s pkg/controller/job/indexed_job_utils.go and
 * success_policy.go): sets of indexes as ordered intervals, written the way
 * `status.completedIndexes` shows them, the next indexes to start, and the successPolicy rules.
 *
 * Worked examples of the text form: {0,1,2,3,5} → "0-3,5"; {1,2} → "1,2" (a pair is written with a
 * comma); {0,2,4} → "0,2,4". Parsing ignores everything at or beyond `completions`.
 */
import type { Pod } from '../../api/types/index.ts';
import { compareActivePods, completionIndex, NO_INDEX } from './pods.ts';

export interface Interval {
  first: number;
  last: number;
}

export type Intervals = Interval[];

export function total(iv: Intervals): number {
  return iv.reduce((n, i) => n + i.last - i.first + 1, 0);
}

export function has(iv: Intervals, ix: number): boolean {
  return iv.some((i) => i.first <= ix && ix <= i.last);
}

/** Merges two ordered interval lists into one (adjacent intervals join). */
export function merge(a: Intervals, b: Intervals): Intervals {
  const all = [...a, ...b].sort((x, y) => x.first - y.first);
  const out: Intervals = [];
  for (const i of all) {
    const last = out[out.length - 1];
    if (!last || i.first > last.last + 1) out.push({ ...i });
    else if (last.last < i.last) last.last = i.last;
  }
  return out;
}

/** withOrderedIndexes: the intervals plus these indexes. */
export function withIndexes(iv: Intervals, indexes: Iterable<number>): Intervals {
  return merge(iv, [...indexes].sort((x, y) => x - y).map((i) => ({ first: i, last: i })));
}

export function formatIntervals(iv: Intervals): string {
  return iv.map((i) => (i.last === i.first ? `${i.first}` : `${i.first}${i.last === i.first + 1 ? ',' : '-'}${i.last}`)).join(',');
}

/** parseIndexesFromString: corrupt pieces are skipped; indexes ≥ completions are dropped. */
export function parseIntervals(text: string | undefined, completions: number): Intervals {
  if (!text) return [];
  const out: Intervals = [];
  for (const piece of text.split(',')) {
    const [a, b] = piece.split('-');
    if (!/^\d+$/.test(a ?? '')) continue;
    const first = Number(a);
    if (first >= completions) break;
    let last = first;
    if (b !== undefined) {
      if (!/^\d+$/.test(b)) continue;
      last = Math.min(Number(b), completions - 1);
    }
    const prev = out[out.length - 1];
    if (prev && prev.last === first - 1) prev.last = last;
    else out.push({ first, last });
  }
  return out;
}

export function indexesOf(pods: Pod[]): Set<number> {
  const s = new Set<number>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix !== NO_INDEX) s.add(ix);
  }
  return s;
}

/**
 * firstPendingIndexes: the `count` lowest indexes below `completions` that are neither covered by
 * `taken` (succeeded, failed, active, and terminating when only failed pods are replaced).
 */
export function firstPendingIndexes(taken: Intervals, count: number, completions: number): number[] {
  const out: number[] = [];
  for (let ix = 0; ix < completions && out.length < count; ix++) if (!has(taken, ix)) out.push(ix);
  return out;
}

/**
 * appendDuplicatedIndexPodsForRemoval: among active pods, those without a valid index or with an
 * index ≥ completions are removed, and for an index held by several pods all but the one that
 * sorts last (the most advanced) are removed. Returns [remove, keep].
 */
export function duplicateIndexPods(pods: Pod[], completions: number): [Pod[], Pod[]] {
  const rm: Pod[] = [];
  const keep: Pod[] = [];
  const byIndex = new Map<number, Pod[]>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix === NO_INDEX || ix >= completions) rm.push(p);
    else byIndex.set(ix, [...(byIndex.get(ix) ?? []), p]);
  }
  for (const ix of [...byIndex.keys()].sort((a, b) => a - b)) {
    const group = byIndex.get(ix)!.sort(compareActivePods);
    rm.push(...group.slice(0, -1));
    keep.push(group[group.length - 1]);
  }
  return [rm, keep];
}

interface SuccessRule {
  succeededIndexes?: string;
  succeededCount?: number;
}

/** How many of the rule's indexes have succeeded. */
function overlap(rule: Intervals, succeeded: Intervals): number {
  let n = 0;
  for (const r of rule) for (const s of succeeded) n += Math.max(0, Math.min(r.last, s.last) - Math.max(r.first, s.first) + 1);
  return n;
}

/**
 * matchSuccessPolicy: the first rule whose indexes all succeeded (or at least succeededCount of
 * them, or of all indexes when the rule names none). Message "Matched rules at index N".
 */
export function matchSuccessPolicy(policy: { rules: SuccessRule[] } | undefined, completions: number, succeeded: Intervals): string | undefined {
  if (!policy || succeeded.length === 0) return undefined;
  for (const [index, rule] of policy.rules.entries()) {
    if (rule.succeededIndexes !== undefined) {
      const required = parseIntervals(rule.succeededIndexes, completions);
      if (required.length === 0) continue;
      const got = overlap(required, succeeded);
      if (got === total(required) || (rule.succeededCount !== undefined && got >= rule.succeededCount)) return `Matched rules at index ${index}`;
    } else if (rule.succeededCount !== undefined && total(succeeded) >= rule.succeededCount) {
      return `Matched rules at index ${index}`;
    }
  }
  return undefined;
}
