/**
 * Admission: what the API server does between receiving an object and storing it, for every kind
 * kubesim serves. Decoding against the kind's schema (types, strict unknown fields), API defaults,
 * the mutating admission plugins (ServiceAccount, Priority, DefaultTolerationSeconds,
 * DefaultStorageClass), the registries' strategies (starting status, generated Job selectors,
 * cluster IPs kept across updates) and validation with the API server's messages.
 *
 *   createAdmission()   the Admission the API server runs on every create and update
 *   validateManifest()  the same checks on a manifest before anything runs, as field errors
 *
 * Layout: schemas/ (zod), decode.ts, defaults/, plugins/, strategy.ts, validation/, kinds.ts
 * (per-kind defaults and validation), pipeline.ts (the order of the steps), manifest.ts.
 */
import type { Admission } from '../apiserver/admission.ts';
import { createAdmissionPipeline } from './pipeline.ts';

export { validateManifest } from './manifest.ts';
export { parseStandard, type CronSchedule } from './validation/cron.ts';
export { isValidTimeZone } from './validation/timezone.ts';
export { computeQosClass } from './validation/resources.ts';

export function createAdmission(): Admission {
  return createAdmissionPipeline();
}
