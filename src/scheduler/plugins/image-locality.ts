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
import type { ImageState } from '../framework/snapshot.ts';
import { MAX_NODE_SCORE, SUCCESS, type PluginContext, type PreScorePlugin, type ScorePlugin, type Status } from '../framework/types.ts';

export const IMAGE_LOCALITY = 'ImageLocality';
const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function normalizedImageName(name: string): string {
  const last = name.split('/').pop() ?? name;
  return last.includes(':') || name.includes('@') ? name : `${name}:latest`;
}

export class ImageLocalityPlugin implements PreScorePlugin, ScorePlugin {
  readonly name = IMAGE_LOCALITY;
  readonly weight = 1;

  /** The pod's images as the nodes report them, looked up once per scheduling cycle. */
  preScore(ctx: PluginContext, pod: Pod): Status {
    const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
    const images = containers.map((c) => ctx.snapshot.images.get(normalizedImageName(c.image ?? '')));
    ctx.state.set(STATE_KEY, { images, count: containers.length, total: ctx.snapshot.nodes().length });
    return SUCCESS;
  }

  score(ctx: PluginContext, pod: Pod, node: NodeInfo): number {
    let state = ctx.state.get(STATE_KEY) as PreScoreState | undefined;
    if (!state) {
      this.preScore(ctx, pod);
      state = ctx.state.get(STATE_KEY) as PreScoreState;
    }
    let sum = 0;
    for (const st of state.images) {
      if (st?.nodes.has(node.name)) sum += Math.trunc(st.size * (st.nodes.size / state.total));
    }
    const max = MAX_CONTAINER_THRESHOLD * state.count;
    const clamped = Math.min(max, Math.max(MIN_THRESHOLD, sum));
    return Math.floor((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
  }
}

const STATE_KEY = 'PreScoreImageLocality';

interface PreScoreState {
  images: (ImageState | undefined)[];
  count: number;
  total: number;
}
