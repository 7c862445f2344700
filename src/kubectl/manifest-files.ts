/**
 * `-f FILE` for kubectl commands: reads each file through the session's file reader (the core never
 * touches the filesystem itself) and parses its manifests. Problems are kubectl's messages:
 * `the path "x.yaml" does not exist`, `error parsing x.yaml: error converting YAML to JSON: ...`,
 * `unable to decode "x.yaml": Object 'Kind' is missing in '...'`.
 */
import type { KubeObject } from '../api/types/index.ts';
import { ManifestError } from '../manifest/manifest-error.ts';
import { parseManifests } from '../manifest/parse-manifests.ts';
import { YamlSyntaxError } from '../manifest/yaml-source.ts';
import type { CommandContext } from './context.ts';
import { KubectlError } from './errors.ts';

export interface SourcedObject {
  object: KubeObject;
  source: string;
}

export function readManifestFiles(ctx: CommandContext, filenames: string[]): { manifests: SourcedObject[]; errors: Error[] } {
  const manifests: SourcedObject[] = [];
  const errors: Error[] = [];
  for (const path of filenames) {
    if (path === '-') throw new KubectlError('kubesim cannot read manifests from standard input; give a file path');
    if (/^https?:\/\//.test(path)) throw new KubectlError(`kubesim cannot read manifests from URLs: ${path}`);
    let text: string;
    try {
      if (!ctx.readFile) throw Object.assign(new Error('no files'), { code: 'ENOENT' });
      text = ctx.readFile(path);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT') throw new KubectlError(`the path "${path}" does not exist`);
      if (code === 'EISDIR') throw new KubectlError(`kubesim cannot read a directory of manifests: give the files of "${path}" one by one`);
      throw new KubectlError(`the path "${path}" cannot be accessed: ${(e as Error).message}`);
    }
    try {
      for (const m of parseManifests(text, { file: path })) manifests.push({ object: m.object, source: path });
    } catch (e) {
      if (e instanceof YamlSyntaxError) {
        errors.push(new KubectlError(`error parsing ${path}: error converting YAML to JSON: yaml: line ${e.position.line}: ${e.detail}`));
      } else if (e instanceof ManifestError) {
        errors.push(new KubectlError(`unable to decode "${path}": ${e.detail}`));
      } else throw e;
    }
  }
  return { manifests, errors };
}
