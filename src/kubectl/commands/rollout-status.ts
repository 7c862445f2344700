/**
 * kubectl rollout status deploy|sts|ds NAME: the status of this instant (kubectl's status viewers),
 * e.g. `Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...` or
 * `deployment "web" successfully rolled out`. kubectl in kubesim never waits, so this is what
 * `--watch=false` prints, and like it the command exits 0 whether or not the rollout is done.
 */
import type { DaemonSet, Deployment, StatefulSet } from '../../api/types/index.ts';
import type { CommandContext, CommandSpec } from '../context.ts';
import { aggregate, KubectlError } from '../errors.ts';
import { revisionOf } from '../rollout/deployment-history.ts';
import { groupKind, rolloutTargetFlags, rolloutTargets } from './rollout-common.ts';

export const rolloutStatusCommand: CommandSpec = {
  path: ['rollout', 'status'],
  use: 'rollout status (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    ...rolloutTargetFlags,
    { name: 'revision', type: 'int' },
    { name: 'timeout', type: 'duration' },
    { name: 'watch', short: 'w', type: 'bool', default: true },
  ],
  run(ctx: CommandContext): void {
    const revision = ctx.flags.int('revision');
    const result = rolloutTargets(ctx);
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    for (const t of result.targets) {
      const obj = t.object!;
      switch (obj.kind) {
        case 'Deployment':
          ctx.out(deploymentStatus(obj as Deployment, revision));
          break;
        case 'DaemonSet':
          ctx.out(daemonSetStatus(obj as DaemonSet));
          break;
        case 'StatefulSet':
          ctx.out(statefulSetStatus(obj as StatefulSet));
          break;
        default:
          throw new KubectlError(`no status viewer has been implemented for ${groupKind(t.info)}`);
      }
    }
    const err = aggregate(result.errors);
    if (err) throw err;
    if (result.targets.length === 0) ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
  },
};

/** DeploymentStatusViewer.Status */
export function deploymentStatus(d: Deployment, revision = 0): string {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = revisionOf(d);
    if (revision !== current) throw new KubectlError(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = st.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment "${name}" exceeded its progress deadline`);
    const replicas = d.spec.replicas;
    const updated = st.updatedReplicas ?? 0;
    if (replicas !== undefined && updated < replicas) {
      return `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`;
    }
    if ((st.replicas ?? 0) > updated) {
      return `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`;
    }
    if ((st.availableReplicas ?? 0) < updated) {
      return `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`;
    }
    return `deployment "${name}" successfully rolled out\n`;
  }
  return 'Waiting for deployment spec update to be observed...\n';
}

/** DaemonSetStatusViewer.Status */
export function daemonSetStatus(ds: DaemonSet): string {
  const name = ds.metadata.name;
  if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
  }
  const st = ds.status;
  if ((ds.metadata.generation ?? 0) <= (st?.observedGeneration ?? 0)) {
    const desired = st?.desiredNumberScheduled ?? 0;
    const updated = st?.updatedNumberScheduled ?? 0;
    if (updated < desired) return `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`;
    const available = st?.numberAvailable ?? 0;
    if (available < desired) return `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`;
    return `daemon set "${name}" successfully rolled out\n`;
  }
  return 'Waiting for daemon set spec update to be observed...\n';
}

/** StatefulSetStatusViewer.Status */
export function statefulSetStatus(sts: StatefulSet): string {
  const strategy = sts.spec.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
  }
  const st = sts.status;
  const observed = st?.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata.generation ?? 0) > observed) return 'Waiting for statefulset spec update to be observed...\n';
  const replicas = sts.spec.replicas;
  const ready = st?.readyReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) return `Waiting for ${replicas - ready} pods to be ready...\n`;
  const updated = st?.updatedReplicas ?? 0;
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`;
    }
    return `partitioned roll out complete: ${updated} new pods have been updated...\n`;
  }
  if (st?.updateRevision !== st?.currentRevision) {
    return `waiting for statefulset rolling update to complete ${updated} pods at revision ${st?.updateRevision ?? ''}...\n`;
  }
  return `statefulset rolling update complete ${st?.currentReplicas ?? 0} pods at revision ${st?.currentRevision ?? ''}...\n`;
}
