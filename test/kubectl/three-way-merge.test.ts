import { test } from 'node:test';
import assert from 'node:assert/strict';
import { threeWayMergePatch } from '../../src/kubectl/apply/three-way-merge.ts';
import { goJson } from '../../src/kubectl/apply/last-applied.ts';

const deployment = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { ...extra, template: { spec: { containers: [{ name: 'web', ...container }] } } },
});

test('a container with a change and a nested deletion appears once, with $setElementOrder', () => {
  const original = deployment({ image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }, { replicas: 2 });
  const modified = deployment({ image: 'nginx:1.26', env: [{ name: 'A', value: '1' }] }, { replicas: 2 });
  const current = deployment(
    { image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
    { replicas: 2, revisionHistoryLimit: 10 },
  );
  assert.equal(
    goJson(threeWayMergePatch(original, modified, current)),
    '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"$setElementOrder/env":[{"name":"A"}],"env":[{"$patch":"delete","name":"B"}],"image":"nginx:1.26","name":"web"}]}}}}',
  );
});

test('a removed container is a delete directive after the kept ones; an added one is whole', () => {
  const spec = (containers: unknown[]) => ({ kind: 'Pod', spec: { containers } });
  const original = spec([{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }]);
  const modified = spec([{ name: 'c', image: 'z' }, { name: 'a', image: 'x2' }]);
  const current = spec([{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }]);
  assert.equal(
    goJson(threeWayMergePatch(original, modified, current)),
    '{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"}],"containers":[{"image":"z","name":"c"},{"image":"x2","name":"a"},{"$patch":"delete","name":"b"}]}}',
  );
});

test('only a reorder writes just the order; nothing changed writes nothing', () => {
  const spec = (names: string[]) => ({ kind: 'Pod', spec: { containers: names.map((name) => ({ name, image: 'x' })) } });
  assert.equal(goJson(threeWayMergePatch(spec(['a', 'b']), spec(['b', 'a']), spec(['a', 'b']))), '{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}]}}');
  assert.deepEqual(threeWayMergePatch(spec(['a', 'b']), spec(['a', 'b']), spec(['a', 'b'])), {});
});

test('fields dropped from the manifest are null; what others set stays out of the patch', () => {
  const original = { kind: 'ConfigMap', metadata: { labels: { a: '1', b: '2' } }, data: { x: '1', y: '2' } };
  const modified = { kind: 'ConfigMap', metadata: { labels: { a: '1' } }, data: { x: '10' } };
  const current = { kind: 'ConfigMap', metadata: { labels: { a: '1', b: '2', team: 't' } }, data: { x: '1', y: '2', z: '3' } };
  assert.deepEqual(threeWayMergePatch(original, modified, current), { metadata: { labels: { b: null } }, data: { x: '10', y: null } });
});

test("a Deployment's strategy carries $retainKeys, so switching to Recreate clears rollingUpdate", () => {
  const live = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  const d = (strategy: unknown) => ({ kind: 'Deployment', spec: { strategy } });
  assert.equal(
    goJson(threeWayMergePatch(d({ type: 'RollingUpdate' }), d({ type: 'Recreate' }), d(live))),
    '{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}',
  );
});

test('volumes merge by name with $retainKeys on a changed item; finalizers merge as a set', () => {
  const pod = (volumes: unknown[], finalizers: string[]) => ({ kind: 'Pod', metadata: { finalizers }, spec: { volumes } });
  const original = pod([{ name: 'data', emptyDir: {} }], ['a', 'b']);
  const modified = pod([{ name: 'data', configMap: { name: 'cfg' } }], ['a', 'c']);
  const current = pod([{ name: 'data', emptyDir: {} }], ['a', 'b']);
  assert.equal(
    goJson(threeWayMergePatch(original, modified, current)),
    '{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"],"$setElementOrder/finalizers":["a","c"],"finalizers":["c"]},' +
      '"spec":{"$setElementOrder/volumes":[{"name":"data"}],"volumes":[{"$retainKeys":["configMap","name"],"configMap":{"name":"cfg"},"emptyDir":null,"name":"data"}]}}',
  );
});
