/**
 * The root-ca-cert-publisher: every namespace holds a `kube-root-ca.crt` ConfigMap with the
 * cluster's CA certificate (recreated if deleted), as `kubectl get configmaps` shows on a real cluster.
 */
import { createHash } from 'node:crypto';
import type { ObjectStore } from '../api/store.ts';
import type { ConfigMap } from '../api/types/index.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { Controller, WatchSpec } from './runtime.ts';

export const ROOT_CA_NAME = 'kube-root-ca.crt';

/** A PEM block with a body derived from the cluster seed (stable across runs). */
export function clusterCaPem(seed: string | number): string {
  let body = '';
  for (let i = 0; body.length < 1024; i++) body += createHash('sha256').update(`kubesim-ca/${seed}/${i}`).digest('base64');
  const lines = (`MIIDBTCCAe2gAwIBAgII` + body.slice(0, 1000)).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export class RootCaPublisher implements Controller {
  readonly name = 'root-ca-cert-publisher';
  private pem: string;

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
    seed: string | number,
  ) {
    this.pem = clusterCaPem(seed);
  }

  watches(): WatchSpec[] {
    return [
      { kind: 'Namespace', keys: (e) => (e.type === 'DELETED' ? [] : [e.object.metadata.name]) },
      { kind: 'ConfigMap', keys: (e) => (e.type === 'DELETED' && e.object.metadata.name === ROOT_CA_NAME ? [e.object.metadata.namespace ?? ''] : []) },
    ];
  }

  reconcile(namespace: string): void {
    const ns = this.store.get('Namespace', '', namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    if (this.store.get('ConfigMap', namespace, ROOT_CA_NAME)) return;
    const cm: ConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: ROOT_CA_NAME, namespace, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
      data: { 'ca.crt': this.pem },
    };
    this.api.create(cm);
  }
}
