/**
 * ValidatePodSpec: the checks shared by Pods and pod templates, in the API's order (volumes,
 * containers, restart and DNS policies, node selector, affinity, tolerations, names...).
 *
 * Examples:
 *   spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"
 *   spec.tolerations[0].operator: Invalid value: "x": value must be empty when `operator` is 'Exists'
 *   spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive
 */
import type { FieldError } from '../../apiserver/errors.ts';
import type { NodeSelectorTerm, PodSpec, Toleration } from '../../api/types/index.ts';
import { duplicate, forbidden, invalid, notSupported, type Path, required } from '../util/field-path.ts';
import { goLiteral, goStringSlice } from '../util/go-format.ts';
import { inclusiveRangeError, IP_ERROR, isDns1123Label, isDns1123Subdomain, isValidIp, isValidLabelValue, nameIsDnsSubdomain } from '../util/names.ts';
import { validateContainers, validateInitContainers } from './containers.ts';
import { validateLabelName, validateLabels, validateLabelSelector } from './meta.ts';
import { validateVolumes } from './volumes.ts';

type Spec = PodSpec & Record<string, any>;

const MAX_INT32 = 2147483647;
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTolerations(tolerations: Toleration[] | undefined, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = path.index(i);
    if (t.key) errs.push(...validateLabelName(t.key, p.child('key')));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(invalid(p.child('operator'), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(invalid(p.child('effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (t.operator ?? '') {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length) errs.push(invalid(p.child('operator'), t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value) errs.push(invalid(p.child('operator'), t.value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(p.child('operator'), t.operator ?? '', ['Equal', 'Exists']));
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(p.child('effect'), t.effect, TAINT_EFFECTS));
  });
  return errs;
}

function validateNodeSelectorTerm(term: NodeSelectorTerm, allowInvalidValues: boolean, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((r, j) => {
    const p = path.child('matchExpressions').index(j);
    const values = r.values ?? [];
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      case 'Gt':
      case 'Lt':
        if (values.length !== 1) errs.push(required(p.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
        break;
      default:
        errs.push(invalid(p.child('operator'), r.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(r.key ?? '', p.child('key')));
    if (!allowInvalidValues) values.forEach((v, k) => isValidLabelValue(v).forEach((m) => errs.push(invalid(p.child('values').index(k), v, m))));
  });
  (term.matchFields ?? []).forEach((r, j) => {
    const p = path.child('matchFields').index(j);
    if (r.operator === 'In' || r.operator === 'NotIn') {
      if ((r.values ?? []).length !== 1) errs.push(required(p.child('values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
    } else errs.push(invalid(p.child('operator'), r.operator, 'not a valid selector operator'));
    if (r.key !== 'metadata.name') errs.push(invalid(p.child('key'), r.key, 'not a valid field selector key'));
    else (r.values ?? []).forEach((v, k) => nameIsDnsSubdomain(v, false).forEach((m) => errs.push(invalid(p.child('values').index(k), v, m))));
  });
  return errs;
}

export function validateNodeSelector(sel: { nodeSelectorTerms?: NodeSelectorTerm[] }, path: Path): FieldError[] {
  const terms = sel.nodeSelectorTerms ?? [];
  if (terms.length === 0) return [required(path.child('nodeSelectorTerms'), 'must have at least one node selector term')];
  return terms.flatMap((t, i) => validateNodeSelectorTerm(t, false, path.child('nodeSelectorTerms').index(i)));
}

function validatePodAffinityTerm(term: Record<string, any>, path: Path): FieldError[] {
  const errs = [...validateLabelSelector(term.labelSelector, path.child('labelSelector')), ...validateLabelSelector(term.namespaceSelector, path.child('namespaceSelector'))];
  for (const ns of (term.namespaces ?? []) as string[]) for (const m of isDns1123Label(ns)) errs.push(invalid(path.child('namespace'), ns, m));
  if (!term.topologyKey) errs.push(required(path.child('topologyKey'), 'can not be empty'));
  errs.push(...validateLabelName(term.topologyKey ?? '', path.child('topologyKey')));
  return errs;
}

function validateAffinity(affinity: Record<string, any> | undefined, path: Path): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na) {
    const np = path.child('nodeAffinity');
    if (na.requiredDuringSchedulingIgnoredDuringExecution) {
      errs.push(...validateNodeSelector(na.requiredDuringSchedulingIgnoredDuringExecution, np.child('requiredDuringSchedulingIgnoredDuringExecution')));
    }
    ((na.preferredDuringSchedulingIgnoredDuringExecution ?? []) as Record<string, any>[]).forEach((t, i) => {
      const p = np.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
      if (!(t.weight > 0 && t.weight <= 100)) errs.push(invalid(p.child('weight'), t.weight ?? 0, 'must be in the range 1-100'));
      errs.push(...validateNodeSelectorTerm(t.preference ?? {}, true, p.child('preference')));
    });
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const pa = affinity[kind];
    if (!pa) continue;
    const kp = path.child(kind);
    ((pa.requiredDuringSchedulingIgnoredDuringExecution ?? []) as Record<string, any>[]).forEach((t, i) =>
      errs.push(...validatePodAffinityTerm(t, kp.child('requiredDuringSchedulingIgnoredDuringExecution').index(i))),
    );
    ((pa.preferredDuringSchedulingIgnoredDuringExecution ?? []) as Record<string, any>[]).forEach((t, i) => {
      const p = kp.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
      if (!(t.weight > 0 && t.weight <= 100)) errs.push(invalid(p.child('weight'), t.weight ?? 0, 'must be in the range 1-100'));
      errs.push(...validatePodAffinityTerm(t.podAffinityTerm ?? {}, p.child('podAffinityTerm')));
    });
  }
  return errs;
}

function validateTopologySpread(constraints: Record<string, any>[] | undefined, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  const list = constraints ?? [];
  list.forEach((c, i) => {
    const p = path.index(i);
    if (!(c.maxSkew > 0)) errs.push(invalid(p.child('maxSkew'), c.maxSkew ?? 0, 'must be greater than zero'));
    if (!c.topologyKey) errs.push(required(p.child('topologyKey'), 'can not be empty'));
    if (!['DoNotSchedule', 'ScheduleAnyway'].includes(c.whenUnsatisfiable)) {
      errs.push(notSupported(p.child('whenUnsatisfiable'), c.whenUnsatisfiable ?? '', ['DoNotSchedule', 'ScheduleAnyway']));
    }
    if (list.slice(i + 1).some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable)) {
      errs.push(duplicate(p.child('{topologyKey, whenUnsatisfiable}'), `{${c.topologyKey}, ${c.whenUnsatisfiable}}`));
    }
    if (c.minDomains !== undefined) {
      if (!(c.minDomains > 0)) errs.push(invalid(p.child('minDomains'), c.minDomains, 'must be greater than zero'));
      if (c.whenUnsatisfiable !== 'DoNotSchedule') {
        errs.push(invalid(p.child('minDomains'), c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${c.whenUnsatisfiable}`));
      }
    }
    for (const f of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      if (c[f] !== undefined && !['Honor', 'Ignore'].includes(c[f])) errs.push(notSupported(p.child(f), c[f], ['Honor', 'Ignore']));
    }
    errs.push(...validateLabelSelector(c.labelSelector, p.child('labelSelector')));
  });
  return errs;
}

function validateDnsConfig(spec: Spec, path: Path): FieldError[] {
  const cfg = spec.dnsConfig as { nameservers?: string[]; searches?: string[]; options?: { name?: string }[] } | undefined;
  if (spec.dnsPolicy === 'None') {
    if (!cfg) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if ((cfg.nameservers ?? []).length === 0) return [required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  const ns = cfg.nameservers ?? [];
  if (ns.length > 3) errs.push(invalid(path.child('nameservers'), goLiteral(goStringSlice(ns)), 'must not have more than 3 nameservers'));
  ns.forEach((ip, i) => {
    if (!isValidIp(ip)) errs.push(invalid(path.child('nameservers').index(i), ip, IP_ERROR));
  });
  (cfg.searches ?? []).forEach((s, i) => {
    const trimmed = s.endsWith('.') ? s.slice(0, -1) : s;
    for (const m of isDns1123Subdomain(trimmed)) errs.push(invalid(path.child('searches').index(i), trimmed, m));
  });
  (cfg.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(path.child('options').index(i), 'must not be empty'));
  });
  return errs;
}

/** ValidatePodSpec. */
export function validatePodSpec(spec: Spec, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined) errs.push(required(path.child('terminationGracePeriodSeconds')));
  const vols = validateVolumes(spec.volumes as Record<string, unknown>[] | undefined, path.child('volumes'));
  errs.push(...vols.errors);
  const ctx = { volumes: vols.names, grace: spec.terminationGracePeriodSeconds };
  errs.push(...validateContainers(spec.containers, ctx, path.child('containers')));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, ctx, path.child('initContainers')));
  if (spec.hostNetwork) {
    (spec.containers ?? []).forEach((c, i) =>
      (c.ports ?? []).forEach((p, j) => {
        if (p.hostPort && p.hostPort !== p.containerPort) {
          errs.push(invalid(path.child('containers').index(i).child('ports').index(j).child('hostPort'), p.hostPort, 'must match `containerPort` when `hostNetwork` is true'));
        }
      }),
    );
  }
  const rp = spec.restartPolicy ?? '';
  if (!rp) errs.push(required(path.child('restartPolicy')));
  else if (!RESTART_POLICIES.includes(rp)) errs.push(notSupported(path.child('restartPolicy'), rp, RESTART_POLICIES));
  const dns = spec.dnsPolicy ?? '';
  if (!dns) errs.push(required(path.child('dnsPolicy')));
  else if (!DNS_POLICIES.includes(dns)) errs.push(notSupported(path.child('dnsPolicy'), dns, DNS_POLICIES));
  errs.push(...validateLabels(spec.nodeSelector, path.child('nodeSelector')));
  errs.push(...validateAffinity(spec.affinity as Record<string, any> | undefined, path.child('affinity')));
  errs.push(...validateDnsConfig(spec, path.child('dnsConfig')));
  (spec.readinessGates ?? []).forEach((g, i) => errs.push(...validateLabelName(g.conditionType ?? '', path.child('readinessGates').index(i).child('conditionType'))));
  const gates = new Set<string>();
  (spec.schedulingGates ?? []).forEach((g, i) => {
    errs.push(...validateLabelName(g.name ?? '', path.child('schedulingGates').index(i)));
    if (gates.has(g.name)) errs.push(duplicate(path.child('schedulingGates').index(i), g.name));
    gates.add(g.name);
  });
  errs.push(...validateTopologySpread(spec.topologySpreadConstraints as Record<string, any>[] | undefined, path.child('topologySpreadConstraints')));
  if (spec.serviceAccountName) for (const m of nameIsDnsSubdomain(spec.serviceAccountName, false)) errs.push(invalid(path.child('serviceAccountName'), spec.serviceAccountName, m));
  if (spec.nodeName) for (const m of nameIsDnsSubdomain(spec.nodeName, false)) errs.push(invalid(path.child('nodeName'), spec.nodeName, m));
  const ads = spec.activeDeadlineSeconds;
  if (ads !== undefined && (ads < 1 || ads > MAX_INT32)) errs.push(invalid(path.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, MAX_INT32)));
  if (spec.hostname) for (const m of isDns1123Label(spec.hostname)) errs.push(invalid(path.child('hostname'), spec.hostname, m));
  if (spec.subdomain) for (const m of isDns1123Label(spec.subdomain)) errs.push(invalid(path.child('subdomain'), spec.subdomain, m));
  errs.push(...validateTolerations(spec.tolerations, path.child('tolerations')));
  ((spec.hostAliases ?? []) as { ip?: string; hostnames?: string[] }[]).forEach((a, i) => {
    if (!isValidIp(a.ip ?? '')) errs.push(invalid(path.child('hostAliases').index(i).child('ip'), a.ip ?? '', IP_ERROR));
    (a.hostnames ?? []).forEach((h, j) => isDns1123Subdomain(h).forEach((m) => errs.push(invalid(path.child('hostAliases').index(i).child('hostnames').index(j), h, m))));
  });
  if (spec.priorityClassName) for (const m of nameIsDnsSubdomain(spec.priorityClassName, false)) errs.push(invalid(path.child('priorityClassName'), spec.priorityClassName, m));
  if (spec.preemptionPolicy !== undefined && !['PreemptLowerPriority', 'Never'].includes(spec.preemptionPolicy)) {
    errs.push(notSupported(path.child('preemptionPolicy'), spec.preemptionPolicy, ['PreemptLowerPriority', 'Never']));
  }
  const os = spec.os as { name?: string } | undefined;
  if (os) {
    if (!os.name) errs.push(required(path.child('os', 'name'), 'cannot be empty'));
    else if (!['linux', 'windows'].includes(os.name)) errs.push(notSupported(path.child('os'), os.name, ['linux', 'windows']));
  }
  return errs;
}
