/**
 * Service validation (ValidateService, ValidateServiceUpdate): DNS-1035 names, ports, types,
 * cluster IPs, traffic policies; on update the cluster IPs may not change once set.
 *
 * Examples:
 *   metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', ...
 *   spec.ports: Required value
 *   spec.ports[0].name: Required value            (when a Service has more than one port)
 *   spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"
 *   spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set
 */
import type { FieldError } from '../../apiserver/errors.ts';
import type { Service } from '../../api/types/index.ts';
import { duplicate, forbidden, invalid, notSupported, Path, required } from '../util/field-path.ts';
import { goLiteral, goStringSlice } from '../util/go-format.ts';
import { IP_ERROR, isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidIp, isValidPortNum, nameIsDns1035Label } from '../util/names.ts';
import { validatePortNumOrName } from './containers.ts';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

type Spec = Service['spec'] & Record<string, any>;

const isHeadless = (s: Spec): boolean => (s.clusterIPs ?? []).length === 1 && s.clusterIPs![0] === 'None';

function validateClusterIPs(s: Spec, path: Path): FieldError[] {
  if (s.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips = s.clusterIPs ?? [];
  const ipsValue = goLiteral(goStringSlice(s.clusterIPs));
  if (s.clusterIP) {
    if (ips.length === 0) errs.push(required(path.child('clusterIPs')));
    else if (ips[0] !== s.clusterIP) errs.push(invalid(path.child('clusterIPs'), ipsValue, 'first value must match `clusterIP`'));
  } else if (ips.length > 0) errs.push(invalid(path.child('clusterIPs'), ipsValue, 'must be empty when `clusterIP` is not specified'));
  const seen = new Set<string>();
  (s.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(path.child('ipFamilies').index(i), f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicate(path.child('ipFamilies').index(i), f));
    seen.add(f);
  });
  const policy = s.ipFamilyPolicy;
  if (policy !== undefined && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(policy)) {
    errs.push(notSupported(path.child('ipFamilyPolicy'), policy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(invalid(path.child('clusterIPs'), ipsValue, "'None' must be the first and only value"));
      return;
    }
    if (!isValidIp(ip)) errs.push(invalid(path.child('clusterIPs').index(i), ip, IP_ERROR));
  });
  if (ips.length > 2) errs.push(invalid(path.child('clusterIPs'), ipsValue, 'may only hold up to 2 values'));
  return errs;
}

