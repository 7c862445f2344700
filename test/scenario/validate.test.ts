/**
 * Every kind of invalid scenario file is refused before anything runs, each problem as
 * FILE:LINE:COLUMN: FIELD: WHAT, with positions in the file where the problem is (the scenario,
 * an inline manifest in it, or a manifest file it names).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { formatDiagnostic } from '../../src/scenario/diagnostics.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { fakeToolkit } from './fake-host.ts';

const DIR = 'test/scenario/fixtures/invalid';

function problems(name: string): string[] {
  const file = `${DIR}/${name}`;
  const r = loadScenario(file, readFileSync(file, 'utf8'), fakeToolkit, (p) => readFileSync(p, 'utf8'));
  assert.equal(r.ok, false, `${name} should be invalid`);
  return r.ok ? [] : r.diagnostics.map((d) => formatDiagnostic(d).replace(`${DIR}/`, '').replace('test/scenario/fixtures/', ''));
}

describe('invalid scenario files', () => {
  it('YAML syntax errors name the line and column', () => {
    const [p, ...rest] = problems('yaml-syntax.yaml');
    assert.equal(rest.length, 0);
    assert.match(p, /^yaml-syntax\.yaml:5:1: invalid YAML: Flow sequence/);
  });

  it('image entries: ports are whole numbers 1-65535, portEnv a variable name, tags not empty', () => {
    assert.deepEqual(problems('image-fields.yaml'), [
      'image-fields.yaml:5:15: cluster.images[0].ports[0]: must be at least 1 (found the number 0)',
      'image-fields.yaml:5:18: cluster.images[0].ports[1]: expected a whole number, found the number 3.5',
      'image-fields.yaml:6:16: cluster.images[0].portEnv: expected an environment variable name',
      'image-fields.yaml:7:13: cluster.images[0].tags: must be at least 1 (found a list)',
    ]);
  });

  it('required fields', () => {
    assert.deepEqual(problems('missing-fields.yaml'), [
      'missing-fields.yaml:1:1: name: required field is missing',
      'missing-fields.yaml:1:1: steps: required field is missing',
    ]);
  });

  it('unknown keys, at the key, anywhere in the file; modifiers on the wrong step', () => {
    assert.deepEqual(problems('unknown-keys.yaml'), [
      'unknown-keys.yaml:2:1: nmae: unknown field (known: name, description, seed, start, namespace, cluster, steps)',
      'unknown-keys.yaml:6:7: cluster.nodes[0].roles: unknown field (known: name, role, labels, taints, capacity, staticPods)',
      'unknown-keys.yaml:9:5: steps[0].output: unknown field (a step takes one of apply, create, delete, kubectl, sim, wait, until, expect, note, pause)',
      'unknown-keys.yaml:11:5: steps[1].timeout: timeout goes only with until',
      'unknown-keys.yaml:13:12: steps[2].fails: expected a string, found the boolean true',
      'unknown-keys.yaml:14:25: steps[3].expect.cuont: unknown field (known: get, name, namespace, selector, where, count, names, all, match)',
    ]);
  });

  it('a step has exactly one action', () => {
    assert.deepEqual(problems('two-actions.yaml'), [
      'two-actions.yaml:4:5: steps[0].kubectl: a step has exactly one action, found apply and kubectl',
      'two-actions.yaml:5:5: steps[1]: a step needs one action: apply, create, delete, kubectl, sim, wait, until, expect, note, pause',
      'two-actions.yaml:6:5: steps[2]: expected a step (a map with one of apply, create, delete, kubectl, sim, wait, until, expect, note, pause), found the string "wait 30s"',
    ]);
  });

  it('bad durations', () => {
    assert.deepEqual(problems('bad-durations.yaml'), [
      'bad-durations.yaml:3:11: steps[0].wait: invalid duration "30x" (write 30s, 2m, 1h30m)',
      'bad-durations.yaml:5:14: steps[1].timeout: invalid duration "soon" (write 30s, 2m, 1h30m)',
      'bad-durations.yaml:6:11: steps[2].wait: expected a duration, found a list (write 30s, 2m, 1h30m)',
    ]);
  });

  it('bad conditions: resource, selector, name conflict, regex, column, field path, count, form', () => {
    assert.deepEqual(problems('bad-conditions.yaml'), [
      `bad-conditions.yaml:4:14: steps[0].expect[0].get: the server doesn't have a resource type "widgets"`,
      `bad-conditions.yaml:6:19: steps[0].expect[1].selector: unable to parse requirement: found 'app in (a', expected: in, notin, =, ==, !=, gt, lt`,
      'bad-conditions.yaml:8:15: steps[0].expect[2].name: conflicts with get: pod/web (name it once)',
      'bad-conditions.yaml:10:32: steps[0].expect[3].match["metadata.name"]: invalid regular expression: /^web-[0-9+$/: Unterminated character class',
      'bad-conditions.yaml:12:15: steps[0].expect[4].all.STATUSES: pods have no column STATUSES in kubectl get -o wide (columns: NAME, READY, STATUS, RESTARTS, AGE, IP, NODE, NOMINATED NODE, READINESS GATES)',
      'bad-conditions.yaml:14:17: steps[0].expect[5].where["spec..nodeName"]: empty segment in field path "spec..nodeName"',
      'bad-conditions.yaml:16:16: steps[0].expect[6].count: must be at least 0 (found the number -1)',
      'bad-conditions.yaml:18:9: steps[1].until[0]: an output condition needs contains, notContains or matches',
      'bad-conditions.yaml:19:9: steps[1].until[1]: a condition needs get: (objects) or output: (a kubectl command)',
      'bad-conditions.yaml:21:18: steps[1].until[2].matches: invalid regular expression: /(unclosed/m: Unterminated group',
    ]);
  });

  it('bad sim actions, and manifest: only with sim: static add', () => {
    assert.deepEqual(problems('bad-sim.yaml'), [
      'bad-sim.yaml:3:10: steps[0].sim: unknown simulation action "node explode worker1"',
      'bad-sim.yaml:4:5: steps[1]: sim: static add needs a manifest: key (a path or inline YAML)',
      'bad-sim.yaml:6:5: steps[2].manifest: only a sim: static add step takes manifest',
    ]);
  });

  it('an inline manifest reports positions in the scenario file', () => {
    // Line 9, column 9 is `labels:` under `metadata:` of the | block, where the name is missing.
    assert.deepEqual(problems('bad-inline-manifest.yaml'), ['bad-inline-manifest.yaml:9:9: metadata.name: Required value: name is required']);
  });

  it('a manifest file reports positions in that file, once however often it is named; a missing file is named', () => {
    assert.deepEqual(problems('bad-manifest-file.yaml'), [
      'bad-manifest-file.yaml:5:12: steps[0].apply: cannot read manifests/missing.yaml: no such file',
      'manifests/bad-pod.yaml:1:1: spec.containers: Required value',
      'manifests/bad-pod.yaml:9:3: metadata.name: Required value: name is required',
    ]);
  });

  it('wrong types and values in the top level and the cluster', () => {
    assert.deepEqual(problems('wrong-types.yaml'), [
      'wrong-types.yaml:2:7: seed: expected a number or a string (found the boolean true)',
      'wrong-types.yaml:3:8: start: invalid time "next monday" (expected RFC 3339, such as 2026-03-02T09:00:00Z)',
      'wrong-types.yaml:4:12: namespace: must be a lowercase RFC 1123 label (e.g. ott)',
      'wrong-types.yaml:8:23: cluster.nodes[0].capacity.cpu: expected a quantity such as "4", "500m" or "16Gi"',
      'wrong-types.yaml:8:35: cluster.nodes[0].capacity.pods: expected a whole number',
      'wrong-types.yaml:9:41: cluster.nodes[0].taints[0].effect: must be one of NoSchedule, PreferNoSchedule, NoExecute (found the string "NoWhere")',
      'wrong-types.yaml:12:69: cluster.images[0].credentials.password: expected a string, found the number 11111 (quote it: "11111")',
      'wrong-types.yaml:13:12: cluster.images[0].run: expected forever, {seconds, exitCode} or {seconds, failRate} (found the string "never")',
      'wrong-types.yaml:15:22: cluster.images[1].run.seconds: must be at least 0 (found the number -1)',
      'wrong-types.yaml:17:11: steps[0].note: expected a string, found the number 3',
    ]);
  });
});
