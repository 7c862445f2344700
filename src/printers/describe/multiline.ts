/**
 * The multi-line fields of kubectl describe: labels, annotations, taints, tolerations. The first
 * entry follows the title after a tab; the others start with the same indentation and a tab, so
 * the tabwriter lines them up under the first:
 *
 *   Labels:       app=web
 *                 pod-template-hash=66b6c48dd5
 */
import type { Taint, Toleration } from '../../api/types/index.ts';
import { LEVEL_0, type DescribeWriter } from './writer.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

export function printLabelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** Annotations, without last-applied-configuration; long or multi-line values on their own lines. */
export function printAnnotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) return w.line('<none>');
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s;
}

/** Taint.ToString: `key=value:Effect`, or `key:Effect` without a value. */
export function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** Taints sorted by effect, then key. */
export function printTaintsMultiline(w: DescribeWriter, title: string, taints: readonly Taint[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(taints ?? [])].sort((a, b) => cmp(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  if (list.length === 0) return w.line('<none>');
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/**
 * Tolerations sorted by key: `key=value:Effect op=Exists for 300s`; an empty key with Exists
 * tolerates everything and prints `op=Exists`.
 */
export function printTolerationsMultiline(w: DescribeWriter, title: string, tolerations: readonly Toleration[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(tolerations ?? [])].sort((a, b) => cmp(a.key ?? '', b.key ?? ''));
  if (list.length === 0) return w.line('<none>');
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
