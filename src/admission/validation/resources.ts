/**
 * Container resource requirements (validateResourceRequirements) and the pod's QoS class
 * (qos.ComputePodQOS), both over canonical quantity strings.
 *
 * Example: requests.cpu 2 with limits.cpu 1 →
 *   spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1
 */
import type { FieldError } from '../../apiserver/errors.ts';
import type { Container, PodSpec, ResourceRequirements } from '../../api/types/index.ts';
import { invalid, required, type Path } from '../util/field-path.ts';
import { isQualifiedName } from '../util/names.ts';
import { addQuantities, compareQuantities, isWhole, isZero, parseQuantity, type Quantity } from '../util/quantity.ts';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas',
  'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers',
]);
const isStandardResource = (name: string): boolean =>
  STANDARD_RESOURCES.has(name) || isHugePages(name) || name.startsWith('requests.') || name.startsWith('limits.');
const OVERCOMMITTABLE = new Set(['cpu', 'memory', 'ephemeral-storage']);

const isHugePages = (name: string): boolean => name.startsWith('hugepages-');
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');
const overcommitAllowed = (name: string): boolean => isNative(name) && !isHugePages(name) && OVERCOMMITTABLE.has(name);
/** Extended resources (example.com/gpu) must be whole numbers. */
const isIntegerResource = (name: string): boolean => !isNative(name) && !name.startsWith('requests.');

function q(text: string | number): Quantity | undefined {
  const parsed = parseQuantity(String(text));
  return typeof parsed === 'string' ? undefined : parsed;
}

function validateResourceName(name: string, path: Path): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(path, name, msg));
  if (errs.length) return errs;
  if (!name.includes('/')) {
    const out: FieldError[] = [];
    if (!isStandardResource(name)) out.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) out.push(invalid(path, name, 'must be a standard resource for containers'));
    return out;
  } else if (!isNative(name) && name.startsWith('requests.')) {
    return [invalid(path, name, "doesn't follow extended resource name standard")];
  }
  return [];
}

function validateQuantityValue(name: string, text: string | number, path: Path): FieldError[] {
  const value = q(text);
  if (!value) return [];
  const errs: FieldError[] = [];
  if (value.negative) errs.push(invalid(path, String(text), 'must be greater than or equal to 0'));
  if (isIntegerResource(name) && !isWhole(value)) errs.push(invalid(path, String(text), 'must be an integer'));
  return errs;
}

export function validateResourceRequirements(res: ResourceRequirements | undefined, path: Path): FieldError[] {
  const errs: FieldError[] = [];
  const limits = res?.limits ?? {};
  const requests = res?.requests ?? {};
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  for (const [name, value] of Object.entries(limits)) {
    errs.push(...validateResourceName(name, limPath.key(name)));
    errs.push(...validateQuantityValue(name, value, limPath.key(name)));
  }
  for (const [name, value] of Object.entries(requests)) {
    errs.push(...validateResourceName(name, reqPath.key(name)));
    errs.push(...validateQuantityValue(name, value, reqPath.key(name)));
    const request = q(value);
    const limitText = limits[name];
    if (limitText !== undefined) {
      const limit = q(limitText);
      if (!request || !limit) continue;
      const cmp = compareQuantities(request, limit);
      if (cmp !== 0 && !overcommitAllowed(name)) {
        errs.push(invalid(reqPath, String(value), `must be equal to ${name} limit of ${limitText}`));
      } else if (cmp > 0) {
        errs.push(invalid(reqPath, String(value), `must be less than or equal to ${name} limit of ${limitText}`));
      }
    } else if (!overcommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}

/** qos.ComputePodQOS: Guaranteed, Burstable or BestEffort from cpu and memory of every container. */
export function computeQosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const all: Container[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  const add = (into: Map<string, Quantity>, name: string, value: Quantity) => {
    const prev = into.get(name);
    into.set(name, prev ? addQuantities(prev, value) : value);
  };
  for (const c of all) {
    for (const [name, text] of Object.entries(c.resources?.requests ?? {})) {
      const value = q(text);
      if ((name === 'cpu' || name === 'memory') && value && !value.negative && !isZero(value)) add(requests, name, value);
    }
    const found = new Set<string>();
    for (const [name, text] of Object.entries(c.resources?.limits ?? {})) {
      const value = q(text);
      if ((name === 'cpu' || name === 'memory') && value && !value.negative && !isZero(value)) {
        found.add(name);
        add(limits, name, value);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantities(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
