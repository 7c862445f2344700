/**
 * Values as Go's fmt prints them inside API error messages: strings with %q, scalars with %v, and
 * structs, maps and slices with %#v, which is what field.Error falls back to. Examples:
 *
 *   goValue("Web_1")                          → "Web_1"            (quoted)
 *   goStringMap({app: "x"})                   → map[string]string{"app":"x"}
 *   goStringMap(undefined)                    → map[string]string(nil)
 *   goLabelSelector({matchLabels: {app: "x"}})
 *     → v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}
 *   goIntOrString("30")                       → intstr.IntOrString{Type:1, IntVal:0, StrVal:"30"}
 */
import type { LabelSelector } from '../../api/types/index.ts';

/** A value already rendered as Go would print it. */
export interface GoLiteral {
  readonly go: string;
}

export function goLiteral(go: string): GoLiteral {
  return { go };
}

function isLiteral(v: unknown): v is GoLiteral {
  return typeof v === 'object' && v !== null && typeof (v as GoLiteral).go === 'string';
}

/** strconv.Quote: double-quoted, with Go escapes for control characters. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** The value after `Invalid value:` in a field error. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (isLiteral(v)) return v.go;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return goJson(v);
}

export function goStringMap(m: Record<string, string> | undefined | null, type = 'map[string]string'): string {
  if (m === undefined || m === null) return `${type}(nil)`;
  const keys = Object.keys(m).sort();
  return `${type}{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}

export function goStringSlice(a: readonly string[] | undefined | null, type = '[]string'): string {
  if (a === undefined || a === null) return `${type}(nil)`;
  return `${type}{${a.map(goQuote).join(', ')}}`;
}

export function goLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return 'null';
  const exprs = sel.matchExpressions;
  const exprText = exprs
    ? `[]v1.LabelSelectorRequirement{${exprs
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSlice(e.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprText}}`;
}

export function goIntOrString(v: number | string): string {
  return typeof v === 'number'
    ? `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`
    : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
}

/** Plain JSON data as Go prints decoded interface{} values with %#v. */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goJson).join(', ')}}`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goJson(o[k])}`).join(', ')}}`;
}

/** Go field name of a JSON field name (`dnsPolicy` → `DNSPolicy`). */
function goFieldName(json: string): string {
  const special: Record<string, string> = { metadata: 'ObjectMeta', dnsPolicy: 'DNSPolicy', dnsConfig: 'DNSConfig', os: 'OS', uid: 'UID', hostIPC: 'HostIPC', hostPID: 'HostPID' };
  return special[json] ?? json.charAt(0).toUpperCase() + json.slice(1);
}

/** Go types of the fields kubesim prints inside structs (pod templates, strategies...). */
const FIELD_TYPES: Record<string, string> = {
  metadata: 'v1.ObjectMeta',
  spec: 'core.PodSpec',
  containers: '[]core.Container',
  initContainers: '[]core.Container',
  ports: '[]core.ContainerPort',
  env: '[]core.EnvVar',
  volumeMounts: '[]core.VolumeMount',
  volumes: '[]core.Volume',
  tolerations: '[]core.Toleration',
  resources: 'core.ResourceRequirements',
  securityContext: '&core.PodSecurityContext',
  labels: 'map[string]string',
  annotations: 'map[string]string',
  nodeSelector: 'map[string]string',
  command: '[]string',
  args: '[]string',
  rollingUpdate: '&apps.RollingUpdate',
};

function goTyped(type: string | undefined, value: unknown): string {
  if (value === null || value === undefined) return type ? `${type}(nil)` : 'nil';
  if (type === 'map[string]string') return goStringMap(value as Record<string, string>);
  if (type === '[]string') return goStringSlice(value as string[]);
  if (Array.isArray(value)) {
    const elem = type?.startsWith('[]') ? type.slice(2) : undefined;
    return `${type ?? '[]interface {}'}{${value.map((v) => goTyped(elem, v)).join(', ')}}`;
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => Number(b === 'metadata') - Number(a === 'metadata'))
      .map(([k, v]) => `${goFieldName(k)}:${goTyped(FIELD_TYPES[k], v)}`);
    return `${type ?? ''}{${fields.join(', ')}}`;
  }
  return goValue(value);
}

/**
 * A struct as %#v prints it, from a type name and a JS object whose keys are JSON field names:
 * `core.PodTemplateSpec{ObjectMeta:..., Spec:...}`. Only the fields present are printed (kubesim
 * does not model every Go zero value) and pointers print as their values.
 */
export function goStruct(type: string, value: unknown): string {
  return goTyped(type, value);
}
