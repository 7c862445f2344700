/**
 * The printers over a real default cluster (new Cluster()): what `kubectl get nodes`,
 * `get namespaces`, `get svc -A` and `get sc` show: the cluster was set up two hours before its
 * start (WARMUP_MS), and 90 s have passed since.
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
      'NAME      STATUS   ROLES           AGE    VERSION',
      'master    Ready    control-plane   121m   v1.32.2',
      'worker1   Ready    worker          121m   v1.32.2',
      'worker2   Ready    worker          121m   v1.32.2',
      '',
    ].join('\n'),
  );
  assert.equal(
    get(cluster, 'Namespace'),
    ['NAME              STATUS   AGE', 'default           Active   121m', 'kube-node-lease   Active   121m', 'kube-public       Active   121m', 'kube-system       Active   121m', ''].join('\n'),
  );
  const svc = get(cluster, 'Service', { withNamespace: true });
  assert.match(svc, /^NAMESPACE +NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\n/);
  assert.match(svc, /\ndefault +kubernetes +ClusterIP +10\.96\.0\.1 +<none> +443\/TCP +121m\n/);
  assert.match(svc, /\nkube-system +kube-dns +ClusterIP +10\.96\.0\.10 +<none> +53\/UDP,53\/TCP,9153\/TCP +121m\n/);
  assert.match(get(cluster, 'StorageClass'), /\nstandard \(default\) +rancher\.io\/local-path +Delete +WaitForFirstConsumer +false +121m\n$/);
});