export function validateService(svc: Service, old?: Service): FieldError[] {
  const s = svc.spec as Spec;
  const sp = Path.root('spec');
  const errs = old ? validateObjectMetaUpdate(svc.metadata, old.metadata) : [];
  if (old) errs.push(...validateClusterIPUpdate(svc, old));
  errs.push(...validateObjectMeta(svc.metadata, true, nameIsDns1035Label));
  const headless = isHeadless(s);
  const ports = s.ports ?? [];
  if (ports.length === 0 && !headless && s.type !== 'ExternalName') errs.push(required(sp.child('ports')));
  if (s.type === 'LoadBalancer' && headless) errs.push(invalid(sp.child('clusterIPs').index(0), 'None', "may not be set to 'None' for LoadBalancer services"));
  if (s.type === 'NodePort' && headless) errs.push(invalid(sp.child('clusterIPs').index(0), 'None', "may not be set to 'None' for NodePort services"));
  if (s.type === 'ExternalName') {
    if ((s.clusterIPs ?? []).length > 0) errs.push(forbidden(sp.child('clusterIPs'), 'may not be set for ExternalName services'));
    if ((s.ipFamilies ?? []).length > 0) errs.push(forbidden(sp.child('ipFamilies'), 'may not be set for ExternalName services'));
    if (s.ipFamilyPolicy !== undefined) errs.push(forbidden(sp.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
    const cname = (s.externalName ?? '').replace(/\.$/, '');
    if (cname) for (const m of isDns1123Subdomain(cname)) errs.push(invalid(sp.child('externalName'), cname, m));
    else errs.push(required(sp.child('externalName')));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const pp = sp.child('ports').index(i);
    if (ports.length > 1 && !p.name) errs.push(required(pp.child('name')));
    else if (p.name) {
      for (const m of isDns1123Label(p.name)) errs.push(invalid(pp.child('name'), p.name, m));
      if (names.has(p.name)) errs.push(duplicate(pp.child('name'), p.name));
      else names.add(p.name);
    }
    for (const m of isValidPortNum(p.port ?? 0)) errs.push(invalid(pp.child('port'), p.port ?? 0, m));
    if (!p.protocol) errs.push(required(pp.child('protocol')));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(pp.child('protocol'), p.protocol, PROTOCOLS));
    errs.push(...validatePortNumOrName(p.targetPort ?? 0, pp.child('targetPort')));
    if (p.appProtocol) for (const m of isQualifiedName(p.appProtocol)) errs.push(invalid(pp.child('appProtocol'), p.appProtocol, m));
  });
  if (s.selector) errs.push(...validateLabels(s.selector, sp.child('selector')));
  const affinity = s.sessionAffinity ?? '';
  if (!affinity) errs.push(required(sp.child('sessionAffinity')));
  else if (affinity !== 'ClientIP' && affinity !== 'None') errs.push(notSupported(sp.child('sessionAffinity'), affinity, ['ClientIP', 'None']));
  errs.push(...validateClusterIPs(s, sp));
  (s.externalIPs ?? []).forEach((ip, i) => {
    if (!isValidIp(ip)) errs.push(invalid(sp.child('externalIPs').index(i), ip, IP_ERROR));
  });
  if (!s.type) errs.push(required(sp.child('type')));
  else if (!TYPES.includes(s.type)) errs.push(notSupported(sp.child('type'), s.type, TYPES));
  if (s.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(sp.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    if (p.nodePort) {
      const key = `${p.protocol}/${p.nodePort}`;
      if (nodePorts.has(key)) errs.push(duplicate(sp.child('ports').index(i).child('nodePort'), p.nodePort));
      nodePorts.add(key);
    }
    const key = `${p.protocol}/${p.port}`;
    if (portKeys.has(key)) errs.push(duplicate(sp.child('ports').index(i), goLiteral(`core.ServicePort{Name:"", Protocol:"${p.protocol}", AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`)));
    portKeys.add(key);
  });
  if (s.allocateLoadBalancerNodePorts !== undefined && s.type !== 'LoadBalancer') {
    errs.push(forbidden(sp.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  }
  const external = s.type === 'NodePort' || s.type === 'LoadBalancer' || (s.externalIPs ?? []).length > 0;
  if (!external) {
    if (s.externalTrafficPolicy) errs.push(invalid(sp.child('externalTrafficPolicy'), s.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!s.externalTrafficPolicy) errs.push(required(sp.child('externalTrafficPolicy')));
  else if (!['Cluster', 'Local'].includes(s.externalTrafficPolicy)) errs.push(notSupported(sp.child('externalTrafficPolicy'), s.externalTrafficPolicy, ['Cluster', 'Local']));
  const itp = s.internalTrafficPolicy;
  if (itp === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(s.type ?? '')) errs.push(required(sp.child('internalTrafficPolicy')));
  if (itp !== undefined && !['Cluster', 'Local'].includes(itp)) errs.push(notSupported(sp.child('internalTrafficPolicy'), itp, ['Cluster', 'Local']));
  return errs;
}

/** validateUpgradeDowngradeClusterIPs: a primary cluster IP may not change once set. */
function validateClusterIPUpdate(svc: Service, old: Service): FieldError[] {
  const s = svc.spec;
  const o = old.spec;
  if (s.type === 'ExternalName' || o.type === 'ExternalName') return [];
  if (isHeadless(s as Spec) && isHeadless(o as Spec)) return [];
  const next = s.clusterIPs ?? [];
  const prev = o.clusterIPs ?? [];
  const value = goLiteral(goStringSlice(s.clusterIPs));
  const path = Path.root('spec', 'clusterIPs');
  const errs: FieldError[] = [];
  if (next.length === prev.length) {
    prev.forEach((ip, i) => {
      if (ip !== next[i]) errs.push(invalid(path.index(i), value, 'may not change once set'));
    });
  } else if (prev.length > next.length) {
    if (next.length === 0) errs.push(invalid(path.index(0), value, 'primary clusterIP can not be unset'));
    else if (next[0] !== prev[0]) errs.push(invalid(path.index(0), value, 'may not change once set'));
  } else if (prev.length > 0 && next[0] !== prev[0]) errs.push(invalid(path.index(0), value, 'may not change once set'));
  return errs;
}
