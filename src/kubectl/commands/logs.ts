/**
 * kubectl logs (POD | TYPE/NAME) [-c CONTAINER] [-p] [--tail=N] [-f] [--all-containers] [-l]:
 * the container's log lines as the node's runtime holds them at this instant (-f prints what
 * exists now; nothing waits). With several containers and no -c, kubectl 1.32 picks the first and
 * says so on stderr: `Defaulted container "a" out of: a, b`.
 */
import type { Pod } from '../../api/types/index.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { LogOptions } from '../../kubelet/runtime-api.ts';
import { selectorFlag } from '../common-flags.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { allContainerNames, podsForObject } from '../pod-for-object.ts';
import { buildTargets } from '../resource-builder.ts';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export const logsCommand: CommandSpec = {
  path: ['logs'],
  use: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'all-containers', type: 'bool' },
    { name: 'prefix', type: 'bool' },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'pod-running-timeout', type: 'duration', default: 20_000 },
    selectorFlag,
    { name: 'all-pods', type: 'bool', unsupported: 'logs of every pod of a workload are not simulated; use -l' },
    { name: 'timestamps', type: 'bool', unsupported: 'log lines carry no timestamps in kubesim' },
    { name: 'since', type: 'duration', unsupported: 'log lines carry no timestamps in kubesim' },
    { name: 'since-time', type: 'string', unsupported: 'log lines carry no timestamps in kubesim' },
    { name: 'limit-bytes', type: 'int', unsupported: 'byte limits are not simulated' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
  ],
  run(ctx: CommandContext): void {
    const f = ctx.flags;
    const selector = f.string('selector');
    let resource = '';
    let container = f.string('container');
    switch (ctx.args.length) {
      case 0:
        if (!selector) throw new UsageError(USAGE, ctx.commandPath);
        break;
      case 1:
        resource = ctx.args[0];
        if (selector) throw new UsageError('only a selector (-l) or a POD name is allowed', ctx.commandPath);
        break;
      case 2:
        if (f.changed('container')) throw new KubectlError('only one of -c or an inline [CONTAINER] arg is allowed');
        resource = ctx.args[0];
        container = ctx.args[1];
        break;
      default:
        throw new UsageError(USAGE, ctx.commandPath);
    }
    const all = f.bool('all-containers');
    if (all && container) throw new KubectlError(`--all-containers=true should not be specified with container name ${container}`);
    if (f.int('tail') < -1) throw new KubectlError('--tail must be greater than or equal to -1');
    const opts: LogOptions = { previous: f.bool('previous') };
    if (f.int('tail') !== -1) opts.tail = f.int('tail');
    else if (selector) opts.tail = 10;

    let pods: Pod[];
    if (selector) {
      pods = buildTargets(ctx, ['pods'], { selector }).targets.map((t) => t.object as Pod);
      if (pods.length === 0) {
        ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
        return;
      }
      if (pods.length > f.int('max-log-requests')) {
        throw new KubectlError(
          `you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${f.int('max-log-requests')}, use --max-log-requests to increase the limit`,
        );
      }
    } else {
      const result = buildTargets(ctx, [resource.includes('/') ? resource : `pods/${resource}`]);
      if (result.errors.length > 0) {
        const e = result.errors[0];
        if (e instanceof ApiError && e.reason === 'NotFound') throw new KubectlError(`error from server (NotFound): ${e.message} in namespace "${ctx.namespace}"`);
        throw e;
      }
      const obj = result.targets[0].object!;
      const candidates = podsForObject(ctx, obj, 'get the logs from');
      if (candidates.length === 0) throw new KubectlError('timed out waiting for the condition');
      if (candidates.length > 1) ctx.err(`Found ${candidates.length} pods, using pod/${candidates[0].metadata.name}\n`);
      pods = [candidates[0]];
    }
    const prefix = f.bool('prefix');
    for (const pod of pods) {
      const containers = all ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name) : [containerFor(ctx, pod, container)];
      for (const c of containers) {
        const res = ctx.cluster.components.runtime.logs(pod, c, opts);
        if (!res.ok) {
          if (f.bool('ignore-errors')) continue;
          throw new ApiError('BadRequest', res.error);
        }
        const lead = prefix ? `[pod/${pod.metadata.name}/${c}] ` : '';
        ctx.out(res.lines.map((l) => `${lead}${l}\n`).join(''));
      }
    }
  },
};

/** The container to read: -c, the default-container annotation, or the first (saying so when there are others). */
function containerFor(ctx: CommandContext, pod: Pod, requested: string): string {
  if (requested) {
    const exists = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === requested);
    if (!exists) throw new KubectlError(`container ${requested} is not valid for pod ${pod.metadata.name}`);
    return requested;
  }
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated) {
    if ([...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === annotated)) return annotated;
    ctx.err(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
  }
  const first = pod.spec.containers[0].name;
  if ((pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0)) {
    ctx.err(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}
