/**
 * kubectl set image (TYPE NAME | TYPE/NAME | -f | -l | --all) CONTAINER=IMAGE...: changes the image
 * of the named containers (init containers too; `*` means every container) in the pod template, or
 * in the pod itself. Prints `deployment.apps/web image updated`, nothing when the images were
 * already those, and `error: unable to find container named "x"` for an unknown container.
 */
import type { KubeObject, PodSpec } from '../../api/types/index.ts';
import { clone } from '../../api/object-util.ts';
import { allNamespacesFlag, changeCause, dryRunFlag, dryRunStrategy, fieldManagerFlag, filenameFlags, printFlags, recordFlag, selectorFlag } from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { aggregate, KubectlError } from '../errors.ts';
import { parsePairs, resourcesAndPairs } from '../metadata-pairs.ts';
import { buildTargets } from '../resource-builder.ts';
import { createMergePatch } from '../merge-patch-diff.ts';

export const setImageCommand: CommandSpec = {
  path: ['set', 'image'],
  use: 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  flags: [
    ...printFlags,
    ...filenameFlags('identifying the resource to get from a server.'),
    { name: 'all', type: 'bool' },
    allNamespacesFlag,
    selectorFlag,
    { name: 'local', type: 'bool', unsupported: 'kubesim only changes objects in the cluster' },
    dryRunFlag,
    recordFlag,
    fieldManagerFlag('kubectl-set'),
  ],
  run(ctx: CommandContext): void {
    const f = ctx.flags;
    const { resources, pairs } = resourcesAndPairs(ctx.args, 'image');
    const images = parsePairs(pairs, 'image', false).add;
    const problems: string[] = [];
    if (f.bool('all') && f.string('selector')) problems.push('cannot set --all and --selector at the same time');
    if (resources.length < 1 && f.list('filename').length === 0) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (images.size < 1) problems.push('at least one image update is required');
    if (images.size > 1 && images.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
    if (problems.length > 0) throw aggregate(problems.map((p) => new KubectlError(p)))!;
    const dryRun = dryRunStrategy(ctx);
    const result = buildTargets(ctx, resources, {
      allowEmptySelector: f.bool('all'),
      selector: f.string('selector') || undefined,
      allNamespaces: f.bool('all-namespaces'),
      filenames: f.list('filename'),
    });
    const errors: Error[] = [...result.errors];
    for (const t of result.targets) {
      const live = t.object!;
      const obj = clone(live);
      const spec = podSpecOf(obj);
      if (!spec) {
        errors.push(new KubectlError(`error: ${t.info.plural}/${t.name} the object is not a pod or does not have a pod template: *v1.${obj.kind}\n`));
        continue;
      }
      for (const [name, image] of images) {
        const init = setImage(spec.initContainers, name, image);
        const regular = setImage(spec.containers, name, image);
        if (!init && !regular) errors.push(new KubectlError(`error: unable to find container named "${name}"`));
      }
      const cause = changeCause(ctx);
      if (cause) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), 'kubernetes.io/change-cause': cause };
      const patch = createMergePatch(live, obj);
      if (Object.keys(patch).length === 0) continue;
      if (dryRun === 'client') {
        printName(ctx, obj, 'image updated (dry run)');
        continue;
      }
      try {
        // The template's containers merge by name, so the strategic patch carries whole containers.
        const strategic = strategicImagePatch(live, obj);
        printName(ctx, ctx.api.patch(t.info.kind, t.namespace, t.name, 'strategic', strategic), 'image updated');
      } catch (e) {
        errors.push(new KubectlError(`failed to patch image update to pod template: ${(e as Error).message}`));
      }
    }
    const err = aggregate(errors);
    if (err) throw err;
  },
};

/** The pod spec inside an object (UpdatePodSpecForObject), or undefined for kinds without one. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined;
  switch (obj.kind) {
    case 'Pod':
      return spec as unknown as PodSpec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'ReplicationController':
      return (spec?.template as { spec: PodSpec } | undefined)?.spec;
    case 'CronJob':
      return (spec?.jobTemplate as { spec: { template: { spec: PodSpec } } } | undefined)?.spec.template.spec;
    default:
      return undefined;
  }
}

function setImage(containers: { name: string; image?: string }[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (name === '*' || c.name === name) {
      c.image = image;
      found = true;
    }
  }
  return found;
}

/** The changed containers as a strategic merge patch: each one named, with its new image. */
function strategicImagePatch(before: KubeObject, after: KubeObject): Record<string, unknown> {
  const patch = createMergePatch(before, after) as Record<string, unknown>;
  const b = podSpecOf(before)!;
  const a = podSpecOf(after)!;
  const changed = (list: 'containers' | 'initContainers') =>
    (a[list] ?? []).filter((c, i) => c.image !== b[list]?.[i]?.image).map((c) => ({ name: c.name, image: c.image }));
  const specPatch: Record<string, unknown> = {};
  for (const list of ['initContainers', 'containers'] as const) {
    const items = changed(list);
    if (items.length > 0) specPatch[list] = items;
  }
  const out: Record<string, unknown> = {};
  if (patch.metadata) out.metadata = patch.metadata;
  if (Object.keys(specPatch).length > 0) {
    if (after.kind === 'Pod') out.spec = specPatch;
    else if (after.kind === 'CronJob') out.spec = { jobTemplate: { spec: { template: { spec: specPatch } } } };
    else out.spec = { template: { spec: specPatch } };
  }
  return out;
}
