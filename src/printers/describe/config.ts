/**
 * `kubectl describe` for namespaces, secrets (data sizes only, keys sorted), configmaps (values
 * printed) and service accounts.
 */
import type { ConfigMap, KubeObject, Namespace, Secret, ServiceAccount } from '../../api/types/index.ts';
import type { PrintContext } from '../types.ts';
import { describeEvents, eventsFor } from './events.ts';
import { rfc1123z } from './format.ts';
import { cmp, printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer.ts';

function header(w: DescribeWriter, obj: KubeObject): void {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
}

/** kubesim has no ResourceQuota or LimitRange kinds, so a namespace never lists any. */
export function describeNamespace(ns: Namespace): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conditions = ns.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  w.write(LEVEL_0, '\n');
  w.write(LEVEL_0, 'No resource quota.\n');
  w.write(LEVEL_0, '\n');
  w.write(LEVEL_0, 'No LimitRange resource.\n');
  return w.toString();
}

/** Decoded length of base64 data, as `len([]byte)` after the API decodes it. */
function decodedLength(b64: string): number {
  return Buffer.from(b64, 'base64').length;
}

export function describeSecret(secret: Secret): string {
  const w = new DescribeWriter();
  header(w, secret);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  const data = secret.data ?? {};
  for (const k of Object.keys(data).sort(cmp)) {
    if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${Buffer.from(data[k], 'base64').toString()}\n`);
    else w.write(LEVEL_0, `${k}:\t${decodedLength(data[k])} bytes\n`);
  }
  return w.toString();
}

export function describeConfigMap(cm: ConfigMap, ctx: PrintContext): string {
  const w = new DescribeWriter();
  header(w, cm);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort(cmp)) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data![k]}\n`);
    w.write(LEVEL_0, '\n');
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort(cmp)) w.write(LEVEL_0, `${k}: ${decodedLength(cm.binaryData![k])} bytes\n`);
  w.write(LEVEL_0, '\n');
  describeEvents(w, eventsFor(cm, ctx), ctx);
  return w.toString();
}

export function describeServiceAccount(sa: ServiceAccount, ctx: PrintContext): string {
  const w = new DescribeWriter();
  header(w, sa);
  const secrets = ctx.store.list<Secret>('Secret', { namespace: sa.metadata.namespace });
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets
    .filter((s) => s.type === 'kubernetes.io/service-account-token')
    .filter((s) => s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name && s.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid)
    .map((s) => s.metadata.name);
  const missing = new Set([...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])].map((s) => s.name).filter((n) => !existing.has(n)));
  const groups: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name)],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name)],
    ['Tokens:            ', tokens],
  ];
  for (const [title, names] of groups) {
    if (names.length === 0) {
      w.write(LEVEL_0, `${title}\t<none>\n`);
      continue;
    }
    let prefix = title;
    for (const name of names) {
      w.write(LEVEL_0, `${prefix}\t${name}${missing.has(name) ? ' (not found)' : ''}\n`);
      prefix = '                   ';
    }
  }
  describeEvents(w, eventsFor(sa, ctx), ctx);
  return w.toString();
}
