/**
 * Field selectors (`--field-selector spec.nodeName=worker1,status.phase!=Running`), as the API
 * server answers them: every kind supports metadata.name and metadata.namespace; some kinds add
 * their own fields (pods: spec.nodeName, status.phase, ...). Any other field is refused with the
 * server's `field label not supported: <field>`.
 */
import type { KubeObject } from '../api/types/index.ts';

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export class FieldSelectorError extends Error {}

const COMMON = ['metadata.name', 'metadata.namespace'];

/** Fields each kind's registry adds (GetAttrs / field label conversion funcs). */
const BY_KIND: Record<string, string[]> = {
  Pod: [
    'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork',
    'status.phase', 'status.podIP', 'status.nominatedNodeName',
  ],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  Secret: ['type'],
  Event: [
    'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
    'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath',
    'reason', 'reportingComponent', 'source', 'type',
  ],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
  PersistentVolumeClaim: [],
};

/** Parses `a=b,c!=d,e==f`. */
export function parseFieldSelector(text: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  const trimmed = text.trim();
  if (trimmed === '') return out;
  for (const part of trimmed.split(',')) {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part.trim());
    if (!m) throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
    out.push({ field: m[1].trim(), op: m[2] === '!=' ? '!=' : '=', value: m[3].trim() });
  }
  return out;
}

/** The server's refusal of a field it does not index for this kind, if any. */
export function unsupportedField(kind: string, reqs: FieldRequirement[]): string | undefined {
  const allowed = new Set([...COMMON, ...(BY_KIND[kind] ?? [])]);
  const bad = reqs.find((r) => !allowed.has(r.field));
  return bad ? `field label not supported: ${bad.field}` : undefined;
}

export function matchesFields(obj: KubeObject, reqs: FieldRequirement[]): boolean {
  return reqs.every((r) => {
    const v = fieldValue(obj, r.field);
    return r.op === '=' ? v === r.value : v !== r.value;
  });
}

/** The value of a selectable field as the server compares it (a string; absent is ""). */
function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'source' && obj.kind === 'Event') {
    return String((obj as { source?: { component?: string } }).source?.component ?? '');
  }
  if (field === 'status.successful') {
    return String((obj.status as { succeeded?: number } | undefined)?.succeeded ?? 0);
  }
  let cur: unknown = obj;
  for (const seg of field.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[seg];
  }
  if (cur === undefined || cur === null) {
    // Booleans and counts the server always has a value for.
    if (field === 'spec.unschedulable' || field === 'spec.hostNetwork') return 'false';
    if (field === 'status.replicas') return '0';
    return '';
  }
  return String(cur);
}
