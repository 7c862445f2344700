/**
 * Finding a PersistentVolume for a claim (k8s persistentvolume/util findMatchingVolume and the
 * access-mode index of pv_index.go). Pure.
 *
 * - A volume pre-bound to the claim (claimRef names it) wins at once.
 * - With delayed binding (WaitForFirstConsumer) and no node yet, nothing else is taken: the
 *   scheduler binds once it has chosen a node.
 * - Otherwise: Available, unclaimed, the claim's selector and class, access modes that include the
 *   claim's, capacity ≥ the request; volumes whose access modes are the smallest superset first,
 *   then the smallest capacity.
 *
 *   claim RWO 5Gi; volumes A RWO 10Gi, B RWO 8Gi, C RWO+RWX 6Gi, D RWO 1Gi → B (C has more modes, D is too small).
 */
import { parseBytes } from '../../api/quantity.ts';
import { matchesAnyTerm } from '../../api/node-affinity.ts';
import { fromLabelSelector, matches } from '../../api/selector.ts';
import type { Node, PersistentVolume, PersistentVolumeClaim } from '../../api/types/index.ts';
import { claimClass, isVolumeBoundToClaim, volumeClass } from './constants.ts';

export function requestedBytes(claim: PersistentVolumeClaim): number {
  return parseBytes(claim.spec.resources?.requests?.storage as string | undefined);
}

export function capacityBytes(volume: PersistentVolume): number {
  return parseBytes(volume.spec.capacity?.storage);
}

/** The volume offers every access mode the claim asks for. */
export function accessModesContain(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const offered = new Set(volume.spec.accessModes ?? []);
  return (claim.spec.accessModes ?? []).every((m) => offered.has(m));
}

/** CheckNodeAffinity: a volume without node affinity fits every node. */
export function volumeFitsNode(volume: PersistentVolume, node: Node): boolean {
  const terms = volume.spec.nodeAffinity?.required?.nodeSelectorTerms;
  return !terms || matchesAnyTerm(terms, node);
}

function volumeMode(x: { spec: { volumeMode?: string } }): string {
  return x.spec.volumeMode || 'Filesystem';
}

export function findBestMatch(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], delayBinding: boolean, node?: Node): PersistentVolume | undefined {
  const requested = requestedBytes(claim);
  const selector = claim.spec.selector ? fromLabelSelector(claim.spec.selector) : undefined;
  const wantClass = claimClass(claim);
  let best: PersistentVolume | undefined;
  let bestKey: [number, number] | undefined;
  for (const volume of volumes) {
    if (!accessModesContain(volume, claim)) continue;
    if (volumeMode(volume) !== volumeMode(claim)) continue;
    if (volume.metadata.deletionTimestamp) continue;
    const fits = !node || volumeFitsNode(volume, node);
    if (isVolumeBoundToClaim(volume, claim)) return fits ? volume : undefined;
    if (!node && delayBinding) continue;
    if (volume.status?.phase !== 'Available' || volume.spec.claimRef) continue;
    if (selector && !matches(selector, volume.metadata.labels)) continue;
    if (volumeClass(volume) !== wantClass || !fits) continue;
    const size = capacityBytes(volume);
    if (size < requested) continue;
    const key: [number, number] = [(volume.spec.accessModes ?? []).length, size];
    if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = volume;
      bestKey = key;
    }
  }
  return best;
}

/** checkVolumeSatisfyClaim, for a claim that names its volume: why it cannot bind, or undefined. */
export function volumeMismatch(volume: PersistentVolume, claim: PersistentVolumeClaim): string | undefined {
  if (volume.metadata.deletionTimestamp) return `the volume is marked for deletion "${volume.metadata.name}"`;
  if (capacityBytes(volume) < requestedBytes(claim)) return 'requested PV is too small';
  if (volumeClass(volume) !== claimClass(claim)) return 'storageClassName does not match';
  if (volumeMode(volume) !== volumeMode(claim)) return 'incompatible volumeMode';
  if (!accessModesContain(volume, claim)) return 'incompatible accessMode';
  return undefined;
}
