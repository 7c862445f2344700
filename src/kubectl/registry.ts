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
import { topNodeCommand, topPodCommand } from './commands/top.ts';
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
  topPodCommand,
  topNodeCommand,
];

export const GROUPS: readonly CommandGroup[] = [
  { path: ['rollout'], short: 'Manage the rollout of one or many resources.' },
  { path: ['set'], short: 'Configure application resources.' },
  { path: ['config'], short: 'Modify kubeconfig files.' },
  { path: ['create', 'secret'], short: 'Create a secret with specified type.' },
  { path: ['top'], short: 'Display resource (CPU/memory) usage.' },
];

/** Commands kubectl has that kubesim does not simulate, and what to do instead. */
export const UNSIMULATED: Readonly<Record<string, string>> = {
  edit: 'kubesim has no editor; change objects with kubectl patch, kubectl set or kubectl apply',
  replace: 'use kubectl apply -f or kubectl delete and create',
  attach: 'interactive sessions are not simulated; use kubectl exec POD -- COMMAND',
  'port-forward': 'there is no network outside the simulated cluster; use kubectl exec ... -- curl URL',
  proxy: 'there is no network outside the simulated cluster',
  cp: 'containers have no files to copy in kubesim',
  autoscale: 'horizontal pod autoscaling is not simulated',
  diff: 'use kubectl apply and kubectl get -o yaml',
  wait: 'kubectl in kubesim never waits; use an until: step in a scenario',
  explain: 'the API schema documentation is not part of kubesim',
  auth: 'kubesim has no users or RBAC',
  certificate: 'kubesim has no certificates',
  debug: 'ephemeral containers are not simulated',
  events: 'use kubectl get events',
  kustomize: 'kustomizations are not simulated',
  plugin: 'kubectl plugins are not simulated',
  completion: 'shell completion is not part of kubesim',
  alpha: 'alpha commands are not simulated',
  'api-versions': 'use kubectl api-resources',
  'set env': 'use kubectl patch',
  'set resources': 'use kubectl patch',
  'set selector': 'use kubectl patch',
  'set serviceaccount': 'use kubectl patch',
  'set subject': 'kubesim has no RBAC',
  'create service': 'use kubectl expose or a manifest',
  'create cronjob': 'write a CronJob manifest and apply it',
  'create ingress': 'Ingress is not simulated',
  'create secret tls': 'TLS secrets are not simulated; use create secret generic',
  'create serviceaccount': 'write a ServiceAccount manifest and apply it',
  'create token': 'kubesim has no tokens',
  'config use-context': 'kubesim has one cluster and one context',
  'config get-contexts': 'use kubectl config view',
  'cluster-info dump': 'use kubectl get and kubectl describe',
};

export type ManifestVerb = 'apply' | 'create' | 'delete';

/** What scenario steps `apply:`, `create:` and `delete:` run on parsed manifests. */
export const MANIFEST_VERBS: Record<ManifestVerb, (ctx: CommandContext, manifests: SourcedObject[]) => void> = {
  apply: (ctx, m) => applyObjects(ctx, m),
  create: (ctx, m) => createObjects(ctx, m),
  delete: (ctx, m) => deleteObjects(ctx, m),
};
