/**
 * ControllerRefManager (k8s controller_ref_manager.go): a controller claims the objects its
 * selector matches. An orphan that matches and is not being deleted is adopted (gets a controller
 * ownerReference); an owned object that no longer matches is released (the reference removed).
 */
import { clone, controllerRef, ownerRefTo } from '../../api/object-util.ts';
import { matches, type Selector } from '../../api/selector.ts';
import type { KubeObject } from '../../api/types/index.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { ApiError } from '../../apiserver/errors.ts';

export interface ClaimInput<T extends KubeObject> {
  owner: KubeObject;
  selector: Selector;
  /** Objects this owner controls (from the owner index). */
  owned: T[];
  /** Candidate orphans (objects in the namespace matching the selector). */
  candidates: T[];
  /** Whether an object may be adopted beyond matching the selector (e.g. not terminal). */
  canAdopt?: (obj: T) => boolean;
}

/** Returns the objects the owner controls after adoption and release. */
export function claimObjects<T extends KubeObject>(api: ApiServer, input: ClaimInput<T>): T[] {
  const { owner, selector } = input;
  const ownerUid = owner.metadata.uid!;
  const result: T[] = [];
  const seen = new Set<string>();
  for (const obj of input.owned) {
    seen.add(obj.metadata.uid!);
    const ref = controllerRef(obj);
    if (!ref || ref.uid !== ownerUid) continue;
    if (matches(selector, obj.metadata.labels)) {
      result.push(obj);
    } else if (!obj.metadata.deletionTimestamp) {
      release(api, obj, ownerUid);
    }
  }
  if (owner.metadata.deletionTimestamp) return result;
  for (const obj of input.candidates) {
    if (seen.has(obj.metadata.uid!)) continue;
    if (controllerRef(obj) || obj.metadata.deletionTimestamp) continue;
    if (!matches(selector, obj.metadata.labels)) continue;
    if (input.canAdopt && !input.canAdopt(obj)) continue;
    const adopted = adopt(api, owner, obj);
    if (adopted) result.push(adopted);
  }
  return result;
}

function adopt<T extends KubeObject>(api: ApiServer, owner: KubeObject, obj: T): T | undefined {
  const copy = clone(obj);
  copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), ownerRefTo(owner)];
  try {
    return api.update(copy);
  } catch (e) {
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}

function release(api: ApiServer, obj: KubeObject, ownerUid: string): void {
  const copy = clone(obj);
  copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
  try {
    api.update(copy);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
}
