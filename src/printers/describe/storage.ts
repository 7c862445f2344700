/**
 * `kubectl describe` for storage: persistentvolumeclaims (with the pods using them),
 * persistentvolumes and storageclasses.
 */
import { formatLabels } from '../../api/selector.ts';
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types/index.ts';
import { accessModes, isDefaultStorageClass, storageClassOf } from '../common.ts';
import { canonicalQuantity } from '../quantity-format.ts';
import type { PrintContext } from '../types.ts';
import { describeEvents, eventsFor } from './events.ts';
import { goList, printBoolPtr, since } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { describeHostPath } from './volumes.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2 } from './writer.ts';

/** getPodsForPVC: pods in the namespace with a volume naming the claim, then owner pods. */
function podsUsing(pvc: PersistentVolumeClaim, ctx: PrintContext): string[] {
  const pods = ctx.store.list<Pod>('Pod', { namespace: pvc.metadata.namespace });
  const names = pods.filter((p) => (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name)).map((p) => p.metadata.name);
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.find((p) => p.metadata.uid === ref.uid);
    if (owner && !names.includes(owner.metadata.name)) names.push(owner.metadata.name);
  }
  return names.sort();
}

export function describePVC(pvc: PersistentVolumeClaim, ctx: PrintContext): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pvc, pvc.spec?.storageClassName)}\n`);
  if (pvc.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pvc.metadata.deletionTimestamp, ctx.now)})\n`);
  else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(pvc.metadata.finalizers)}\n`);
  const bound = !!pvc.spec?.volumeName;
  w.write(LEVEL_0, `Capacity:\t${bound ? canonicalQuantity(pvc.status?.capacity?.storage ?? '0') : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`);
  if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const users = podsUsing(pvc, ctx);
  w.write(LEVEL_0, 'Used By:\t');
  if (users.length === 0) w.line('<none>');
  else users.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? '' : '\t'}${name}\n`));
  describeEvents(w, eventsFor(pvc, ctx), ctx);
  return w.toString();
}

export function describePV(pv: PersistentVolume, ctx: PrintContext): string {
  const w = new DescribeWriter();
  const spec = pv.spec ?? {};
  w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', pv.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(pv.metadata.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pv, spec.storageClassName)}\n`);
  if (pv.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pv.metadata.deletionTimestamp, ctx.now)})\n`);
  else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name}` : ''}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${canonicalQuantity(spec.capacity?.storage ?? '0')}\n`);
  const terms = spec.nodeAffinity?.required?.nodeSelectorTerms;
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (!terms) w.line('<none>');
  else {
    w.line('');
    w.write(LEVEL_1, 'Required Terms:\t');
    if (terms.length === 0) w.line('<none>');
    else {
      w.line('');
      terms.forEach((term, i) => {
        const reqs = term.matchExpressions ?? [];
        w.write(LEVEL_2, `Term ${i}:\t`);
        if (reqs.length === 0) w.line('<none>');
        reqs.forEach((r, j) => {
          if (j !== 0) w.write(LEVEL_2, '\t');
          const values = (r.values ?? []).length > 0 ? ` [${r.values!.join(', ')}]` : '';
          w.write(LEVEL_0, `${r.key} ${r.operator.toLowerCase()}${values}\n`);
        });
      });
    }
  }
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(LEVEL_0, 'Source:\n');
  if (spec.hostPath) describeHostPath(w, spec.hostPath);
  else if (spec.local) w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
  else w.write(LEVEL_1, '<unknown>\n');
  describeEvents(w, eventsFor(pv, ctx), ctx);
  return w.toString();
}

export function describeStorageClass(sc: StorageClass, ctx: PrintContext): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`);
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultStorageClass(sc as KubeObject) ? 'Yes' : 'No'}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ''}\n`);
  w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`);
  const mountOptions = (sc as { mountOptions?: string[] }).mountOptions ?? [];
  if (mountOptions.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
  else {
    w.write(LEVEL_0, 'MountOptions:\n');
    for (const o of mountOptions) w.write(LEVEL_1, `${o}\n`);
  }
  if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  describeEvents(w, eventsFor(sc, ctx), ctx);
  return w.toString();
}

