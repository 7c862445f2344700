/**
 * Pod volumes (ValidateVolumes / validateVolumeSource): unique DNS-label names and exactly one
 * source, each source with its required fields.
 *
 * Examples:
 *   spec.volumes[1].name: Duplicate value: "data"
 *   spec.volumes[0].configMap.name: Required value
 *   spec.volumes[0].secret: Forbidden: may not specify more than 1 volume type
 */
import type { FieldError } from '../../apiserver/errors.ts';
import { duplicate, forbidden, invalid, notSupported, type Path, required } from '../util/field-path.ts';
import { isDns1123Label } from '../util/names.ts';
import { parseQuantity } from '../util/quantity.ts';

type Source = Record<string, unknown>;
type KeyToPath = { key?: string; path?: string; mode?: number };

/** The sources in the order the API checks them, with the path name its errors use (Go's typos included). */
const SOURCES: [key: string, errorName: string][] = [
  ['emptyDir', 'emptyDir'], ['hostPath', 'hostPath'], ['gitRepo', 'gitRepo'], ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['secret', 'secret'], ['nfs', 'nfs'], ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'], ['flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd'],
  ['cinder', 'cinder'], ['cephfs', 'cephFS'], ['quobyte', 'quobyte'], ['downwardAPI', 'downwarAPI'], ['fc', 'fc'],
  ['flexVolume', 'flexVolume'], ['configMap', 'configMap'], ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'], ['projected', 'projected'], ['scaleIO', 'scaleIO'], ['csi', 'csi'], ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];

function mode(value: number | undefined, path: Path): FieldError[] {
  return value !== undefined && (value < 0 || value > 0o777) ? [invalid(path, value, FILE_MODE_ERROR)] : [];
}

/** ValidateLocalNonReservedPath: relative, no '..' element, not starting with '..'. */
function localPath(value: string, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (value.startsWith('/')) errs.push(invalid(path, value, 'must be a relative path'));
  if (value.split('/').includes('..')) errs.push(invalid(path, value, "must not contain '..'"));
  if (value.startsWith('..')) errs.push(invalid(path, value, "must not start with '..'"));
  return errs;
}

function items(list: KeyToPath[] | undefined, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  (list ?? []).forEach((kp, i) => {
    const p = path.index(i);
    if (!kp.key) errs.push(required(p.child('key')));
    if (!kp.path) errs.push(required(p.child('path')));
    errs.push(...localPath(kp.path ?? '', p.child('path')));
    errs.push(...mode(kp.mode, p.child('mode')));
  });
  return errs;
}

function checkSource(key: string, src: Source, path: Path): FieldError[] {
  const p = path.child(key);
  const s = src as Record<string, any>;
  switch (key) {
    case 'emptyDir': {
      const q = s.sizeLimit !== undefined ? parseQuantity(String(s.sizeLimit)) : undefined;
      return q && typeof q !== 'string' && q.negative ? [forbidden(p.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity')] : [];
    }
    case 'hostPath': {
      if (!s.path) return [required(p.child('path'))];
      const errs = String(s.path).split('/').includes('..') ? [invalid(p.child('path'), s.path, "must not contain '..'")] : [];
      if (s.type !== undefined && !HOST_PATH_TYPES.includes(s.type)) errs.push(notSupported(p.child('type'), s.type, HOST_PATH_TYPES));
      return errs;
    }
    case 'secret':
      return [...(s.secretName ? [] : [required(p.child('secretName'))]), ...mode(s.defaultMode, p.child('defaultMode')), ...items(s.items, p.child('items'))];
    case 'configMap':
      return [...(s.name ? [] : [required(p.child('name'))]), ...mode(s.defaultMode, p.child('defaultMode')), ...items(s.items, p.child('items'))];
    case 'persistentVolumeClaim':
      return s.claimName ? [] : [required(p.child('claimName'))];
    case 'nfs': {
      const errs: FieldError[] = [];
      if (!s.server) errs.push(required(p.child('server')));
      if (!s.path) errs.push(required(p.child('path')));
      if (!String(s.path ?? '').startsWith('/')) errs.push(invalid(p.child('path'), s.path ?? '', 'must be an absolute path'));
      return errs;
    }
    case 'downwardAPI': {
      const errs = mode(s.defaultMode, p.child('defaultMode'));
      for (const f of (s.items ?? []) as { path?: string; fieldRef?: unknown; resourceFieldRef?: unknown; mode?: number }[]) {
        if (!f.path) errs.push(required(p.child('path')));
        if (!f.fieldRef && !f.resourceFieldRef) errs.push(required(p, 'one of fieldRef and resourceFieldRef is required'));
        errs.push(...mode(f.mode, p.child('mode')));
      }
      return errs;
    }
    case 'projected': {
      const errs = mode(s.defaultMode, p.child('defaultMode'));
      ((s.sources ?? []) as Record<string, any>[]).forEach((source, i) => {
        const sp = p.child('sources').index(i);
        const kinds = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'].filter((k) => source[k]);
        if (kinds.length > 1) errs.push(forbidden(sp, 'may not specify more than 1 volume type per source'));
        if (source.secret && !source.secret.name) errs.push(required(sp.child('secret', 'name')));
        if (source.configMap && !source.configMap.name) errs.push(required(sp.child('configMap', 'name')));
        if (source.serviceAccountToken) {
          const tok = source.serviceAccountToken;
          if (!tok.path) errs.push(required(sp.child('serviceAccountToken', 'path')));
          if (tok.expirationSeconds !== undefined && tok.expirationSeconds < 600) {
            errs.push(invalid(sp.child('serviceAccountToken', 'expirationSeconds'), tok.expirationSeconds, 'may not specify a duration less than 10 minutes'));
          }
        }
      });
      return errs;
    }
    case 'csi':
      return s.driver ? [] : [required(p.child('driver'))];
    case 'ephemeral':
      return s.volumeClaimTemplate ? [] : [required(p.child('volumeClaimTemplate'))];
    case 'image':
      return s.reference ? [] : [required(p.child('reference'))];
    default:
      return [];
  }
}

/** Validates the volumes and returns the names of the valid ones (for volumeMounts). */
export function validateVolumes(volumes: Record<string, unknown>[] | undefined, path: Path): { names: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  (volumes ?? []).forEach((vol, i) => {
    const p = path.index(i);
    const name = String(vol.name ?? '');
    const errs: FieldError[] = [];
    let count = 0;
    for (const [key, errorName] of SOURCES) {
      const src = vol[key];
      if (src === undefined) continue;
      if (count > 0) errs.push(forbidden(p.child(errorName), 'may not specify more than 1 volume type'));
      else {
        count++;
        errs.push(...checkSource(key, src as Source, p));
      }
    }
    if (count === 0) errs.push(required(p, 'must specify a volume type'));
    if (!name) errs.push(required(p.child('name')));
    else for (const m of isDns1123Label(name)) errs.push(invalid(p.child('name'), name, m));
    if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    if (errs.length === 0) names.add(name);
    else errors.push(...errs);
  });
  return { names, errors };
}
