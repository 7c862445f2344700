/**
 * The admission contract between the API server and the admission package: every write passes
 * through admit* with a mutable copy of the object. Admission sets API defaults, runs the mutating
 * plugins (ServiceAccount, DefaultTolerationSeconds) and validates; it throws an ApiError
 * (Invalid, Forbidden, NotFound...) to refuse the write.
 */
import type { ObjectStore } from '../api/store.ts';
import type { KubeObject } from '../api/types/index.ts';
import type { SeededRandom } from '../sim/random.ts';

export interface AdmissionContext {
  store: ObjectStore;
  now: number;
  /** Draws for admission-generated names (the kube-api-access-xxxxx volume). */
  random: SeededRandom;
  /**
   * Decode the input strictly (types, unknown fields): true for what a user sent (kubectl,
   * manifests). Objects the cluster's own components build from validated objects are canonical
   * by construction and skip it; defaults and validation still apply to every write.
   */
  decode: boolean;
}

export interface Admission {
  /** Defaults, mutates and validates a new object (already given its name and namespace). */
  admitCreate(obj: KubeObject, ctx: AdmissionContext): void;
  /** Validates an update of `old` to `obj` (immutable fields, spec rules) and defaults `obj`. */
  admitUpdate(obj: KubeObject, old: KubeObject, ctx: AdmissionContext): void;
}
