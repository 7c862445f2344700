import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Node, Pod } from '../../src/api/types/index.ts';
import { NodeInfo } from '../../src/scheduler/framework/node-info.ts';
import { NodeResourcesFitPlugin, insufficientResources } from '../../src/scheduler/plugins/node-resources-fit.ts';
import { BalancedAllocationPlugin } from '../../src/scheduler/plugins/node-resources-balanced-allocation.ts';
import { TaintTolerationPlugin } from '../../src/scheduler/plugins/taint-toleration.ts';
import { NodeAffinityPlugin } from '../../src/scheduler/plugins/node-affinity.ts';
import { NodeUnschedulablePlugin } from '../../src/scheduler/plugins/node-unschedulable.ts';
import { ImageLocalityPlugin } from '../../src/scheduler/plugins/image-locality.ts';
import type { PluginContext } from '../../src/scheduler/framework/types.ts';

function node(name: string, o: { cpu?: string; memory?: string; labels?: Record<string, string>; taints?: Node['spec']['taints']; unschedulable?: boolean } = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { allocatable: { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: '110' } },
  };
}

function pod(o: { cpu?: string; memory?: string; tolerations?: Pod['spec']['tolerations']; affinity?: Pod['spec']['affinity']; nodeSelector?: Record<string, string>; image?: string } = {}): Pod {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [{ name: 'c', image: o.image ?? 'nginx', resources: { requests } }], tolerations: o.tolerations, affinity: o.affinity, nodeSelector: o.nodeSelector },
  };
}

const ctx = (): PluginContext => ({ snapshot: undefined as never, state: new Map(), now: 0 });

test('NodeResourcesFit: every shortage is a reason; pods without requests fit anywhere with room', () => {
  const info = new NodeInfo(node('n', { cpu: '1', memory: '1Gi' }));
  info.addPod('default/a', pod({ cpu: '800m', memory: '900Mi' }));
  assert.deepEqual(insufficientResources({ cpu: 300, memory: 200 * 2 ** 20 }, info), ['Insufficient cpu', 'Insufficient memory']);
  assert.deepEqual(insufficientResources({ cpu: 200, memory: 0 }, info), []);
  assert.deepEqual(insufficientResources({ cpu: 0, memory: 0 }, info), []);
});

test('NodeResourcesFit LeastAllocated: the worked example of the plugin comment', () => {
  const info = new NodeInfo(node('n', { cpu: '4', memory: '8Gi' }));
  info.addPod('default/a', pod({ cpu: '1', memory: '2Gi' }));
  // The incoming pod asks nothing: it counts as 100m / 200Mi for scoring.
  assert.equal(new NodeResourcesFitPlugin().score(ctx(), pod(), info), 72);
  const empty = new NodeInfo(node('e'));
  assert.equal(new NodeResourcesFitPlugin().score(ctx(), pod(), empty), 97);
});

test('BalancedAllocation: 50% cpu and 20% memory after placement scores 85', () => {
  const info = new NodeInfo(node('n', { cpu: '4', memory: '10Gi' }));
  info.addPod('default/a', pod({ cpu: '1', memory: '1Gi' }));
  const p = pod({ cpu: '1', memory: '1Gi' });
  assert.equal(new BalancedAllocationPlugin().score(ctx(), p, info), 85);
  assert.equal(new BalancedAllocationPlugin().preScore(ctx(), pod()).code, 'Skip');
});

