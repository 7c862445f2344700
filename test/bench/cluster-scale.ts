/**
 * The cluster at Kubernetes' limits: boot N nodes, then add pods in batches (Deployments of 1,000
 * replicas behind a Service each) until P pods run, reporting time per pod, the scheduler's share
 * and the heap as the cluster grows. A 100-pod Deployment is placed first in the empty cluster and
 * again in the full one: placing a pod should cost about the same in both.
 */
import { Cluster } from '../../src/cluster/cluster.ts';
import type { NodeConfig } from '../../src/cluster/nodes.ts';
import type { KubeObject } from '../../src/api/types/index.ts';
import { ControllerTimes, heapMB, table, timed } from './measure.ts';

export interface ScaleOptions {
  nodes: number;
  pods: number;
  batch: number;
  log: (line: string) => void;
}

const NAMESPACES = 10;
const REPLICAS = 1000;

function nodes(n: number): NodeConfig[] {
  const workers = Array.from({ length: n }, (_, i) => ({ name: `node-${String(i + 1).padStart(4, '0')}`, capacity: { cpu: '32', memory: '128Gi', pods: 110 } }));
  return [{ name: 'master', role: 'control-plane' }, ...workers];
}

function app(name: string, ns: string, replicas: number): KubeObject[] {
  const labels = { app: name };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, labels },
      spec: {
        replicas,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '50m', memory: '64Mi' } } }] } },
      },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector: labels, ports: [{ port: 80 }] } },
  ] as unknown as KubeObject[];
}

function running(cluster: Cluster): number {
  let n = 0;
  for (const p of cluster.store.unsortedList<{ status?: { phase?: string } } & KubeObject>('Pod')) if (p.status?.phase === 'Running') n++;
  return n;
}

/** Creates the apps, lets 60 virtual seconds pass; returns wall ms and scheduler ms. */
function addApps(cluster: Cluster, times: ControllerTimes, objects: KubeObject[]): { ms: number; schedulerMs: number } {
  times.reset();
  const { ms } = timed(() => {
    for (const o of objects) cluster.api.create(o);
    cluster.settle();
    cluster.advanceBy(60_000);
  });
  return { ms, schedulerMs: times.get('default-scheduler') };
}

export function clusterScale(opts: ScaleOptions): void {
  const { log } = opts;
  log(`Cluster scale: ${opts.nodes} nodes, ${opts.pods} pods in batches of ${opts.batch}`);
  const boot = timed(() => new Cluster({ nodes: nodes(opts.nodes) }));
  const cluster = boot.value;
  const times = new ControllerTimes(cluster);
  log(`boot: ${(boot.ms / 1000).toFixed(1)} s for ${opts.nodes + 1} nodes and their system pods (${cluster.store.count('Pod')} pods), heap ${heapMB()} MB`);
  for (let i = 0; i < NAMESPACES; i++) cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `team-${i}` } } as KubeObject);
  cluster.settle();

  const rows: (string | number)[][] = [];
  const probe = (label: string, name: string) => {
    const before = cluster.store.count('Pod');
    const r = addApps(cluster, times, app(name, 'team-0', 100));
    rows.push([label, before, 100, (r.ms / 100).toFixed(2), ((r.schedulerMs / 100) * 1000).toFixed(0), heapMB()]);
    log(`  ${label}: ${rows.at(-1)!.slice(1).join(' | ')}`);
  };
  probe('probe (empty)', 'probe-first');

  let made = 0;
  let app_ = 0;
  while (made < opts.pods) {
    const before = cluster.store.count('Pod');
    const objects: KubeObject[] = [];
    let batch = 0;
    while (batch < opts.batch && made + batch < opts.pods) {
      const replicas = Math.min(REPLICAS, opts.pods - made - batch, opts.batch - batch);
      objects.push(...app(`app-${app_}`, `team-${app_ % NAMESPACES}`, replicas));
      app_++;
      batch += replicas;
    }
    const r = addApps(cluster, times, objects);
    made += batch;
    rows.push([`batch ${rows.length}`, before, batch, (r.ms / batch).toFixed(2), ((r.schedulerMs / batch) * 1000).toFixed(0), heapMB()]);
    log(`  batch: ${rows.at(-1)!.slice(1).join(' | ')}   slowest: ${times.top(3)}`);
  }
  probe('probe (full)', 'probe-last');

  const total = cluster.store.count('Pod');
  log('');
  log(table(['STEP', 'PODS BEFORE', 'NEW PODS', 'MS/POD (ALL)', 'µS/POD (SCHEDULER)', 'HEAP MB'], rows));
  log('');
  log(`${total} pods (${running(cluster)} Running) on ${opts.nodes + 1} nodes, ${cluster.store.count('Event')} events, heap ${heapMB()} MB`);
}
