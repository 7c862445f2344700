/**
 * Pods from a controller's template (controller_utils.go GetPodFromTemplate): the template's
 * labels, annotations and spec, a generated name `<owner>-xxxxx` (or a fixed one), and a
 * controller ownerReference to the owner.
 */
import { clone, ownerRefTo } from '../../api/object-util.ts';
import type { KubeObject, Pod, PodTemplateSpec } from '../../api/types/index.ts';

export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject, opts: { name?: string; generateName?: string } = {}): Pod {
  const t = clone(template);
  const meta = t.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: opts.name ?? '',
      ...(opts.name ? {} : { generateName: opts.generateName ?? `${owner.metadata.name}-` }),
      namespace: owner.metadata.namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ownerReferences: [ownerRefTo(owner)],
    },
    spec: t.spec,
  };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}
