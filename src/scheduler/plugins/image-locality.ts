/**
 * ImageLocality (k8s plugins/imagelocality): prefers nodes that already have the pod's images,
 * weighted by how widely each image is spread: Σ size × (nodes with it / all nodes), clamped to
 * [23 MiB, 1000 MiB × containers] and scaled to 0..100. Image names are matched as the pod names
 * them with `:latest` added when untagged (the names nodes report are the runtime's full
 * references, so `nginx` does not match `docker.io/library/nginx:latest`, as upstream).
 *
 * Worked example: a 500 MiB image on 1 of 3 nodes, one container: 500 × 1/3 = 166.7 MiB →
 * 100 × (166.7 − 23) / (1000 − 23) = 14 on that node, 0 elsewhere.
 */
import type { Pod } from '../../api/types/index.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import { MAX_NODE_SCORE, type PluginContext, type ScorePlugin } from '../framework/types.ts';

export const IMAGE_LOCALITY = 'ImageLocality';
const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function normalizedImageName(name: string): string {
  const last = name.split('/').pop() ?? name;
  return last.includes(':') || name.includes('@') ? name : `${name}:latest`;
}

export class ImageLocalityPlugin implements ScorePlugin {
  readonly name = IMAGE_LOCALITY;
  readonly weight = 1;

  score(ctx: PluginContext, pod: Pod, node: NodeInfo): number {
    const total = ctx.snapshot.nodes().length;
    let sum = 0;
    const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
    for (const c of containers) {
      const st = ctx.snapshot.images.get(normalizedImageName(c.image ?? ''));
      if (st?.nodes.has(node.name)) sum += Math.trunc(st.size * (st.nodes.size / total));
    }
    const max = MAX_CONTAINER_THRESHOLD * containers.length;
    const clamped = Math.min(max, Math.max(MIN_THRESHOLD, sum));
    return Math.floor((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
  }
}
