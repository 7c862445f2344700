/** Small builders for admission tests: objects as a learner writes them, and error messages. */
import { Cluster } from '../../src/cluster/cluster.ts';
import { validateManifest } from '../../src/admission/index.ts';
import type { Container, KubeObject, Pod, PodTemplateSpec } from '../../src/api/types/index.ts';

export function messages(obj: unknown): string[] {
  return validateManifest(obj).map((e) => e.message);
}

export function container(name = 'web', image = 'nginx', extra: Record<string, unknown> = {}): Container {
  return { name, image, ...extra } as Container;
}

export function deployment(spec: Record<string, unknown>, name = 'web'): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec } as KubeObject;
}

export function template(labels: Record<string, string> | undefined, spec: Record<string, unknown> = { containers: [container()] }): PodTemplateSpec {
  return { metadata: labels ? { labels } : {}, spec } as unknown as PodTemplateSpec;
}

export function pod(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec } as unknown as Pod;
}

/** The error an API call throws, for assertions on reason and message. */
export function thrown(fn: () => unknown): { reason: string; message: string; causes: { message: string; path: (string | number)[] }[] } {
  try {
    fn();
  } catch (e) {
    return e as { reason: string; message: string; causes: { message: string; path: (string | number)[] }[] };
  }
  throw new Error('expected an error');
}

export function cluster(): Cluster {
  return new Cluster({ seed: 'admission' });
}
