/**
 * The serviceaccounts controller: every active namespace has a `default` ServiceAccount, recreated
 * if deleted.
 */
import type { ServiceAccount } from '../api/types/index.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { ObjectStore } from '../api/store.ts';
import type { Controller, WatchSpec } from './runtime.ts';

export class ServiceAccountController implements Controller {
  readonly name = 'serviceaccount-controller';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
  ) {}

  watches(): WatchSpec[] {
    return [
      { kind: 'Namespace', keys: (e) => (e.type === 'DELETED' ? [] : [e.object.metadata.name]) },
      {
        kind: 'ServiceAccount',
        keys: (e) => (e.type === 'DELETED' && e.object.metadata.name === 'default' ? [e.object.metadata.namespace ?? ''] : []),
      },
    ];
  }

  reconcile(namespace: string): void {
    const ns = this.store.get('Namespace', '', namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    if (this.store.get('ServiceAccount', namespace, 'default')) return;
    const sa: ServiceAccount = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } };
    this.api.create(sa);
  }
}
