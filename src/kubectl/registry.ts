/**
 * Every kubectl command kubesim simulates, and the groups they sit in (`rollout`, `set`, `config`,
 * `create secret`). The dispatcher builds its command tree from these two lists.
 */
import type { CommandContext, CommandGroup, CommandSpec } from './context.ts';
import type { SourcedObject } from './manifest-files.ts';
import { annotateCommand } from './commands/annotate.ts';
import { apiResourcesCommand } from './commands/api-resources.ts';
import { applyCommand, applyObjects } from './commands/apply.ts';
import { clusterInfoCommand } from './commands/cluster-info.ts';
import { configCurrentContextCommand, configSetContextCommand, configViewCommand } from './commands/config.ts';
import { cordonCommand, uncordonCommand } from './commands/cordon.ts';
import { createCommand, createObjects } from './commands/create.ts';
import { createConfigMapCommand } from './commands/create-configmap.ts';
import { createDeploymentCommand } from './commands/create-deployment.ts';
import { createJobCommand } from './commands/create-job.ts';
import { createNamespaceCommand } from './commands/create-namespace.ts';
import { createSecretDockerRegistryCommand } from './commands/create-secret-docker-registry.ts';
import { createSecretGenericCommand } from './commands/create-secret-generic.ts';
import { deleteCommand, deleteObjects } from './commands/delete.ts';
import { describeCommand } from './commands/describe.ts';
import { drainCommand } from './commands/drain.ts';
import { execCommand } from './commands/exec.ts';
import { exposeCommand } from './commands/expose.ts';
import { getCommand } from './commands/get.ts';
import { labelCommand } from './commands/label.ts';
import { logsCommand } from './commands/logs.ts';
import { patchCommand } from './commands/patch.ts';
import { rolloutHistoryCommand } from './commands/rollout-history.ts';
import { rolloutPauseCommand, rolloutResumeCommand } from './commands/rollout-pause.ts';
import { rolloutRestartCommand } from './commands/rollout-restart.ts';
import { rolloutStatusCommand } from './commands/rollout-status.ts';
import { rolloutUndoCommand } from './commands/rollout-undo.ts';
import { runCommand } from './commands/run.ts';
import { scaleCommand } from './commands/scale.ts';
import { setImageCommand } from './commands/set-image.ts';
import { taintCommand } from './commands/taint.ts';
import { versionCommand } from './commands/version.ts';

export const COMMANDS: readonly CommandSpec[] = [
  getCommand,
  describeCommand,
  applyCommand,
  createCommand,
  createNamespaceCommand,
  createConfigMapCommand,
  createSecretGenericCommand,
  createSecretDockerRegistryCommand,
  createJobCommand,
  createDeploymentCommand,
  deleteCommand,
  scaleCommand,
  labelCommand,
  annotateCommand,
  patchCommand,
  setImageCommand,
  rolloutStatusCommand,
  rolloutHistoryCommand,
  rolloutUndoCommand,
  rolloutPauseCommand,
  rolloutResumeCommand,
  rolloutRestartCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  runCommand,
  exposeCommand,
  logsCommand,
  execCommand,
  configSetContextCommand,
  configCurrentContextCommand,
  configViewCommand,
  versionCommand,
  apiResourcesCommand,
  clusterInfoCommand,
];

export const GROUPS: readonly CommandGroup[] = [
  { path: ['rollout'], short: 'Manage the rollout of one or many resources.' },
  { path: ['set'], short: 'Configure application resources.' },
  { path: ['config'], short: 'Modify kubeconfig files.' },
  { path: ['create', 'secret'], short: 'Create a secret with specified type.' },
];

export type ManifestVerb = 'apply' | 'create' | 'delete';

/** What scenario steps `apply:`, `create:` and `delete:` run on parsed manifests. */
export const MANIFEST_VERBS: Record<ManifestVerb, (ctx: CommandContext, manifests: SourcedObject[]) => void> = {
  apply: (ctx, m) => applyObjects(ctx, m),
  create: (ctx, m) => createObjects(ctx, m),
  delete: (ctx, m) => deleteObjects(ctx, m),
};
