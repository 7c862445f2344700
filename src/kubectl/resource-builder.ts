/**
 * Which objects a command is about, as kubectl's resource Builder works it out from the arguments
 * (cli-runtime resource/builder.go):
 *
 *   get pods                    every pod (an empty selector), when the command allows it
 *   get pods a b / get pod/a    by name; get deploy,svc x → deployment/x and service/x
 *   get pods -l app=web         by selector (label and/or field)
 *   delete pods --all           every pod
 *   get all                     the "all" category: pods, services, daemonsets, deployments, ...
 *   -f FILE                     the objects of manifest files
 *
 * Argument mistakes are refused with the Builder's words; objects that cannot be fetched are
 * per-item errors (kubectl continues with the others and reports them at the end).
 */
import { findKind, resolveResource, type KindInfo } from '../api/kinds.ts';
import { parseSelector, SelectorError, type Selector } from '../api/selector.ts';
import type { KubeObject } from '../api/types/index.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { CommandContext } from './context.ts';
import { KubectlError } from './errors.ts';
import { FieldSelectorError, matchesFields, parseFieldSelector, unsupportedField, type FieldRequirement } from './field-selector.ts';
import { readManifestFiles } from './manifest-files.ts';

export interface Target {
  info: KindInfo;
  /** '' for cluster-scoped kinds. */
  namespace: string;
  name: string;
  /** The live object; absent when the command did not ask for it. */
  object?: KubeObject;
  /** The object as written in a manifest file (for -f). */
  manifest?: KubeObject;
  /** The file it came from ('' for arguments). */
  source: string;
}

export interface BuildOptions {
  /** ResourceTypeOrNameArgs(true, ...): a bare type means "all of them". */
  allowEmptySelector?: boolean;
  selector?: string;
  fieldSelector?: string;
  /** --all */
  all?: boolean;
  allNamespaces?: boolean;
  filenames?: string[];
  /** Fetch the live objects (kubectl's Latest(), or a visit by name). Default true. */
  fetch?: boolean;
  /** SingleResourceType(): `you may only specify a single resource type`. */
  singleResourceType?: boolean;
}

export interface BuildResult {
  targets: Target[];
  /** Per-item errors (NotFound...), reported after the rest is done. */
  errors: Error[];
  /** One object named, so -o yaml prints it rather than a List. */
  singleItemImplied: boolean;
  /**
   * The kinds listed (by type or selector), found objects or not: each list request is one of
   * kubectl's resource infos, so `get cronjob,job,pod` prints kind/name even when only one kind
   * has objects (multipleGVKsRequested).
   */
  listedKinds?: KindInfo[];
}

const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** The "all" category, in discovery order (core, apps, batch; resources by name in each group). */
export const CATEGORY_ALL = ['pods', 'services', 'daemonsets.apps', 'deployments.apps', 'replicasets.apps', 'statefulsets.apps', 'cronjobs.batch', 'jobs.batch'];

/** RESTMapper: a resource name as typed → its kind, or kubectl's error. */
export function mappingFor(resource: string): KindInfo {
  const info = resolveResource(resource) ?? resolveResource(resource.replace(/\.v1(beta\d|alpha\d)?(\.|$)/, '$2').replace(/\.$/, ''));
  if (!info) throw new KubectlError(`the server doesn't have a resource type "${resource.split('.')[0]}"`);
  return info;
}

export function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

export function buildTargets(ctx: CommandContext, args: string[], opts: BuildOptions = {}): BuildResult {
  const fetch = opts.fetch ?? true;
  const namespace = opts.allNamespaces ? '' : ctx.namespace;
  if (opts.filenames && opts.filenames.length > 0) {
    if (args.length > 0) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    return fromFiles(ctx, opts.filenames, fetch);
  }

  let tuples: { resource: string; name: string }[] = [];
  let types: string[] = [];
  let names: string[] = [];
  args = normalizeMultipleResourcesArgs(args);
  const slashes = args.filter((a) => a.includes('/')).length;
  if (slashes > 0) {
    if (slashes !== args.length) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    tuples = args.map(splitTuple);
  } else if (args.length > 0) {
    types = splitResourceArgument(replaceAliases(args[0]));
    names = args.slice(1);
  }
  let selector = opts.selector;
  if (args.length === 1 && slashes === 0 && selector === undefined && opts.allowEmptySelector) selector = '';
  if (opts.all) {
    if (opts.selector) throw new KubectlError(`found non-empty label selector "${opts.selector}" with previously set 'all' parameter. `);
    selector = '';
  }
  const fieldSelector = opts.fieldSelector;

  if (selector !== undefined || fieldSelector !== undefined) {
    if (names.length > 0) throw new KubectlError('name cannot be provided when a selector is specified');
    if (tuples.length > 0) throw new KubectlError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (types.length === 0) throw new KubectlError('at least one resource must be specified to use a selector');
    const infos = mappings(types, opts.singleResourceType);
    return bySelector(ctx, infos, namespace, selector ?? '', fieldSelector ?? '');
  }
  if (tuples.length > 0) {
    const infos = tuples.map((t) => mappingFor(t.resource));
    if (opts.singleResourceType && new Set(infos.map((i) => i.kind)).size > 1) throw new KubectlError('you may only specify a single resource type');
    const targets = tuples.map((t, i) => ({ info: infos[i], namespace: nsFor(infos[i], namespace, opts), name: t.name, source: '' }));
    return fetchAll(ctx, targets, fetch, tuples.length === 1);
  }
  if (names.length > 0) {
    if (types.length > 1) throw new KubectlError('you must specify only one resource');
    const info = mappingFor(types[0]);
    const targets = names.map((name) => ({ info, namespace: nsFor(info, namespace, opts), name, source: '' }));
    return fetchAll(ctx, targets, fetch, names.length === 1);
  }
  if (types.length > 0) {
    for (const t of types) mappingFor(t);
    throw new KubectlError('resource(s) were provided, but no name was specified');
  }
  throw new KubectlError(MISSING_RESOURCE);
}

