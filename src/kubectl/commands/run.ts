/**
 * kubectl run NAME --image=IMAGE [--restart=Always|OnFailure|Never] [--labels] [--env] [--port]
 * [--command] [-- ARGS...]: creates a pod with one container named NAME and the label `run=NAME`
 * (`pod/NAME created`); `--expose` also creates its Service. Interactive sessions (-i/-t, attach)
 * are not simulated: the pod is created and kubesim says how to run commands in it instead.
 */
import type { Container, Pod, Service } from '../../api/types/index.ts';
import { changeCause, dryRunStrategy } from '../common-flags.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { createGenerated, createGeneratorFlags } from './create.ts';

const NOT_ATTACHED = 'interactive sessions are not simulated';

/** A docker reference: [registry[:port]/]path[:tag][@digest], path components lowercase. */
const IMAGE_REFERENCE =
  /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::\w[\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

export const runCommand: CommandSpec = {
  path: ['run'],
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  flags: [
    ...createGeneratorFlags.filter((f) => f.name !== 'validate' && f.name !== 'field-manager'),
    { name: 'field-manager', type: 'string', default: 'kubectl-run' },
    { name: 'image', type: 'string', required: true },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'env', type: 'stringArray' },
    { name: 'annotations', type: 'stringArray' },
    { name: 'port', type: 'string' },
    { name: 'expose', type: 'bool' },
    { name: 'command', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'privileged', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'rm', type: 'bool' },
    { name: 'record', type: 'bool', deprecated: '--record will be removed in the future' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    { name: 'overrides', type: 'string', unsupported: 'JSON overrides are not simulated; write a manifest and apply it' },
    { name: 'override-type', type: 'string', default: 'merge' },
  ],
  run(ctx: CommandContext): void {
    const f = ctx.flags;
    if (ctx.args.length === 0 || ctx.argsLenAtDash === 0) throw new UsageError('NAME is required for run', ctx.commandPath);
    const image = f.string('image');
    if (image === '') throw new KubectlError('--image is required');
    if (!IMAGE_REFERENCE.test(image)) throw new KubectlError(`Invalid image name "${image}": invalid reference format`);
    const stdin = f.bool('stdin');
    if (f.bool('tty') && !stdin) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', ctx.commandPath);
    if (f.bool('expose') && !f.string('port')) throw new UsageError('--port must be set when exposing a service', ctx.commandPath);
    const restart = f.string('restart') || (stdin ? 'OnFailure' : 'Always');
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new UsageError(`invalid restart policy: ${restart}`, ctx.commandPath);
    const attach = f.changed('attach') ? f.bool('attach') : stdin;
    if (!attach && f.bool('rm')) throw new UsageError('--rm should only be used for attached containers', ctx.commandPath);
    if (attach && dryRunStrategy(ctx) !== 'none') {
      throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", ctx.commandPath);
    }
    if (f.bool('rm')) throw new KubectlError(`kubesim does not support "kubectl run --rm": ${NOT_ATTACHED}; run the pod, then use kubectl exec and kubectl delete`);
    const pullPolicy = f.string('image-pull-policy');
    if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) throw new UsageError(`invalid image pull policy: ${pullPolicy}`, ctx.commandPath);

    const name = ctx.args[0];
    const pod = buildPod(ctx, name, image, restart as Pod['spec']['restartPolicy'], stdin);
    if (f.bool('expose')) createGenerated(ctx, buildService(ctx, name, f.string('labels')));
    createGenerated(ctx, pod);
    if (attach) {
      ctx.err(`kubesim: ${NOT_ATTACHED}; pod/${name} was created. Run commands in it with: kubectl exec ${name} -- COMMAND\n`);
    }
  },
};

function buildPod(ctx: CommandContext, name: string, image: string, restartPolicy: Pod['spec']['restartPolicy'], stdin: boolean): Pod {
  const f = ctx.flags;
  const labels = f.string('labels') ? parseLabelList(f.string('labels')) : { run: name };
  const container: Container = { name, image, resources: {} };
  if (stdin) {
    container.stdin = true;
    (container as Container & { stdinOnce?: boolean }).stdinOnce = !f.bool('leave-stdin-open');
  }
  if (f.bool('tty')) container.tty = true;
  if (f.bool('privileged')) container.securityContext = { privileged: true };
  const args = ctx.args.slice(1);
  if (args.length > 0) {
    if (f.bool('command')) container.command = args;
    else container.args = args;
  }
  const env = f.list('env').map(parseEnv);
  if (env.length > 0) container.env = env;
  if (f.string('image-pull-policy')) container.imagePullPolicy = f.string('image-pull-policy') as Container['imagePullPolicy'];
  if (f.string('port')) container.ports = [{ containerPort: atoi(f.string('port')) }];
  const annotations: Record<string, string> = {};
  for (const a of f.list('annotations')) {
    const i = a.indexOf('=');
    if (i <= 0) throw new KubectlError(`invalid annotation format: ${a}`);
    annotations[a.slice(0, i)] = a.slice(i + 1);
  }
  const cause = changeCause(ctx);
  if (cause) annotations['kubernetes.io/change-cause'] = cause;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}),
    },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy },
  };
}

function buildService(ctx: CommandContext, name: string, labels: string): Service {
  const port = atoi(ctx.flags.string('port'));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}) },
    spec: {
      ports: [{ port, protocol: 'TCP', targetPort: port }],
      selector: labels ? parseLabelList(labels) : { run: name },
    },
  };
}

/** generate.ParseLabels: `k=v,k2=v2`. */
function parseLabelList(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const kv = pair.split('=');
    if (kv.length !== 2) throw new KubectlError(`invalid label spec: ${pair}`);
    out[kv[0]] = kv[1];
  }
  return out;
}

/** parseEnvs: `NAME=value` with a valid C identifier-ish name. */
function parseEnv(env: string): { name: string; value: string } {
  const i = env.indexOf('=');
  if (i <= 0 || !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(env.slice(0, i))) throw new KubectlError(`invalid env: ${env}`);
  return { name: env.slice(0, i), value: env.slice(i + 1) };
}

function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}
