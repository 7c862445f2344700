/**
 * -o custom-columns and -o jsonpath. Expected outputs and error messages are kubectl 1.32's own,
 * for the same pods.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CustomColumnsError, customColumns, fieldPathValues, formatTable, jsonpath, listWrapper } from '../../src/printers/index.ts';
import { clusterObjects, contextWith } from './fixtures.ts';
import { moreObjects } from './fixtures-more.ts';

const ctx = contextWith([...clusterObjects(), ...moreObjects()]);
const pods = ctx.store.list('Pod', { namespace: 'default' });
const web = ctx.store.get('Pod', 'default', 'web-7d4b9c6f5d-x8k2p')!;
const text = (lines: string[]) => lines.join('\n') + '\n';

test('custom-columns: [*], filters, missing values as <none>, maps as Go prints them, relaxed specs', () => {
  const spec = 'NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName,MISSING:.status.nothing,' +
    'READY:.status.conditions[?(@.type=="Ready")].status,LABELS:.metadata.labels,PORT:{.spec.containers[0].ports[0].containerPort},' +
    'RESTARTS:status.containerStatuses[0].restartCount';
  const { headers, rows } = customColumns(spec, pods);
  assert.equal(
    formatTable(headers, rows),
    text([
      'NAME                   IMAGE         NODE      MISSING   READY    LABELS                                                PORT     RESTARTS',
      'api-0                  api:2,envoy   worker1   <none>    <none>   <none>                                                <none>   <none>',
      'batch-9xk2p            busybox       worker1   <none>    <none>   <none>                                                <none>   <none>',
      'db-0                   postgres:16   worker2   <none>    <none>   map[app:db statefulset.kubernetes.io/pod-name:db-0]   <none>   <none>',
      'db-1                   postgres:16   worker2   <none>    <none>   map[app:db]                                           <none>   0',
      'web-7d4b9c6f5d-x8k2p   nginx:1.27    worker1   <none>    True     map[app:web pod-template-hash:7d4b9c6f5d]             80       2',
    ]),
  );
});

test('custom-columns: escaped dots in keys, negative indexes, slices', () => {
  const { rows } = customColumns('A:.metadata.labels.app,B:.metadata.labels.statefulset\\.kubernetes\\.io/pod-name,C:.spec.containers[-1].name,D:.spec.containers[0:1].name', pods);
  assert.deepEqual(rows, [
    ['<none>', '<none>', 'sidecar', 'api'],
    ['<none>', '<none>', 'batch', 'batch'],
    ['db', 'db-0', 'postgres', 'postgres'],
    ['db', '<none>', 'postgres', 'postgres'],
    ['web', '<none>', 'web', 'web'],
  ]);
});

test('custom-columns: kubectl\'s errors for a bad spec', () => {
  const error = (spec: string) => assert.throws(() => customColumns(spec, pods), (e: Error) => (messages.push(e.message), true));
  const messages: string[] = [];
  for (const spec of ['NAME', '', 'X:{{.x}}']) error(spec);
  assert.deepEqual(messages, [
    'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>',
    'custom-columns format specified but no custom columns given',
    "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
  ]);
});

test('custom-columns: evaluation errors carry the header and the rows printed before them', () => {
  assert.throws(
    () => customColumns('X:.spec.containers[5].image', pods),
    (e: unknown) => e instanceof CustomColumnsError && e.message === 'array index out of bounds: index 5, length 2' && e.headers[0] === 'X' && e.rows.length === 0,
  );
  assert.throws(() => customColumns('Y:.metadata.name[0]', pods), /^Error: string is not array or slice$/);
});

test('fieldPathValues: the evaluator behind custom-columns', () => {
  assert.deepEqual(fieldPathValues(web, '.spec.containers[0].image'), ['nginx:1.27']);
  assert.deepEqual(fieldPathValues(web, 'metadata.labels.app'), ['web']);
  assert.deepEqual(fieldPathValues(web, '{.spec.tolerations[*].key}'), ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);
  assert.deepEqual(fieldPathValues(web, ".metadata.labels['pod-template-hash']"), ['7d4b9c6f5d']);
  assert.deepEqual(fieldPathValues(web, '.status.conditions[?(@.status=="True")].type').length, 5);
  assert.deepEqual(fieldPathValues(web, '.spec.nothing.deeper'), []);
  assert.deepEqual(fieldPathValues(web, '.spec.containers[*].ports[*].containerPort'), [80]);
});

test('jsonpath templates: range/end, quoted text, several values joined by spaces, maps as JSON', () => {
  const list = listWrapper(pods);
  assert.equal(jsonpath('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', list), "api-0\tRunning\nbatch-9xk2p\tSucceeded\ndb-0\tRunning\ndb-1\tPending\nweb-7d4b9c6f5d-x8k2p\tRunning\n");
  assert.equal(jsonpath('{.items[*].metadata.name} {.items[0].metadata.labels} {.items[0].spec.containers[0].ports}', list), "api-0 batch-9xk2p db-0 db-1 web-7d4b9c6f5d-x8k2p  ");
  assert.equal(jsonpath('{.items[4].metadata.labels}', list), '{"app":"web","pod-template-hash":"7d4b9c6f5d"}');
  assert.throws(() => jsonpath('{range .items[*]}{.metadata.name}', list), /unclosed range/);
});
