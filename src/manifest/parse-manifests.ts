/**
 * Manifest files as kubectl reads them: several YAML documents separated by `---`, empty documents
 * skipped, a `kind: List` (or `PodList`, `DeploymentList`...) expanded into its items. Every object
 * keeps its YAML document, so a later error can name the file, line and column of the field it is
 * about, even for an item of a List or a manifest written inline in a scenario file.
 *
 * A document that is not a map, or has no `kind` or `apiVersion`, is refused with kubectl's
 * message and its position: `x.yaml:3:1: Object 'Kind' is missing in '{"metadata":{"name":"a"}}'`.
 * YAML syntax errors are thrown by yaml-source as YamlSyntaxError.
 */
import { canonicalJson } from '../api/names.ts';
import type { KubeObject } from '../api/types/index.ts';
import { ManifestError } from './manifest-error.ts';
import { parseYamlDocuments, type Origin, type PathSegment, type YamlDoc } from './yaml-source.ts';

export interface LocatedManifest {
  /** The object as written (plain JSON data). */
  object: KubeObject;
  /** Its YAML document: `doc.locate(['spec', 'replicas'])` is where that field is written. */
  doc: YamlDoc;
  /** Its position among the objects of the text, from 0 (List items counted one by one). */
  index: number;
}

const GO_TYPE_STRUCT = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

export function parseManifests(text: string, origin: Origin): LocatedManifest[] {
  const out: LocatedManifest[] = [];
  for (const doc of parseYamlDocuments(text, origin)) {
    const value = normalize(doc.value);
    const typed = checkTyped(value, doc);
    if (isListKind(typed.kind)) {
      const items = (value as { items?: unknown }).items;
      if (items === undefined || items === null) continue;
      if (!Array.isArray(items)) {
        throw new ManifestError(doc.locate(['items']), `json: cannot unmarshal ${jsonType(items)} into Go struct field List.items of type []runtime.RawExtension`);
      }
      items.forEach((item, i) => {
        const sub = subDocument(doc, ['items', i], item);
        const obj = checkTyped(item, sub);
        out.push({ object: obj, doc: sub, index: out.length });
      });
      continue;
    }
    out.push({ object: typed, doc: { ...doc, value }, index: out.length });
  }
  return out;
}

function isListKind(kind: string): boolean {
  return kind === 'List' || (kind.endsWith('List') && kind.length > 4);
}

/** The object's own document when it is an item of a List: paths are relative to the item. */
function subDocument(doc: YamlDoc, prefix: PathSegment[], value: unknown): YamlDoc {
  return {
    value,
    start: doc.locate(prefix),
    locate: (path, opts) => doc.locate([...prefix, ...path], opts),
  };
}

/** kubectl's decoder: a map with a kind and an apiVersion. */
function checkTyped(value: unknown, doc: YamlDoc): KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ManifestError(doc.start, `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonType(value)} into Go value of type ${GO_TYPE_STRUCT}`);
  }
  const obj = value as Record<string, unknown>;
  for (const field of ['apiVersion', 'kind'] as const) {
    const v = obj[field];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      throw new ManifestError(doc.locate([field]), `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonType(v)} into Go struct field .${field} of type string`);
    }
  }
  if (!obj.kind) throw new ManifestError(doc.start, `Object 'Kind' is missing in '${canonicalJson(obj)}'`);
  if (!obj.apiVersion) throw new ManifestError(doc.start, `Object 'apiVersion' is missing in '${canonicalJson(obj)}'`);
  return obj as unknown as KubeObject;
}

/** The JSON type names Go's encoding/json uses in its errors. */
function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/**
 * YAML 1.1 timestamps come out of the parser as Dates; Kubernetes turns them into RFC 3339
 * strings (go-yaml's time.Time marshalled to JSON), so a manifest never holds a Date.
 */
function normalize(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace('.000Z', 'Z');
  if (Array.isArray(v)) return v.map(normalize);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = normalize(x);
    return out;
  }
  return v;
}
