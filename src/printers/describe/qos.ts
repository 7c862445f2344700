/**
 * The QoS class kubectl shows (qos.GetPodQOS): status.qosClass when set, else computed from the
 * spec. Guaranteed: every container has cpu and memory limits equal to its requests (a missing
 * request defaults to the limit). BestEffort: no cpu or memory requests or limits anywhere.
 * Burstable: everything else.
 */
import { parseQuantity } from '../../api/quantity.ts';
import type { Pod } from '../../api/types/index.ts';

export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      const limit = parseQuantity(lim[r]);
      const request = parseQuantity(req[r] ?? lim[r]);
      if (limit === undefined || request === undefined || limit !== request) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
