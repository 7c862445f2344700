/**
 * `kubectl get -o yaml|json|name`: whole objects as kubectl prints them. kubectl reads objects as
 * unstructured maps, so keys come out sorted (JSON: byte order, as encoding/json sorts map keys;
 * YAML: go-yaml's order, see go-yaml.ts). A list of objects is wrapped in a `kind: List`.
 */
import { findKind, qualifiedKind } from '../api/kinds.ts';
import type { KubeObject } from '../api/types/index.ts';
import { goYamlMarshal } from './go-yaml.ts';

/** What kubectl prints for more than one object (or for a list that came back empty). */
export function listWrapper(objs: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objs, kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * One object prints as itself (`kubectl get pod web-1`); an array prints as a List, whatever its
 * length, as `kubectl get pods` (a list request) or `kubectl get pod a b` do.
 */
function payload(objOrObjs: KubeObject | readonly KubeObject[]): unknown {
  return Array.isArray(objOrObjs) ? listWrapper(objOrObjs) : objOrObjs;
}

/** `-o yaml`: ends with "\n". */
export function toYaml(objOrObjs: KubeObject | readonly KubeObject[]): string {
  return goYamlMarshal(payload(objOrObjs));
}

/** `-o json`: 4-space indentation, sorted keys, Go's HTML-safe escapes; ends with "\n". */
export function toJson(objOrObjs: KubeObject | readonly KubeObject[]): string {
  return goJson(payload(objOrObjs), 4) + '\n';
}

/** encoding/json MarshalIndent of an unstructured value (indent 0: compact Marshal). */
export function goJson(value: unknown, indent: number): string {
  const text = JSON.stringify(sortKeysDeep(value), null, indent || undefined) ?? 'null';
  // encoding/json escapes these even inside strings (HTMLEscape); they only occur in strings.
  return text.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeysDeep(v)));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort(byteCompare)) if (obj[k] !== undefined) out[k] = sortKeysDeep(obj[k]);
  return out;
}

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `-o name`: `deployment.apps/web`, `pod/web-1` (kind lowercased, group from apiVersion). */
export function toName(obj: KubeObject): string {
  const info = findKind(obj.kind);
  if (info) return `${qualifiedKind(info)}/${obj.metadata.name || '<unknown>'}`;
  const api = obj.apiVersion ?? '';
  const group = api.includes('/') ? api.slice(0, api.indexOf('/')) : '';
  const kind = obj.kind.toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${obj.metadata.name || '<unknown>'}`;
}
