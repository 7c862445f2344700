import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManifestError, parseManifests, toManifestError, YamlSyntaxError } from '../../src/manifest/index.ts';

const at = (e: unknown) => {
  const m = toManifestError(e);
  assert.ok(m, `expected a manifest error, got ${String(e)}`);
  return `${m.file}:${m.line}:${m.column}: ${m.detail}`;
};

test('several documents, empty ones skipped, each object keeps its positions', () => {
  const text = '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ott\n---\n---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n';
  const ms = parseManifests(text, { file: 'x.yaml' });
  assert.deepEqual(ms.map((m) => `${m.index}:${m.object.kind}/${m.object.metadata.name}`), ['0:Namespace/ott', '1:ConfigMap/cfg']);
  assert.deepEqual(ms[1].doc.locate(['data', 'a']), { file: 'x.yaml', line: 15, column: 6 });
  assert.deepEqual(ms[1].doc.locate(['data', 'a'], { key: true }), { file: 'x.yaml', line: 15, column: 3 });
});

test('a List is expanded into its items, which keep their positions in the file', () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: b\n';
  const ms = parseManifests(text, { file: 'l.yaml' });
  assert.deepEqual(ms.map((m) => m.object.metadata.name), ['a', 'b']);
  assert.deepEqual(ms[1].doc.locate(['metadata', 'name']), { file: 'l.yaml', line: 10, column: 11 });
  assert.deepEqual(ms[1].doc.start, { file: 'l.yaml', line: 7, column: 3 });
  assert.equal(parseManifests('apiVersion: v1\nkind: PodList\nitems: []\n', { file: 'e.yaml' }).length, 0);
});

test('a document without kind or apiVersion, or that is not a map, is an error at its start', () => {
  assert.throws(
    () => parseManifests('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n\napiVersion: v1\nmetadata:\n  name: b\n', { file: 'k.yaml' }),
    (e) => at(e) === `k.yaml:6:1: Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"b"}}'`,
  );
  assert.throws(
    () => parseManifests('kind: Pod\nmetadata: {name: p}\n', { file: 'v.yaml' }),
    (e) => at(e) === `v.yaml:1:1: Object 'apiVersion' is missing in '{"kind":"Pod","metadata":{"name":"p"}}'`,
  );
  assert.throws(
    () => parseManifests('just text\n', { file: 's.yaml' }),
    (e) => e instanceof ManifestError && at(e).startsWith('s.yaml:1:1: couldn\'t get version/kind; json parse error: json: cannot unmarshal string into Go value of type struct'),
  );
});

test('YAML syntax errors carry their position', () => {
  assert.throws(
    () => parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n', { file: 'd.yaml' }),
    (e) => e instanceof YamlSyntaxError && e.position.file === 'd.yaml' && e.position.line === 5,
  );
  assert.throws(
    () => parseManifests('apiVersion: v1\nkind: [Pod\n', { file: 'b.yaml' }),
    (e) => e instanceof YamlSyntaxError && e.position.line >= 2,
  );
});

test('inline text reports positions in the outer file', () => {
  // As in a scenario:  `  - apply: |` on line 8, the block's text from line 9, indented 8 columns.
  const ms = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n', { file: 'scenario.yaml', line: 9, column: 8 });
  assert.deepEqual(ms[0].doc.locate(['metadata', 'name']), { file: 'scenario.yaml', line: 12, column: 17 });
  assert.throws(
    () => parseManifests('apiVersion: v1\nmetadata: {name: x}\n', { file: 'scenario.yaml', line: 9, column: 8 }),
    (e) => at(e).startsWith('scenario.yaml:9:9: Object \'Kind\' is missing'),
  );
});

test('YAML 1.1 timestamps become RFC 3339 strings, as Kubernetes decodes them', () => {
  const ms = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    at: 2026-03-02T09:00:00Z\n', { file: 't.yaml' });
  assert.equal(ms[0].object.metadata.annotations?.at, '2026-03-02T09:00:00Z');
});
