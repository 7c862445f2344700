/**
 * Validation of the smaller core kinds: Namespace, Node, Secret, ConfigMap, ServiceAccount,
 * Endpoints, EndpointSlice and Event.
 *
 * Examples:
 *   metadata.name: Invalid value: "Team_A": a lowercase RFC 1123 label must consist of ...   (namespaces)
 *   data[.env]: ... / type: Invalid value: "Opaque": field is immutable                      (secrets)
 *   data: Forbidden: field is immutable when `immutable` is set                               (immutable ConfigMaps, Secrets)
 */
import type { FieldError } from '../../apiserver/errors.ts';
import type { ConfigMap, EndpointSlice, Endpoints, KubeEvent, KubeObject, Namespace, Node, Secret, ServiceAccount } from '../../api/types/index.ts';
import { duplicate, forbidden, invalid, notSupported, Path, required, tooLong } from '../util/field-path.ts';
import { goLiteral, goStruct } from '../util/go-format.ts';
import { CIDR_ERROR, IP_ERROR, isConfigMapKey, isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidCidr, isValidIp, isValidLabelValue, isValidPortNum, nameIsDnsLabel, nameIsDnsSubdomain } from '../util/names.ts';
import { semanticEqual } from '../util/semantic.ts';
import { validateLabelName, validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';

function meta(obj: KubeObject, old: KubeObject | undefined, namespaced: boolean, nameFn = nameIsDnsSubdomain): FieldError[] {
  return [...(old ? validateObjectMetaUpdate(obj.metadata, old.metadata) : []), ...validateObjectMeta(obj.metadata, namespaced, nameFn)];
}

export function validateNamespace(ns: Namespace, old?: Namespace): FieldError[] {
  if (old) return validateObjectMetaUpdate(ns.metadata, old.metadata);
  const errs = validateObjectMeta(ns.metadata, false, nameIsDnsLabel);
  for (const f of ns.spec?.finalizers ?? []) {
    for (const m of isQualifiedName(f)) errs.push(invalid(Path.root('spec', 'finalizers'), f, m));
    if (!f.includes('/') && f !== 'kubernetes') errs.push(invalid(Path.root('spec', 'finalizers'), f, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateNode(node: Node, old?: Node): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(node.metadata, old.metadata) : validateObjectMeta(node.metadata, false, nameIsDnsSubdomain);
  // The API reports taint errors under metadata.taints (a path quirk kept from upstream).
  const tp = Path.root('metadata', 'taints');
  const unique = new Map<string, Set<string>>();
  (node.spec?.taints ?? []).forEach((t, i) => {
    const p = tp.index(i);
    errs.push(...validateLabelName(t.key ?? '', p.child('key')));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length) errs.push(invalid(p.child('value'), t.value ?? '', msgs.join(';')));
    if (!t.effect) errs.push(required(p.child('effect')));
    else if (!TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(p.child('effect'), t.effect, TAINT_EFFECTS));
    const keys = unique.get(t.effect) ?? new Set<string>();
    if (keys.has(t.key)) {
      const e = duplicate(p, goLiteral(goStruct('core.Taint', t)));
      errs.push({ ...e, message: `${e.message}: taints must be unique by key and effect pair` });
      return;
    }
    keys.add(t.key);
    unique.set(t.effect, keys);
  });
  (node.spec?.podCIDRs ?? []).forEach((c, i) => {
    if (!isValidCidr(c)) errs.push(invalid(Path.root('spec', 'podCIDRs').index(i), c, CIDR_ERROR));
  });
  if (old) {
    const prev = old.spec?.podCIDRs ?? [];
    const next = node.spec?.podCIDRs ?? [];
    if (prev.length > 0 && (prev.length !== next.length || prev.some((c, i) => c !== next[i]))) {
      errs.push(forbidden(Path.root('spec', 'podCIDRs'), 'node updates may not change podCIDR except from "" to valid'));
    }
    if (old.spec?.providerID && old.spec.providerID !== node.spec?.providerID) {
      errs.push(forbidden(Path.root('spec', 'providerID'), 'node updates may not change providerID except from "" to valid'));
    }
  }
  return errs;
}

const MAX_SECRET_SIZE = 1024 * 1024;

export function validateSecret(secret: Secret, old?: Secret): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(secret.metadata, old.metadata) : [];
  const data = Path.root('data');
  if (old) {
    if ((secret.type ?? '') !== (old.type ?? '')) errs.push(invalid(Path.root('type'), secret.type ?? '', 'field is immutable'));
    if (old.immutable) {
      if (!secret.immutable) errs.push(forbidden(Path.root('immutable'), 'field is immutable when `immutable` is set'));
      if (!semanticEqual(secret.data ?? {}, old.data ?? {})) errs.push(forbidden(data, 'field is immutable when `immutable` is set'));
    }
  }
  errs.push(...validateObjectMeta(secret.metadata, true, nameIsDnsSubdomain));
  let size = 0;
  for (const [k, v] of Object.entries(secret.data ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(data.key(k), k, m));
    size += Buffer.from(v, 'base64').length;
  }
  if (size > MAX_SECRET_SIZE) errs.push(tooLong(data, MAX_SECRET_SIZE));
  const has = (k: string) => secret.data !== undefined && k in secret.data;
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required(Path.root('metadata', 'annotations').key('kubernetes.io/service-account.name')));
      }
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = secret.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (!has(key)) errs.push(required(data.key(key)));
      else {
        try {
          const parsed = JSON.parse(Buffer.from(secret.data![key], 'base64').toString('utf8'));
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        } catch {
          errs.push(invalid(data.key(key), '<secret contents redacted>', 'invalid character looking for beginning of value'));
        }
      }
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) errs.push(required(data.key('username')), required(data.key('password')));
      break;
    case 'kubernetes.io/ssh-auth':
      if (!secret.data?.['ssh-privatekey']) errs.push(required(data.key('ssh-privatekey')));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required(data.key('tls.crt')));
      if (!has('tls.key')) errs.push(required(data.key('tls.key')));
      break;
  }
  return errs;
}