test('TaintToleration: NoSchedule and NoExecute filter with the v1.32 message; PreferNoSchedule scores', () => {
  const plugin = new TaintTolerationPlugin();
  const master = new NodeInfo(node('master', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }));
  assert.deepEqual(plugin.filter(ctx(), pod(), master), { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] });
  assert.equal(plugin.filter(ctx(), pod({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }), master).code, 'Success');
  const db = new NodeInfo(node('db', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] }));
  assert.deepEqual(plugin.filter(ctx(), pod(), db).reasons, ['node(s) had untolerated taint {dedicated: db}']);
  // Scores: 0, 1 and 2 untolerated PreferNoSchedule taints → 100, 50, 0.
  const prefer = (n: number) => new NodeInfo(node(`p${n}`, { taints: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, effect: 'PreferNoSchedule' as const })) }));
  const nodes = [prefer(0), prefer(1), prefer(2)];
  const scores = new Map(nodes.map((n) => [n.name, plugin.score(ctx(), pod(), n)]));
  plugin.normalize(ctx(), pod(), scores);
  assert.deepEqual([...scores.values()], [100, 50, 0]);
});

test('NodeAffinity: required terms with In/NotIn/Exists/DoesNotExist/Gt/Lt; preferred weights normalize to 100', () => {
  const plugin = new NodeAffinityPlugin();
  const high = new NodeInfo(node('w1', { labels: { 'compute.power': 'high', cores: '16', zone: 'a' } }));
  const low = new NodeInfo(node('w2', { labels: { cores: '4' } }));
  const required = (exprs: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt'; values?: string[] }[]) =>
    pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: exprs }] } } } });
  assert.equal(plugin.filter(ctx(), required([{ key: 'compute.power', operator: 'In', values: ['high'] }]), high).code, 'Success');
  assert.equal(plugin.filter(ctx(), required([{ key: 'compute.power', operator: 'In', values: ['high'] }]), low).code, 'UnschedulableAndUnresolvable');
  assert.equal(plugin.filter(ctx(), required([{ key: 'compute.power', operator: 'NotIn', values: ['high'] }]), low).code, 'Success');
  assert.equal(plugin.filter(ctx(), required([{ key: 'compute.power', operator: 'DoesNotExist' }]), low).code, 'Success');
  assert.equal(plugin.filter(ctx(), required([{ key: 'cores', operator: 'Gt', values: ['8'] }]), high).code, 'Success');
  assert.equal(plugin.filter(ctx(), required([{ key: 'cores', operator: 'Gt', values: ['8'] }]), low).code, 'UnschedulableAndUnresolvable');
  assert.equal(plugin.filter(ctx(), required([{ key: 'cores', operator: 'Lt', values: ['8'] }]), low).code, 'Success');
  assert.equal(plugin.filter(ctx(), pod({ nodeSelector: { zone: 'a' } }), low).reasons[0], "node(s) didn't match Pod's node affinity/selector");
  const preferred = pod({
    affinity: {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 80, preference: { matchExpressions: [{ key: 'compute.power', operator: 'In', values: ['high'] }] } },
          { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
        ],
      },
    },
  });
  const scores = new Map([high, low].map((n) => [n.name, plugin.score(ctx(), preferred, n)]));
  plugin.normalize(ctx(), preferred, scores);
  assert.deepEqual([...scores.values()], [100, 0]);
});

test('NodeUnschedulable: a cordoned node, unless the pod tolerates it', () => {
  const plugin = new NodeUnschedulablePlugin();
  const cordoned = new NodeInfo(node('w', { unschedulable: true }));
  assert.deepEqual(plugin.filter(ctx(), pod(), cordoned).reasons, ['node(s) were unschedulable']);
  assert.equal(plugin.filter(ctx(), pod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }), cordoned).code, 'Success');
});

test('ImageLocality: a 500 MiB image on 1 of 3 nodes scores 14 there', () => {
  const c = new Cluster();
  const plugin = new ImageLocalityPlugin();
  const snapshot = c.components.scheduler.snapshot;
  snapshot.images.set('big/app:1', { size: 500 * 2 ** 20, nodes: new Set(['worker1']) });
  const p = pod({ image: 'big/app:1' });
  const ctxWith: PluginContext = { snapshot, state: new Map(), now: 0 };
  assert.equal(plugin.score(ctxWith, p, snapshot.get('worker1')!), 14);
  assert.equal(plugin.score(ctxWith, p, snapshot.get('worker2')!), 0);
});
