/**
 * metadata.generation as Kubernetes 1.32 sets it: the registry strategies of the apps and batch
 * workloads and of EndpointSlice start it at 1; Pods have none (pod generation came with 1.33's
 * PodObservedGenerationTracking), nor do Services, ConfigMaps or Namespaces.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { KINDS } from '../../src/api/kinds.ts';
import type { KubeObject, Pod } from '../../src/api/types/index.ts';

test('a pod created through the API carries no metadata.generation, even after a spec update', () => {
  const c = new Cluster();
  c.act(() =>
    c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', generation: 7 }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }),
  );
  c.advanceBy(10_000);
  const pod = c.store.get<Pod>('Pod', 'default', 'web')!;
  assert.equal(pod.metadata.generation, undefined);
  assert.equal(pod.status?.phase, 'Running');
  c.act(() => {
    const p = structuredClone(c.api.get<Pod>('Pod', 'default', 'web'));
    p.spec.activeDeadlineSeconds = 600;
    c.api.update(p);
  });
  assert.equal(c.store.get<Pod>('Pod', 'default', 'web')!.metadata.generation, undefined);
});

test('kinds that track generation in 1.32: the workloads and EndpointSlice, nothing else', () => {
  const tracked = KINDS.filter((k) => k.hasGeneration).map((k) => k.kind).sort();
  assert.deepEqual(tracked, ['CronJob', 'DaemonSet', 'Deployment', 'EndpointSlice', 'Job', 'ReplicaSet', 'StatefulSet']);
  const c = new Cluster();
  c.act(() => c.api.create<KubeObject>({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as KubeObject));
  c.advanceBy(2_000);
  assert.equal(c.store.get<KubeObject>('Service', 'default', 'web')!.metadata.generation, undefined);
  const slices = c.store.list<KubeObject>('EndpointSlice', { namespace: 'default' }).filter((s) => s.metadata.name.startsWith('web-'));
  assert.equal(slices.length, 1);
  assert.equal(slices[0]!.metadata.generation, 1);
});

test('an EndpointSlice moves its generation on when its endpoints change (its strategy: anything outside metadata)', () => {
  const c = new Cluster();
  const deploy = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  };
  c.act(() => c.api.create<KubeObject>({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as KubeObject));
  const slice = () => c.store.list<KubeObject & { endpoints?: unknown[] }>('EndpointSlice', { namespace: 'default' }).find((s) => s.metadata.name.startsWith('web-'))!;
  assert.equal(slice().metadata.generation, 1);
  c.act(() => c.api.create<KubeObject>(deploy as unknown as KubeObject));
  c.advanceBy(30_000);
  assert.equal(slice().endpoints?.length, 1);
  assert.ok((slice().metadata.generation ?? 0) > 1, 'the pod joining the slice moved it on');
});
