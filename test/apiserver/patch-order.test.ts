import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strategicMerge } from '../../src/apiserver/patch.ts';
import { newSession, ok } from '../kubectl/helpers.ts';
import type { Deployment } from '../../src/api/types/index.ts';

const names = (list: unknown) => (list as { name: string }[]).map((c) => c.name);

test('$setElementOrder puts the named items in its order; server-only items keep their live place', () => {
  const live = { spec: { containers: [{ name: 'a', image: '1' }, { name: 'x', image: 'sidecar' }] } };
  const patch = { spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }], containers: [{ name: 'c', image: '3' }] } };
  const out = strategicMerge(structuredClone(live), patch, []) as typeof live;
  assert.deepEqual(names(out.spec.containers), ['c', 'a', 'x']);
  // Only an order: the live items are reordered, nothing else changes.
  const reordered = strategicMerge(structuredClone(live), { spec: { '$setElementOrder/containers': [{ name: 'x' }, { name: 'a' }] } }, []) as typeof live;
  assert.deepEqual(reordered.spec.containers, [{ name: 'x', image: 'sidecar' }, { name: 'a', image: '1' }]);
  // A set of strings.
  const fin = strategicMerge({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { '$setElementOrder/finalizers': ['c', 'a'], finalizers: ['c'], '$deleteFromPrimitiveList/finalizers': ['b'] } }, []);
  assert.deepEqual(fin, { metadata: { finalizers: ['c', 'a'] } });
});

test('kubectl apply of a container added in front keeps the manifest order', () => {
  const manifest = (containers: string[]) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
${containers.map((c) => `      - {name: ${c}, image: nginx}\n`).join('')}`;
  const t = newSession({ files: { 'web.yaml': manifest(['web']) } });
  ok(t, 'apply -f web.yaml');
  t.files['web.yaml'] = manifest(['log', 'web']);
  assert.equal(ok(t, 'apply -f web.yaml'), 'deployment.apps/web configured\n');
  assert.deepEqual(names(t.cluster.api.get<Deployment>('Deployment', 'default', 'web').spec.template.spec.containers), ['log', 'web']);
});
