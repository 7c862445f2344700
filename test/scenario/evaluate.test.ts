/** Conditions of expect/until against a fake cluster: every field of the get form and of the output form. */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { KubeObject } from '../../src/api/types/index.ts';
import { parseYamlDocument } from '../../src/manifest/yaml-source.ts';
import { compileConditions } from '../../src/scenario/conditions.ts';
import { DiagnosticList, formatDiagnostic } from '../../src/scenario/diagnostics.ts';
import { evaluate } from '../../src/scenario/evaluate.ts';
import { FakeHost, fakeToolkit } from './fake-host.ts';

let host: FakeHost;

function pod(ns: string, name: string, extra: { labels?: Record<string, string>; phase?: string; node?: string; annotations?: Record<string, string>; deleting?: boolean } = {}): void {
  host.put({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      ...(extra.labels ? { labels: extra.labels } : {}),
      ...(extra.annotations ? { annotations: extra.annotations } : {}),
      ...(extra.deleting ? { deletionTimestamp: '2025-01-06T09:00:00Z' } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }], ...(extra.node ? { nodeName: extra.node } : {}) },
    status: { phase: extra.phase ?? 'Running', ready: true },
  } as KubeObject);
}

/** Compiles one condition written as YAML (as in a scenario) and evaluates it now. */
function check(yaml: string) {
  const doc = parseYamlDocument(yaml, { file: 'cond.yaml' });
  const out = new DiagnosticList(doc);
  const conditions = compileConditions(doc.value, [], fakeToolkit, out);
  assert.deepEqual(out.sorted().map(formatDiagnostic), []);
  assert.equal(conditions!.length, 1);
  return evaluate(conditions![0].written, host);
}

beforeEach(() => {
  host = new FakeHost({ seed: 1, images: [], namespace: 'ott' });
  pod('ott', 'member-0', { labels: { app: 'member', tier: 'web' }, node: 'worker1' });
  pod('ott', 'member-1', { labels: { app: 'member', tier: 'web' }, node: 'worker2', phase: 'Pending' });
  pod('ott', 'db-0', { labels: { app: 'db' }, node: 'worker1', annotations: { 'deployment.kubernetes.io/revision': '3' } });
  pod('default', 'member-0', { labels: { app: 'member' }, node: 'worker2' });
});