function nsFor(info: KindInfo, namespace: string, opts: BuildOptions): string {
  if (!info.namespaced) return '';
  if (namespace === '') {
    throw new KubectlError(opts.allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name');
  }
  return namespace;
}

function mappings(types: string[], single: boolean | undefined): KindInfo[] {
  const out: KindInfo[] = [];
  for (const t of types) {
    const info = mappingFor(t);
    if (!out.includes(info)) out.push(info);
  }
  if (single && out.length > 1) throw new KubectlError('you may only specify a single resource type');
  return out;
}

/** `a,b x y` → a/x a/y b/x b/y (normalizeMultipleResourcesArgs). */
function normalizeMultipleResourcesArgs(args: string[]): string[] {
  if (args.length < 2) return args;
  const resources = splitResourceArgument(args[0]);
  if (resources.length <= 1) return args;
  const out: string[] = [];
  for (const r of resources) for (const n of args.slice(1)) out.push(`${r}/${n}`);
  return out;
}

function splitTuple(s: string): { resource: string; name: string } {
  const seg = s.split('/');
  if (seg.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash');
  const [resource, name] = seg;
  if (!resource || !name || splitResourceArgument(resource).length !== 1) {
    throw new KubectlError('arguments in resource/name form must have a single resource and name');
  }
  return { resource, name };
}

/** Category expansion: `all` → its resources. */
function replaceAliases(arg: string): string {
  return arg
    .split(',')
    .map((a) => (a === 'all' ? CATEGORY_ALL.join(',') : a))
    .join(',');
}

function bySelector(ctx: CommandContext, infos: KindInfo[], namespace: string, labelText: string, fieldText: string): BuildResult {
  const targets: Target[] = [];
  const errors: Error[] = [];
  const listedKinds: KindInfo[] = [];
  for (const info of infos) {
    const subject = `${info.group}/${info.version}, Resource=${info.plural}`;
    const fail = (detail: string) =>
      new ApiError(
        'BadRequest',
        labelText || fieldText
          ? `Unable to find "${subject}" that match label selector "${labelText}", field selector "${fieldText}": ${detail}`
          : `Unable to list "${subject}": ${detail}`,
      );
    let selector: Selector;
    let fields: FieldRequirement[];
    try {
      selector = parseSelector(labelText);
      fields = parseFieldSelector(fieldText);
    } catch (e) {
      if (e instanceof SelectorError || e instanceof FieldSelectorError) {
        errors.push(fail(e.message));
        continue;
      }
      throw e;
    }
    const unsupported = unsupportedField(info.kind, fields);
    if (unsupported) {
      errors.push(fail(unsupported));
      continue;
    }
    const ns = info.namespaced ? namespace : '';
    listedKinds.push(info);
    for (const obj of ctx.api.list(info.kind, ns || undefined, selector)) {
      if (!matchesFields(obj, fields)) continue;
      targets.push({ info, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name, object: obj, source: '' });
    }
  }
  return { targets, errors, singleItemImplied: false, listedKinds };
}

function fetchAll(ctx: CommandContext, targets: Target[], fetch: boolean, single: boolean): BuildResult {
  const out: Target[] = [];
  const errors: Error[] = [];
  for (const t of targets) {
    if (!fetch) {
      out.push(t);
      continue;
    }
    try {
      out.push({ ...t, object: ctx.api.get(t.info.kind, t.namespace, t.name) });
    } catch (e) {
      if (e instanceof ApiError) errors.push(e);
      else throw e;
    }
  }
  return { targets: out, errors, singleItemImplied: single };
}

function fromFiles(ctx: CommandContext, filenames: string[], fetch: boolean): BuildResult {
  const { manifests, errors } = readManifestFiles(ctx, filenames);
  const targets: Target[] = [];
  for (const { object, source } of manifests) {
    const resolved = resolveManifest(ctx, object, source);
    if (resolved instanceof Error) {
      errors.push(resolved);
      continue;
    }
    targets.push(resolved);
  }
  const fetched = fetch ? fetchAll(ctx, targets, true, false) : { targets, errors: [] };
  return { targets: fetched.targets, errors: [...errors, ...fetched.errors], singleItemImplied: filenames.length === 1 && targets.length === 1 };
}

/** A manifest's kind and namespace as the Builder maps them, or the error kubectl reports. */
export function resolveManifest(ctx: CommandContext, object: KubeObject, source: string): Target | Error {
  const info = findKind(object.kind);
  const meta = object.metadata ?? ({} as KubeObject['metadata']);
  const name = meta.name ?? '';
  if (!info || info.apiVersion !== object.apiVersion) {
    return new KubectlError(
      `resource mapping not found for name: "${name}" namespace: "${meta.namespace ?? ''}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  let namespace = '';
  if (info.namespaced) {
    const own = meta.namespace ?? '';
    if (own && ctx.explicitNamespace && own !== ctx.namespace) {
      return new KubectlError(
        `the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
      );
    }
    namespace = own || ctx.namespace;
  }
  const manifest = { ...object, metadata: { ...meta, ...(info.namespaced ? { namespace } : {}) } } as KubeObject;
  if (!info.namespaced) delete (manifest.metadata as { namespace?: string }).namespace;
  return { info, namespace, name, manifest, source };
}

