/**
 * The dashboard at scale: what one refresh of the pods view (all namespaces) costs — reading the
 * store, printing the rows, the header summary — and what drawing the screen costs, as the
 * cluster grows. The controller takes a snapshot at most a quarter of the time, so a 400 ms
 * refresh means a view that updates every 1.6 s. A text filter (`/Running`) costs one print of
 * every row the first time, then only what changed.
 */
import { Cluster } from '../../src/cluster/cluster.ts';
import type { KubeObject } from '../../src/api/types/index.ts';
import { KubectlSession } from '../../src/kubectl/session.ts';
import { TuiController } from '../../src/tui/state/controller.ts';
import type { TablePage } from '../../src/tui/state/pages.ts';
import { heapMB, table, timed } from './measure.ts';

export interface TuiOptions {
  nodes: number;
  steps: number[];
  log: (line: string) => void;
}

function deployment(name: string, replicas: number): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  } as unknown as KubeObject;
}

export function tuiRefresh(opts: TuiOptions): void {
  const { log } = opts;
  log(`Dashboard refresh: pods view, all namespaces, ${opts.nodes} nodes`);
  const nodes = [{ name: 'master', role: 'control-plane' as const }, ...Array.from({ length: opts.nodes }, (_, i) => ({ name: `node-${i + 1}`, capacity: { cpu: '64', memory: '256Gi', pods: 250 } }))];
  const cluster = new Cluster({ nodes });
  const session = new KubectlSession(cluster);
  const controller = new TuiController({ cluster, session, realNow: () => performance.now() });
  controller.key({ name: '0', text: '0' }); // all namespaces
  const rows: (string | number)[][] = [];
  let made = 0;
  let n = 0;
  for (const target of opts.steps) {
    while (made < target) {
      const replicas = Math.min(1000, target - made);
      cluster.api.create(deployment(`app-${n++}`, replicas));
      made += replicas;
    }
    cluster.settle();
    cluster.advanceBy(60_000);
    const refresh = timed(() => controller.refresh());
    const again = timed(() => controller.refresh());
    const draw = timed(() => controller.screen(160, 45));
    // A text filter prints every row once (cells cached by object identity), then only changes.
    const page = controller.top as TablePage;
    page.filter = 'Running';
    const filtered = timed(() => controller.refresh());
    const filteredAgain = timed(() => controller.refresh());
    page.filter = '';
    const pods = cluster.store.count('Pod');
    rows.push([pods, refresh.ms.toFixed(0), again.ms.toFixed(0), draw.ms.toFixed(1), filtered.ms.toFixed(0), filteredAgain.ms.toFixed(0), heapMB()]);
    log(`  ${rows.at(-1)!.join(' | ')}`);
  }
  log('');
  log(table(['PODS', 'REFRESH MS', 'AGAIN MS', 'DRAW MS (160x45)', 'FILTER MS', 'FILTER AGAIN MS', 'HEAP MB'], rows));
}
