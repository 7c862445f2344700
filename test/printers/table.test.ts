/**
 * kubectl get tables: Go's tabwriter rules, then whole tables with kubectl's decorations. The
 * expected tables are kubectl 1.32's own output for the same rows (served to the real binary as
 * server-side Tables by a stand-in API server), written out at the fixed instant NOW.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../src/api/types/index.ts';
import { DESCRIBE_TABWRITER, formatTable, labelColumnHeader, printRows, tabwrite, type RowOptions } from '../../src/printers/index.ts';
import { clusterObjects, contextWith } from './fixtures.ts';
import { moreObjects } from './fixtures-more.ts';

const ctx = contextWith([...clusterObjects(), ...moreObjects()]);
const list = (kind: string, namespace?: string) => ctx.store.list(kind, { namespace });
const table = (kind: string, objs: KubeObject[], opts: RowOptions = {}, noHeaders = false) => {
  const { headers, rows } = printRows(kind, objs, ctx, opts);
  return formatTable(headers, rows, { noHeaders });
};
const text = (lines: string[]) => lines.join('\n') + '\n';

test('tabwriter: each column is its widest cell plus 3, at least 6; the last column is not padded', () => {
  assert.equal(formatTable(['NAME', 'READY', 'AGE'], [['web-1', '1/1', '5s']]), 'NAME    READY   AGE\nweb-1   1/1     5s\n');
  assert.equal(formatTable(['NS', 'X'], [['a', 'b']]), 'NS    X\na     b\n', 'minwidth 6 even for narrow columns');
  assert.equal(formatTable(['A', 'B', 'C'], [['', '', '']]), 'A     B     C\n            \n', 'empty cells are padded, the last one is not');
  assert.equal(formatTable(['NAME'], [['only']]), 'NAME\nonly\n', 'one column: no tabs, no padding');
  assert.equal(formatTable(['NAME', 'STATUS'], [['héllo', 'Running']]), 'NAME    STATUS\nhéllo   Running\n', 'widths count runes');
});

test('tabwriter: a line with fewer cells ends the column blocks to its right', () => {
  const out = tabwrite('a\tbb\tc\nlonger-cell\tx\nz\n\tq\tr\n', { minwidth: 0, padding: 2 });
  assert.equal(out, 'a            bb  c\nlonger-cell  x\nz\n  q  r\n');
  assert.equal(tabwrite('Name:\tweb\nLabels:\tapp=web\n\tx=y\nContainers:\n  web:\n    Image:\tnginx\n', DESCRIBE_TABWRITER),
    'Name:    web\nLabels:  app=web\n         x=y\nContainers:\n  web:\n    Image:  nginx\n');
});

test('formatTable: no rows print nothing; --no-headers; cells cut at a line break', () => {
  assert.equal(formatTable(['NAME'], []), '');
  assert.equal(formatTable(['NAME', 'AGE'], [], { headersWhenEmpty: true }), 'NAME   AGE\n');
  assert.equal(formatTable(['NAME', 'AGE'], [['a', '1s']], { noHeaders: true }), 'a     1s\n');
  assert.equal(formatTable(['MESSAGE', 'X'], [['line one\nline two', 'y']]), 'MESSAGE       X\nline one...   y\n');
});

test('-L headers: the key\'s last path segment, uppercased', () => {
  assert.equal(labelColumnHeader('app'), 'APP');
  assert.equal(labelColumnHeader('app.kubernetes.io/name'), 'NAME');
});

test('kubectl get pods -A -o wide', () => {
  assert.equal(
    table('Pod', list('Pod'), { wide: true, withNamespace: true }),
    text([
        'NAMESPACE     NAME                   READY   STATUS                  RESTARTS       AGE    IP           NODE      NOMINATED NODE   READINESS GATES',
        'default       api-0                  0/2     Running                 0              120m   <none>       worker1   <none>           <none>',
        'default       batch-9xk2p            0/1     Succeeded               0              60m    <none>       worker1   <none>           <none>',
        'default       db-0                   0/1     Running                 0              118m   <none>       worker2   <none>           <none>',
        'default       db-1                   0/1     Init:CrashLoopBackOff   3 (45s ago)    90s    <none>       worker2   <none>           0/1',
        'default       web-7d4b9c6f5d-x8k2p   1/1     Running                 2 (2m5s ago)   10m    10.244.1.5   worker1   <none>           <none>',
        'kube-system   kube-proxy-vx2kq       0/1     Running                 0              2d     <none>       worker1   <none>           <none>',
    ]),
  );
});

test('kubectl get pods --show-labels', () => {
  assert.equal(
    table('Pod', list('Pod', 'default'), { showLabels: true }),
    text([
        'NAME                   READY   STATUS                  RESTARTS       AGE    LABELS',
        'api-0                  0/2     Running                 0              120m   <none>',
        'batch-9xk2p            0/1     Succeeded               0              60m    <none>',
        'db-0                   0/1     Running                 0              118m   app=db,statefulset.kubernetes.io/pod-name=db-0',
        'db-1                   0/1     Init:CrashLoopBackOff   3 (45s ago)    90s    app=db',
        'web-7d4b9c6f5d-x8k2p   1/1     Running                 2 (2m5s ago)   10m    app=web,pod-template-hash=7d4b9c6f5d',
    ]),
  );
});

test('kubectl get pods -L app,statefulset.kubernetes.io/pod-name: empty label cells keep their padding', () => {
  assert.equal(
    table('Pod', list('Pod', 'default'), { labelColumns: ['app', 'statefulset.kubernetes.io/pod-name'] }),
    text([
        'NAME                   READY   STATUS                  RESTARTS       AGE    APP   POD-NAME',
        'api-0                  0/2     Running                 0              120m         ',
        'batch-9xk2p            0/1     Succeeded               0              60m          ',
        'db-0                   0/1     Running                 0              118m   db    db-0',
        'db-1                   0/1     Init:CrashLoopBackOff   3 (45s ago)    90s    db    ',
        'web-7d4b9c6f5d-x8k2p   1/1     Running                 2 (2m5s ago)   10m    web   ',
    ]),
  );
});

test('kubectl get pods --no-headers: columns sized by the rows only', () => {
  assert.equal(
    table('Pod', list('Pod', 'default'), {}, true),
    text([
        'api-0                  0/2   Running                 0              120m',
        'batch-9xk2p            0/1   Succeeded               0              60m',
        'db-0                   0/1   Running                 0              118m',
        'db-1                   0/1   Init:CrashLoopBackOff   3 (45s ago)    90s',
        'web-7d4b9c6f5d-x8k2p   1/1   Running                 2 (2m5s ago)   10m',
    ]),
  );
});

test('kubectl get svc,deploy: kind/ before names, one table per kind', () => {
  const out = [table('Service', list('Service', 'default'), { withKind: true }), table('Deployment', list('Deployment', 'default'), { withKind: true })].join('\n');
  assert.equal(
    out,
    text([
        'NAME          TYPE       CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE',
        'service/web   NodePort   10.96.120.15   <none>        80:30080/TCP   60m',
        '',
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/3     3            2           60m',
    ]),
  );
});

test('kubectl get nodes -o wide', () => {
  assert.equal(
    table('Node', list('Node'), { wide: true }),
    text([
        'NAME      STATUS                     ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME',
        'worker1   Ready,SchedulingDisabled   worker   2d    v1.32.2   172.18.0.3    <none>        Ubuntu 24.04.1 LTS   6.8.0-51-generic   containerd://1.7.24',
    ]),
  );
});