describe('get conditions', () => {
  it('without count, names, all or match: at least one object', () => {
    assert.equal(check('{get: pods}').ok, true);
    const r = check('{get: deploy}');
    assert.equal(r.ok, false);
    assert.equal(r.detail, 'expected at least one deployment, found none');
  });

  it('name, and get: kind/name, in the current namespace by default', () => {
    assert.equal(check('{get: pod/db-0}').ok, true);
    assert.equal(check('{get: pods, name: db-0}').ok, true);
    const r = check('{get: po/db-0, namespace: default}');
    assert.equal(r.ok, false);
    assert.equal(r.summary, 'pods db-0 -n default: exists');
    assert.equal(r.detail, 'expected at least one pod named db-0, found none');
  });

  it('namespace "*" looks in every namespace and names objects namespace/name', () => {
    const r = check('{get: pods, namespace: "*", selector: app=member, count: 2}');
    assert.equal(r.ok, false);
    assert.equal(r.detail, 'expected count 2, found 3 [default/member-0, ott/member-0, ott/member-1]');
  });

  it('selector in kubectl syntax', () => {
    assert.equal(check('{get: pods, selector: "app=member,tier!=db", count: 2}').ok, true);
    assert.equal(check('{get: pods, selector: "app in (db, cache)", names: [db-0]}').ok, true);
    assert.equal(check('{get: pods, selector: "!tier", names: db-0}').ok, true);
  });

  it('names: exactly these, in any order, with expected and found on failure', () => {
    assert.equal(check('{get: pods, selector: app=member, names: [member-1, member-0]}').ok, true);
    const r = check('{get: pods, selector: app=member, names: [member-0, member-1, member-2]}');
    assert.equal(r.detail, 'expected names [member-0, member-1, member-2], found [member-0, member-1]');
  });

  it('where filters before counting', () => {
    assert.equal(check('{get: pods, where: {spec.nodeName: worker1}, names: [db-0, member-0]}').ok, true);
    assert.equal(check('{get: pods, where: {status.phase: Pending}, count: 1}').ok, true);
    assert.equal(check('{get: pods, where: {spec.nodeName: worker9}, count: 0}').ok, true);
  });

  it('all: every matched object, and at least one', () => {
    assert.equal(check('{get: pods, selector: app=db, all: {status.phase: Running}}').ok, true);
    const r = check('{get: pods, selector: app=member, all: {status.phase: Running}}');
    assert.equal(r.detail, 'expected status.phase Running, found member-1: Pending');
    assert.equal(check('{get: pods, selector: app=none, all: {status.phase: Running}}').detail, 'expected at least one pod, found none');
  });

  it('match: a regular expression on every matched object', () => {
    assert.equal(check('{get: pods, selector: app=member, match: {metadata.name: "^member-[0-9]+$"}}').ok, true);
    const r = check('{get: pods, match: {metadata.name: "^member-"}}');
    assert.equal(r.detail, 'expected metadata.name to match /^member-/, found db-0: db-0');
    assert.equal(check('{get: pods, name: db-0, match: {spec.nodeName: "worker"}}').ok, true);
    assert.equal(check('{get: pods, name: db-0, match: {status.missing: ".*"}}').ok, false);
  });

  it('field paths with list indexes and escaped dots', () => {
    assert.equal(check('{get: pod/db-0, all: {spec.containers.0.image: "nginx:1.25"}}').ok, true);
    assert.equal(check('get: pod/db-0\nall:\n  spec.containers[0].ports.0.containerPort: 80\n').ok, true);
    assert.equal(check('{get: pod/db-0, all: {metadata.annotations.deployment\\.kubernetes\\.io/revision: 3}}').ok, true);
  });

  it('values compare as YAML scalars; null matches an absent field', () => {
    assert.equal(check('{get: pod/db-0, all: {spec.containers.0.ports.0.containerPort: "80"}}').ok, true);
    assert.equal(check('{get: pod/db-0, all: {status.ready: "true"}}').ok, true);
    assert.equal(check('{get: pod/db-0, all: {status.ready: True}}').ok, true);
    assert.equal(check('{get: pod/db-0, all: {metadata.deletionTimestamp: null}}').ok, true);
    const r = check('{get: pod/db-0, all: {spec.nodeName: null}}');
    assert.equal(r.detail, 'expected spec.nodeName null, found db-0: worker1');
  });

  it('capital keys are the columns of kubectl get -o wide', () => {
    assert.equal(check('{get: pods, selector: app=member, where: {STATUS: Running}, names: [member-0]}').ok, true);
    const r = check('{get: pods, selector: app=member, all: {NODE: worker1}}');
    assert.equal(r.detail, 'expected NODE worker1, found member-1: worker2');
  });

  it('Terminating objects still count', () => {
    pod('ott', 'old-0', { labels: { app: 'old' }, deleting: true });
    assert.equal(check('{get: pods, selector: app=old, count: 1}').ok, true);
  });

  it('the current namespace follows kubectl config set-context', () => {
    host.kubectl('config set-context --current --namespace=default');
    assert.equal(check('{get: pods, names: [member-0]}').ok, true);
  });

  it('cluster-scoped kinds ignore namespace', () => {
    host.put({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker1' } } as KubeObject);
    assert.equal(check('{get: nodes, namespace: ott, names: [worker1]}').ok, true);
  });
});

describe('output conditions', () => {
  it('contains, notContains and matches (multiline) on what the command prints', () => {
    assert.equal(check('{output: get pods, contains: [member-0, Running], notContains: nope, matches: "^db-0 +Running$"}').ok, true);
    const r = check('{output: get pods, contains: Failed, notContains: [Pending], matches: "^zzz"}');
    assert.equal(r.ok, false);
    assert.equal(r.detail, 'expected the output to contain "Failed"; expected the output not to contain "Pending"; expected the output to match /^zzz/');
    assert.match(r.output!, /member-1 +Pending/);
  });

  it('errors are part of the output', () => {
    assert.equal(check('{output: fail, contains: "NotFound"}').ok, true);
  });
});
