/**
 * The player end to end on kubesim's real cluster (real-host.ts): the fixtures under
 * fixtures/real play as expected, the same file twice gives the same output and dump, and the
 * real manifest checker's errors land on the scenario's own lines.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createRealHost, realToolkit } from '../../src/scenario/real-host.ts';
import { listJson } from '../../src/scenario/dump.ts';
import { runScenarios, type RunOptions } from '../../src/scenario/run.ts';

const REAL = 'test/scenario/fixtures/real';

function run(files: string[], opts: RunOptions = {}) {
  const lines: string[] = [];
  const summary = runScenarios(files, opts, {
    readFile: (p) => readFileSync(p, 'utf8'),
    toolkit: realToolkit,
    createHost: createRealHost,
    write: (l) => lines.push(l),
  });
  return { ...summary, lines, text: lines.join('\n') };
}

describe('scenarios on the real cluster', () => {
  for (const name of ['pod-basics', 'deployment-scaling', 'nodes-and-static-pods', 'image-ports']) {
    it(`${name}.yaml passes`, () => {
      const r = run([`${REAL}/${name}.yaml`]);
      assert.equal(r.exitCode, 0, r.text);
      assert.equal(r.lines.at(-1), '1 passed, 0 failed');
    });
  }

  it('warnings print before the output they precede, as on a terminal', () => {
    const r = run([`${REAL}/output-order.yaml`]);
    assert.equal(r.exitCode, 0, r.text);
    const after = (step: string, n: number) => {
      const i = r.lines.findIndex((l) => l.includes(step));
      return r.lines.slice(i + 1, i + 1 + n);
    };
    assert.deepEqual(after('$ kubectl delete pod a --grace-period=0 --force', 2), [
      '        Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
      '        pod "a" force deleted',
    ]);
    assert.deepEqual(after('$ kubectl set image deployment/web nginx=nginx:1.27 --record', 2), [
      '        Flag --record has been deprecated, --record will be removed in the future',
      '        deployment.apps/web image updated',
    ]);
  });

  it('a check that does not hold fails with expected and found', () => {
    const r = run([`${REAL}/fails.yaml`]);
    assert.equal(r.exitCode, 1);
    assert.ok(r.lines.includes('            expected names [web, web-2], found [web]'), r.text);
  });

  it('manifest errors from the real checker name the scenario line and column of the inline block', () => {
    const r = run([`${REAL}/invalid.yaml`], { validateOnly: true });
    assert.equal(r.exitCode, 2);
    assert.deepEqual(r.lines, [
      `${REAL}/invalid.yaml:10:13: Pod "web" is invalid: spec.containers[0].image: Required value`,
      `${REAL}/invalid.yaml:11:11: steps[1].wait: invalid duration "30x" (write 30s, 2m, 1h30m)`,
      `--- FAIL: ${REAL}/invalid.yaml: invalid (2 problems), nothing was run`,
      '0 valid, 1 invalid',
    ]);
  });

  it('columns in conditions are checked against the printers', () => {
    const lines: string[] = [];
    const text = 'name: c\nsteps:\n  - expect: {get: deploy, all: {READY: 1/1, LAST SCHEDULE: x}}\n';
    const r = runScenarios(['c.yaml'], { validateOnly: true }, {
      readFile: () => text,
      toolkit: realToolkit,
      createHost: createRealHost,
      write: (l) => lines.push(l),
    });
    assert.equal(r.exitCode, 2);
    assert.match(lines[0], /^c\.yaml:3:45: steps\[0\]\.expect\.all\["LAST SCHEDULE"\]: deployments have no column LAST SCHEDULE in kubectl get -o wide \(columns: NAME, READY, UP-TO-DATE, AVAILABLE, AGE, CONTAINERS, IMAGES, SELECTOR\)$/);
  });

  it('the same file twice: the same output and the same dump, with every object', () => {
    const a = run([`${REAL}/deployment-scaling.yaml`], { dump: true });
    const b = run([`${REAL}/deployment-scaling.yaml`], { dump: true });
    assert.equal(a.text, b.text);
    const dump = listJson(a.files[0].dump!);
    assert.equal(dump, listJson(b.files[0].dump!));
    const kinds = new Set(a.files[0].dump!.items.map((o) => `${o.apiVersion}/${o.kind}`));
    for (const k of ['v1/Namespace', 'v1/Node', 'v1/Pod', 'apps/v1/Deployment', 'apps/v1/ReplicaSet', 'v1/Event', 'v1/ServiceAccount']) {
      assert.ok(kinds.has(k), `${k} in ${[...kinds].join(', ')}`);
    }
  });
});
