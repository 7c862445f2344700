/**
 * `npm run bench`: kubesim's speed and memory, measured (never asserted in timed tests).
 *
 *   npm run bench                          5,000 nodes, 150,000 pods (Kubernetes' limits)
 *   npm run bench -- --quick               500 nodes, 10,000 pods
 *   npm run bench -- --nodes 1000 --pods 20000 --batch 5000
 *   npm run bench -- --only tui            only the dashboard refresh (or --only cluster)
 */
import { parseArgs } from 'node:util';
import { clusterScale } from './cluster-scale.ts';
import { tuiRefresh } from './tui-refresh.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    nodes: { type: 'string' },
    pods: { type: 'string' },
    batch: { type: 'string' },
    only: { type: 'string' },
  },
});

const quick = values.quick;
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
const log = (line: string) => console.log(line);

const only = values.only;
if (!only || only === 'tui') {
  tuiRefresh({ nodes: quick ? 100 : 1000, steps: quick ? [1_000, 10_000] : [1_000, 10_000, 50_000, 150_000], log });
  log('');
}
if (!only || only === 'cluster') {
  clusterScale({
    nodes: num(values.nodes, quick ? 500 : 5000),
    pods: num(values.pods, quick ? 10_000 : 150_000),
    batch: num(values.batch, quick ? 2_500 : 10_000),
    log,
  });
}
