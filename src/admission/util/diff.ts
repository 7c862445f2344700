/**
 * A reduced go-cmp `cmp.Diff`, as the API appends it to "may not change fields" errors: the
 * struct's changed fields, old value marked `-` and new value marked `+`, unchanged runs folded.
 *
 *   cmpDiff('core.PodSpec', oldSpec, newSpec, PODSPEC_FIELDS) →
 *     "  core.PodSpec{\n  \t... // 4 identical fields\n- \tRestartPolicy: \"Always\",\n+ \tRestartPolicy: \"Never\",\n  \t... // 29 identical fields\n  }\n"
 *
 * Values are printed in a compact Go-like form; go-cmp's exact layout of nested structs is not
 * reproduced.
 */
import { deepEqual } from '../../api/object-util.ts';
import { goQuote } from './go-format.ts';

function goName(jsonName: string): string {
  const special: Record<string, string> = { dnsPolicy: 'DNSPolicy', dnsConfig: 'DNSConfig', os: 'OS', hostIPC: 'HostIPC', hostPID: 'HostPID' };
  return special[jsonName] ?? jsonName.charAt(0).toUpperCase() + jsonName.slice(1);
}

export function cmpValue(v: unknown): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `{${v.map(cmpValue).join(', ')}}`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `{${entries.map(([k, x]) => `${goName(k)}: ${cmpValue(x)}`).join(', ')}}`;
}

/** The diff of two objects of a struct type whose JSON fields, in Go order, are `fields`. */
export function cmpDiff(type: string, before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): string {
  const names = [...fields, ...Object.keys({ ...before, ...after }).filter((k) => !fields.includes(k))];
  const lines = [`  ${type}{`];
  let same = 0;
  const flush = () => {
    if (same > 0) lines.push(`  \t... // ${same} identical field${same === 1 ? '' : 's'}`);
    same = 0;
  };
  for (const f of names) {
    if (deepEqual(before[f], after[f])) {
      same++;
      continue;
    }
    flush();
    const width = goName(f).length;
    const label = `${goName(f)}:`.padEnd(width + 2);
    if (before[f] !== undefined) lines.push(`- \t${label}${cmpValue(before[f])},`);
    else lines.push(`- \t${label}nil,`);
    if (after[f] !== undefined) lines.push(`+ \t${label}${cmpValue(after[f])},`);
    else lines.push(`+ \t${label}nil,`);
  }
  flush();
  lines.push('  }');
  return `${lines.join('\n')}\n`;
}

/** core.PodSpec fields in Go order (JSON names). */
export const PODSPEC_FIELDS = [
  'volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds',
  'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'automountServiceAccountToken', 'nodeName',
  'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'setHostnameAsFQDN', 'affinity', 'schedulerName',
  'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'preemptionPolicy', 'dnsConfig', 'readinessGates',
  'runtimeClassName', 'overhead', 'enableServiceLinks', 'topologySpreadConstraints', 'os', 'schedulingGates',
  'resourceClaims', 'resources', 'hostUsers',
];

/** core.PersistentVolumeClaimSpec fields in Go order. */
export const PVCSPEC_FIELDS = [
  'accessModes', 'selector', 'resources', 'volumeName', 'storageClassName', 'volumeMode', 'dataSource', 'dataSourceRef',
  'volumeAttributesClassName',
];
