/**
 * kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [ARGS...]: runs the command
 * in the container as its image would answer. A command that fails prints what it printed, then
 * `command terminated with exit code N` on stderr, and kubectl exits with N (126 for a program
 * the image does not have). Interactive terminals are not simulated: the command runs once.
 */
import type { Pod } from '../../api/types/index.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { ExitCodeError, KubectlError, SilentExit, UsageError } from '../errors.ts';
import { filenameFlags } from '../common-flags.ts';
import { allContainerNames, podsForObject } from '../pod-for-object.ts';
import { buildTargets } from '../resource-builder.ts';

export const execCommand: CommandSpec = {
  path: ['exec'],
  use: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    ...filenameFlags('containing the resource to exec into'),
  ],
  run(ctx: CommandContext): void {
    const dash = ctx.argsLenAtDash;
    const args = ctx.args;
    const resourceName = args.length > 0 && dash !== 0 ? args[0] : '';
    let command: string[] = [];
    if (dash > -1) command = args.slice(dash);
    else if (args.length > 1) {
      throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', ctx.commandPath);
    }
    if (!resourceName && ctx.flags.list('filename').length === 0) throw new KubectlError('pod, type/name or --filename must be specified');
    if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
    const result = buildTargets(ctx, resourceName ? [resourceName.includes('/') ? resourceName : `pods/${resourceName}`] : [], {
      filenames: ctx.flags.list('filename'),
    });
    if (result.errors.length > 0) throw result.errors[0];
    if (result.targets.length !== 1) throw new KubectlError('cannot exec into multiple objects at a time');
    const candidates = podsForObject(ctx, result.targets[0].object!, 'attach to');
    if (candidates.length === 0) throw new KubectlError('timed out waiting for the condition');
    const pod = candidates[0];
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const container = ctx.flags.string('container') || defaultContainer(ctx, pod);
    const res = ctx.cluster.components.runtime.exec(pod, container, command, { tty: ctx.flags.bool('tty') });
    ctx.out(res.stdout);
    // The runtime reports a failure to reach the container as kubectl's own error text.
    if (res.exitCode !== 0 && res.stdout === '' && res.stderr.startsWith('error: ')) {
      ctx.err(res.stderr);
      throw new SilentExit();
    }
    ctx.err(res.stderr);
    if (res.exitCode !== 0) throw new ExitCodeError(res.exitCode);
  },
};

/** FindOrDefaultContainerByName: the annotated default, else the first, saying so when there are others. */
function defaultContainer(ctx: CommandContext, pod: Pod): string {
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && pod.spec.containers.some((c) => c.name === annotated)) return annotated;
  const first = pod.spec.containers[0].name;
  if (!ctx.flags.bool('quiet') && (pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0)) {
    ctx.err(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}