export function validateConfigMap(cm: ConfigMap, old?: ConfigMap): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(cm.metadata, old.metadata) : [];
  if (old?.immutable) {
    if (!cm.immutable) errs.push(forbidden(Path.root('immutable'), 'field is immutable when `immutable` is set'));
    if (!semanticEqual(cm.data ?? {}, old.data ?? {})) errs.push(forbidden(Path.root('data'), 'field is immutable when `immutable` is set'));
    if (!semanticEqual(cm.binaryData ?? {}, old.binaryData ?? {})) errs.push(forbidden(Path.root('binaryData'), 'field is immutable when `immutable` is set'));
  }
  errs.push(...validateObjectMeta(cm.metadata, true, nameIsDnsSubdomain));
  let size = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(Path.root('data').key(k), k, m));
    if (cm.binaryData && k in cm.binaryData) errs.push(invalid(Path.root('data').key(k), k, 'duplicate of key present in binaryData'));
    size += v.length;
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(Path.root('binaryData').key(k), k, m));
    size += Buffer.from(v, 'base64').length;
  }
  if (size > MAX_SECRET_SIZE) errs.push(tooLong(Path.root(''), MAX_SECRET_SIZE));
  return errs;
}

export function validateServiceAccount(sa: ServiceAccount, old?: ServiceAccount): FieldError[] {
  return meta(sa, old, true);
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateIp(ip: string, path: Path): FieldError[] {
  if (!isValidIp(ip)) return [invalid(path, ip, IP_ERROR)];
  if (ip === '0.0.0.0' || ip === '::') return [invalid(path, ip, `may not be unspecified (${ip})`)];
  if (ip.startsWith('127.') || ip === '::1') return [invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)')];
  if (ip.startsWith('169.254.')) return [invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)')];
  return [];
}

export function validateEndpoints(ep: Endpoints, old?: Endpoints): FieldError[] {
  const errs = meta(ep, old, true);
  (ep.subsets ?? []).forEach((ss, i) => {
    const p = Path.root('subsets').index(i);
    if ((ss.addresses ?? []).length === 0 && (ss.notReadyAddresses ?? []).length === 0) {
      errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    }
    for (const field of ['addresses', 'notReadyAddresses'] as const) {
      (ss[field] ?? []).forEach((a, j) => {
        const ap = p.child(field).index(j);
        errs.push(...validateIp(a.ip ?? '', ap.child('ip')));
        if (a.hostname) for (const m of isDns1123Label(a.hostname)) errs.push(invalid(ap.child('hostname'), a.hostname, m));
        if (a.nodeName) for (const m of isDns1123Subdomain(a.nodeName)) errs.push(invalid(ap.child('nodeName'), a.nodeName, m));
      });
    }
    const ports = ss.ports ?? [];
    ports.forEach((port, j) => {
      const pp = p.child('ports').index(j);
      if (ports.length > 1 && !port.name) errs.push(required(pp.child('name')));
      else if (port.name) for (const m of isDns1123Label(port.name)) errs.push(invalid(pp.child('name'), port.name, m));
      for (const m of isValidPortNum(port.port ?? 0)) errs.push(invalid(pp.child('port'), port.port ?? 0, m));
      if (!port.protocol) errs.push(required(pp.child('protocol')));
      else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(pp.child('protocol'), port.protocol, PROTOCOLS));
    });
  });
  return errs;
}

