/** `--from-literal=key=value` (util.ParseLiteralSource): split at the first `=`, quotes trimmed from the value. */
import { KubectlError } from '../errors.ts';

export const FROM_FILE_UNSUPPORTED = 'kubesim reads no files for secrets and configmaps; use --from-literal';

export function parseLiteralSource(source: string): { key: string; value: string } {
  const i = source.indexOf('=');
  if (i <= 0) throw new KubectlError(`invalid literal source ${source}, expected key=value`);
  return { key: source.slice(0, i), value: source.slice(i + 1).replace(/^["']+|["']+$/g, '') };
}

/** The key check of Secrets and ConfigMaps (validation.IsConfigMapKey), as the secret generator words it. */
export function checkSecretKey(key: string): void {
  if (!/^[-._a-zA-Z0-9]+$/.test(key) || key === '.' || key === '..' || key.startsWith('..') || key.length > 253) {
    throw new KubectlError(
      `"${key}" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
  }
}
