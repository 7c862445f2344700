/**
 * kubectl rollout restart deploy|sts|ds NAME: sets the pod template annotation
 * `kubectl.kubernetes.io/restartedAt` to the current (virtual) time in RFC 3339, which starts a
 * normal rollout (`deployment.apps/web restarted`). A paused Deployment is refused; a second
 * restart in the same second changes nothing and is refused as kubectl refuses it.
 */
import { rfc3339 } from '../../api/duration.ts';
import type { Deployment, PodTemplateSpec } from '../../api/types/index.ts';
import { fieldManagerFlag, printFlags } from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { aggregate, KubectlError } from '../errors.ts';
import { resourceString, rolloutTargetFlags, rolloutTargets } from './rollout-common.ts';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export const rolloutRestartCommand: CommandSpec = {
  path: ['rollout', 'restart'],
  use: 'rollout restart RESOURCE',
  flags: [...rolloutTargetFlags, ...printFlags, fieldManagerFlag('kubectl-rollout')],
  run(ctx: CommandContext): void {
    const result = rolloutTargets(ctx);
    const errors: Error[] = [...result.errors];
    const targets = result.targets.filter((t) => t.object);
    if (targets.length === 0 && errors.length === 0) {
      ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
      return;
    }
    const now = rfc3339(ctx.cluster.now());
    for (const t of targets) {
      const obj = t.object!;
      if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(obj.kind)) {
        errors.push(new KubectlError(`error: ${resourceString(t.info)} "${t.name}" restarting is not supported`));
        continue;
      }
      if (obj.kind === 'Deployment' && (obj as Deployment).spec.paused) {
        errors.push(new KubectlError(`error: ${resourceString(t.info)} "${t.name}" can't restart paused deployment (run rollout resume first)`));
        continue;
      }
      const template = (obj.spec as { template?: PodTemplateSpec }).template;
      if (template?.metadata?.annotations?.[RESTARTED_AT] === now) {
        errors.push(
          new KubectlError(`failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`),
        );
        continue;
      }
      try {
        const patched = ctx.api.patch(t.info.kind, t.namespace, t.name, 'strategic', {
          spec: { template: { metadata: { annotations: { [RESTARTED_AT]: now } } } },
        });
        printName(ctx, patched, 'restarted');
      } catch (e) {
        errors.push(new KubectlError(`failed to patch: ${(e as Error).message}`));
      }
    }
    const err = aggregate(errors);
    if (err) throw err;
  },
};
