/**
 * The namespace controller: a namespace marked for deletion (Terminating) has everything in it
 * deleted; once nothing is left, its `kubernetes` finalizer is removed and it goes.
 */
import { KINDS } from '../api/kinds.ts';
import { clone } from '../api/object-util.ts';
import type { ObjectStore } from '../api/store.ts';
import type { Namespace } from '../api/types/index.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { Controller, WatchSpec } from './runtime.ts';

const NAMESPACED = KINDS.filter((k) => k.namespaced).map((k) => k.kind);

export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';

  constructor(
    private store: ObjectStore,
    private api: ApiServer,
  ) {}

  watches(): WatchSpec[] {
    return [
      { kind: 'Namespace', keys: (e) => (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp ? [e.object.metadata.name] : []) },
      {
        kind: '*',
        keys: (e) => {
          const ns = e.object.metadata.namespace;
          if (e.type !== 'DELETED' || !ns) return [];
          return this.store.get('Namespace', '', ns)?.metadata.deletionTimestamp ? [ns] : [];
        },
      },
    ];
  }

  reconcile(name: string): void {
    const ns = this.store.get<Namespace>('Namespace', '', name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const kind of NAMESPACED) {
      for (const obj of this.store.unsortedList(kind, { namespace: name })) {
        remaining++;
        if (obj.metadata.deletionTimestamp) continue;
        try {
          this.api.delete(kind, name, obj.metadata.name, { propagationPolicy: 'Background' });
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
        }
      }
    }
    if (remaining > 0 && NAMESPACED.some((k) => this.store.count(k, name) > 0)) return;
    const copy = clone(ns);
    copy.spec = { ...(copy.spec ?? {}), finalizers: [] };
    this.api.update(copy);
  }
}
