/**
 * The printers over a real default cluster (new Cluster()): what `kubectl get nodes`,
 * `get namespaces`, `get svc -A` and `get sc` show right after bootstrap and a minute later.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../src/cluster/cluster.ts';
import { formatTable, printRows, type RowOptions } from '../../src/printers/index.ts';

function get(cluster: Cluster, kind: string, opts: RowOptions = {}): string {
  const { headers, rows } = printRows(kind, cluster.store.list(kind), { now: cluster.now(), store: cluster.store }, opts);
  return formatTable(headers, rows);
}

test('kubectl get nodes / namespaces / svc -A / sc on the default cluster', () => {
  const cluster = new Cluster();
  cluster.advanceBy(90_000);
  assert.equal(
    get(cluster, 'Node'),
    [
      'NAME      STATUS   ROLES           AGE   VERSION',
      'master    Ready    control-plane   90s   v1.32.2',
      'worker1   Ready    worker          90s   v1.32.2',
      'worker2   Ready    worker          90s   v1.32.2',
      '',
    ].join('\n'),
  );
  assert.equal(
    get(cluster, 'Namespace'),
    ['NAME              STATUS   AGE', 'default           Active   90s', 'kube-node-lease   Active   90s', 'kube-public       Active   90s', 'kube-system       Active   90s', ''].join('\n'),
  );
  const svc = get(cluster, 'Service', { withNamespace: true });
  assert.match(svc, /^NAMESPACE +NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\n/);
  assert.match(svc, /\ndefault +kubernetes +ClusterIP +10\.96\.0\.1 +<none> +443\/TCP +90s\n/);
  assert.match(get(cluster, 'StorageClass'), /\nstandard \(default\) +rancher\.io\/local-path +Delete +WaitForFirstConsumer +false +90s\n$/);
});
