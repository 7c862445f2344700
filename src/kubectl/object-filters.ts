/** Filters over objects a command already holds (a manifest's labels against `-l`). */
import { matches, parseSelector, SelectorError } from '../api/selector.ts';
import type { KubeObject } from '../api/types/index.ts';
import { KubectlError } from './errors.ts';

/** Whether an object's labels match a kubectl selector string; a bad selector is kubectl's error. */
export function matchesLabels(obj: KubeObject, selector: string): boolean {
  try {
    return matches(parseSelector(selector), obj.metadata?.labels);
  } catch (e) {
    if (e instanceof SelectorError) throw new KubectlError(e.message);
    throw e;
  }
}
