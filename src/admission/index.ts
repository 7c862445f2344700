/**
 * Admission (temporary minimal version; replaced by the full schemas, defaults and validation).
 */
import type { Admission } from '../apiserver/admission.ts';
import type { KubeObject, Pod } from '../api/types/index.ts';

export function createAdmission(): Admission {
  return {
    admitCreate(obj: KubeObject) {
      if (obj.kind === 'Pod') {
        const pod = obj as Pod;
        pod.spec.restartPolicy ??= 'Always';
        pod.spec.terminationGracePeriodSeconds ??= 30;
        pod.spec.schedulerName ??= 'default-scheduler';
        pod.status = { phase: 'Pending', qosClass: 'BestEffort' };
      }
    },
    admitUpdate() {},
  };
}
