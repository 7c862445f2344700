/**
 * The pod conditions the kubelet reports (generateAPIPodStatus + status manager): PodScheduled is
 * always True in them, so static pods' mirrors and pods created with spec.nodeName show it too, and
 * a pod the scheduler bound keeps the time it was bound. Conditions set by others come first.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { buildPodStatus, type WorkerView } from '../../src/kubelet/pod-status.ts';
import type { Condition, Pod } from '../../src/api/types/index.ts';

const STATIC_WEB = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: static-web\nspec:\n  containers:\n  - {name: web, image: nginx}\n';

function types(p: Pod | undefined): string[] {
  return (p?.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`);
}

test('mirror pods (control plane and static-web) report PodScheduled=True after the kubelet conditions', () => {
  const c = new Cluster({ nodes: [{ name: 'master', role: 'control-plane' }, { name: 'worker1', staticPods: { 'static-web.yaml': STATIC_WEB } }] });
  for (const name of ['etcd-master', 'kube-apiserver-master', 'static-web-worker1']) {
    const p = c.store.get<Pod>('Pod', name === 'static-web-worker1' ? 'default' : 'kube-system', name);
    assert.deepEqual(types(p), ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True'], name);
    const scheduled = p!.status!.conditions!.find((x) => x.type === 'PodScheduled')!;
    assert.equal(scheduled.lastProbeTime, null);
    assert.equal(scheduled.reason, undefined);
  }
});

test('a pod bound by the scheduler keeps its PodScheduled time; one given spec.nodeName gets it from the kubelet', () => {
  const c = new Cluster();
  c.act(() =>
    c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }),
  );
  const boundAt = c.store.get<Pod>('Pod', 'default', 'web')!.status!.conditions!.find((x) => x.type === 'PodScheduled')!.lastTransitionTime;
  c.act(() =>
    c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pinned', namespace: 'default' }, spec: { nodeName: 'worker2', containers: [{ name: 'c', image: 'nginx' }] } }),
  );
  c.advanceBy(30_000);
  const web = c.store.get<Pod>('Pod', 'default', 'web')!;
  assert.equal(web.status?.phase, 'Running');
  assert.deepEqual(types(web), ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
  assert.equal(web.status!.conditions!.find((x) => x.type === 'PodScheduled')!.lastTransitionTime, boundAt);
  const pinned = c.store.get<Pod>('Pod', 'default', 'pinned')!;
  assert.ok(types(pinned).includes('PodScheduled=True'));
});

test('buildPodStatus: conditions others set (DisruptionTarget) come first and are kept', () => {
  const disruption: Condition = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: '2025-01-06T09:00:00Z' };
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
    status: { conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-06T08:00:00Z' }, disruption] },
  };
  const view: WorkerView = { sandboxReady: false, hostIP: '172.18.0.3', startTime: 0, inits: [], containers: [], terminal: false };
  const status = buildPodStatus(pod, view, Date.UTC(2025, 0, 6, 9, 0, 5));
  assert.deepEqual(
    status.conditions!.map((x) => x.type),
    ['DisruptionTarget', 'PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'],
  );
  assert.equal(status.conditions![0], disruption);
  assert.equal(status.conditions!.at(-1)!.lastTransitionTime, '2025-01-06T08:00:00Z');
});

test('an init container that exited 0 is ready, one that runs or failed is not (prober_manager UpdatePodStatus)', () => {
  const c = new Cluster();
  const pod = (name: string, cmd: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      restartPolicy: 'Never',
      initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', cmd] }],
      containers: [{ name: 'app', image: 'nginx' }],
    },
  });
  c.act(() => {
    c.api.create(pod('ok', 'sleep 2') as unknown as Pod);
    c.api.create(pod('bad', 'sleep 2; exit 1') as unknown as Pod);
  });
  const init = (name: string) => c.store.get<Pod>('Pod', 'default', name)!.status?.initContainerStatuses?.[0];
  c.advanceUntil(() => !!init('ok')?.state?.running, 60_000);
  assert.equal(init('ok')!.ready, false, 'running: not ready');
  c.advanceUntil(() => !!init('ok')?.state?.terminated && !!init('bad')?.state?.terminated, 60_000);
  assert.equal(init('ok')!.ready, true);
  assert.equal(init('bad')!.ready, false);
});