export function validateEndpointSlice(es: EndpointSlice, old?: EndpointSlice): FieldError[] {
  const errs = meta(es, old, true);
  const types = ['FQDN', 'IPv4', 'IPv6'];
  if (!es.addressType) errs.push(required(Path.root('addressType')));
  else if (!types.includes(es.addressType)) errs.push(notSupported(Path.root('addressType'), es.addressType, types));
  (es.endpoints ?? []).forEach((e, i) => {
    const p = Path.root('endpoints').index(i);
    const addrs = e.addresses ?? [];
    if (addrs.length === 0) errs.push(required(p.child('addresses'), 'must contain at least 1 address'));
    else if (addrs.length > 100) errs.push(invalid(p.child('addresses'), addrs.length, 'must contain at most 100 addresses'));
    addrs.forEach((a, j) => {
      const ap = p.child('addresses').index(j);
      if (es.addressType === 'IPv4' && !/^\d+\.\d+\.\d+\.\d+$/.test(a)) errs.push(invalid(ap, a, 'must be a valid IPv4 address'));
      if (es.addressType === 'IPv6' && !(isValidIp(a) && a.includes(':'))) errs.push(invalid(ap, a, 'must be a valid IPv6 address'));
    });
    if (e.hostname) for (const m of isDns1123Label(e.hostname)) errs.push(invalid(p.child('hostname'), e.hostname, m));
    if (e.nodeName) for (const m of nameIsDnsSubdomain(e.nodeName, false)) errs.push(invalid(p.child('nodeName'), e.nodeName, m));
  });
  (es.ports ?? []).forEach((port, i) => {
    const pp = Path.root('ports').index(i);
    if (port.name) for (const m of isDns1123Label(port.name)) errs.push(invalid(pp.child('name'), port.name, m));
    if (port.protocol && !PROTOCOLS.includes(port.protocol)) errs.push(notSupported(pp.child('protocol'), port.protocol, PROTOCOLS));
    if (port.port !== undefined) for (const m of isValidPortNum(port.port)) errs.push(invalid(pp.child('port'), port.port, m));
  });
  return errs;
}

/** Events (core/v1, legacy form): the namespace must agree with the involved object's. */
export function validateEvent(ev: KubeEvent, old?: KubeEvent): FieldError[] {
  const errs = meta(ev, old, true);
  const involvedNs = ev.involvedObject?.namespace ?? '';
  const ns = ev.metadata.namespace ?? '';
  const p = Path.root('involvedObject', 'namespace');
  if (!ev.eventTime) {
    if (!involvedNs) {
      if (ns !== '' && ns !== 'default') errs.push(invalid(p, involvedNs, 'does not match event.namespace'));
    } else if (ns !== involvedNs) errs.push(invalid(p, involvedNs, 'does not match event.namespace'));
  }
  return errs;
}
