/** The header's totals kept from watch events agree with a count of the whole store, at every step. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../src/api/types/index.ts';
import { Cluster } from '../../src/cluster/cluster.ts';
import { ClusterTotals, clusterSummary } from '../../src/tui/state/cluster-summary.ts';

test('ClusterTotals follows pods and nodes coming, changing and going', () => {
  const c = new Cluster();
  const totals = new ClusterTotals(c.store);
  const same = (when: string) => assert.deepEqual(totals.summary(), clusterSummary(c.store), when);
  same('at the start');
  const labels = { app: 'web' };
  c.act(() =>
    c.api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 4, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '250m', memory: '64Mi' } } }] } } },
    } as unknown as KubeObject),
  );
  same('pods created, pending');
  c.advanceBy(30_000);
  same('pods running');
  assert.equal(totals.summary().cpuRequested - clusterSummary(new Cluster().store).cpuRequested, 1000);
  c.act(() => c.components.nodes.stop('worker1'));
  c.advanceBy(120_000);
  same('a node NotReady');
  c.act(() => c.components.nodes.remove('worker2'));
  c.advanceBy(60_000);
  same('a node gone');
  c.act(() => c.api.delete('Deployment', 'default', 'web'));
  c.advanceBy(60_000);
  same('the pods deleted');
  totals.dispose();
  c.act(() => c.components.nodes.start('worker1'));
  assert.notDeepEqual(totals.summary(), clusterSummary(c.store), 'disposed: no longer follows');
});
