/**
 * Playback against the fake host: every step kind, time moving only in wait and until, kubectl
 * failures and `fails:`, until timeouts, the first failure stopping the scenario, quiet mode,
 * exit codes across files, --dump and determinism.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runScenarios, type RunOptions } from '../../src/scenario/run.ts';
import { FakeHost, fakeToolkit, memoryFiles } from './fake-host.ts';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {containers: [{name: web, image: nginx}]}
`;

function play(files: Record<string, string>, names: string[] = Object.keys(files).filter((f) => f.endsWith('.yaml') && !f.startsWith('manifests/')), opts: RunOptions = {}) {
  const lines: string[] = [];
  const hosts: FakeHost[] = [];
  const summary = runScenarios(names, opts, {
    readFile: memoryFiles(files),
    toolkit: fakeToolkit,
    createHost: (o) => {
      const h = new FakeHost(o);
      hosts.push(h);
      return h;
    },
    write: (l) => lines.push(l),
  });
  return { ...summary, lines, text: lines.join('\n'), hosts };
}

const EVERY_STEP = `name: Every step
description: |
  One of each step kind.
namespace: ott
seed: 7
cluster:
  objects: manifests/base.yaml
steps:
  - apply: manifests/pod.yaml
    note: a pod that runs 5s after it is applied
  - until:
      get: pod/web
      all: {status.phase: Running}
    timeout: 1m
  - kubectl: k get pods
  - create: manifests/pod.yaml
    fails: AlreadyExists
  - sim: node stop worker1
  - sim: static add worker1 static-web.yaml
    manifest: |
      apiVersion: v1
      kind: Pod
      metadata: {name: static-web}
      spec: {containers: [{name: web, image: nginx}]}
  - wait: 90s
  - expect:
      - {get: pods, names: [web, base]}
      - {output: get pods, contains: web}
  - note: |
      Two lines
      of narration.
  - pause: look around
  - delete: manifests/pod.yaml
  - expect: {get: pod/web, count: 0}
`;

const FILES = {
  'every.yaml': EVERY_STEP,
  'manifests/pod.yaml': POD,
  'manifests/base.yaml': POD.replace('name: web', 'name: base'),
};

describe('playing a scenario', () => {
  it('runs every step kind and prints each step, its output and each check', () => {
    const r = play(FILES);
    assert.equal(r.exitCode, 0);
    assert.equal(
      r.text,
      `=== Every step (every.yaml)
    One of each step kind.
[   0s] setup, line 7: apply cluster.objects manifests/base.yaml
        pod/base created
[   0s] step 1, line 9: apply manifests/pod.yaml
        note: a pod that runs 5s after it is applied
        pod/web created
[   0s] step 2, line 11: until (timeout 1m)
[   5s]   ✓ pods web: all status.phase=Running
[   5s] step 3, line 15: $ kubectl get pods
        NAME       STATUS
        base       Running
        web        Running
[   5s] step 4, line 16: create manifests/pod.yaml
        Error from server (AlreadyExists): error when creating "manifests/pod.yaml": pods "web" already exists
[   5s]   ✓ failed as expected ("AlreadyExists")
[   5s] step 5, line 18: sim node stop worker1
        done: node stop worker1
[   5s] step 6, line 19: sim static add worker1 static-web.yaml
        done: static add worker1 static-web.yaml
[   5s] step 7, line 25: wait 1m30s
[1m35s] step 8, line 26: expect
[1m35s]   ✓ pods: names [web, base]
[1m35s]   ✓ output of "get pods": contains "web"
[1m35s] step 9, line 29: note: Two lines
        of narration.
[1m35s] step 10, line 32: pause (play does not pause): look around
[1m35s] step 11, line 33: delete manifests/pod.yaml
        pod/web deleted
[1m35s] step 12, line 34: expect
[1m35s]   ✓ pods web: count 0
--- PASS: Every step (every.yaml): 12 steps, 5 checks, 1m35s of virtual time
1 passed, 0 failed`,
    );
  });

  it('passes the scenario settings to the host and inline manifests to sim', () => {
    const r = play(FILES);
    const h = r.hosts[0];
    assert.equal(h.opts.seed, 7);
    assert.equal(h.opts.namespace, 'ott');
    assert.deepEqual(h.log, [
      'apply manifests/base.yaml',
      'apply manifests/pod.yaml',
      'kubectl k get pods',
      'create manifests/pod.yaml',
      'sim node stop worker1',
      'sim static add worker1 static-web.yaml (1 manifests from inline, every.yaml:21:6)',
      'kubectl get pods',
      'delete manifests/pod.yaml',
    ]);
  });

  it('names inline YAML as kubectl names standard input', () => {
    const r = play({ 'a.yaml': `name: inline\nsteps:\n  - create: |\n${POD.replace(/^/gm, '      ')}\n  - create: |\n${POD.replace(/^/gm, '      ')}\n    fails: '"STDIN"'\n` });
    assert.equal(r.exitCode, 0, r.text);
    assert.match(r.text, /step 1, line 3: create \(inline YAML\)/);
    assert.match(r.text, /error when creating "STDIN"/);
  });

  it('time moves only in wait and until', () => {
    const r = play({
      't.yaml': `name: time\nstart: 2026-03-02T09:00:00Z\nsteps:\n  - kubectl: a\n  - wait: 1h30m\n  - kubectl: b\n  - wait: 30\n  - until: {output: x, contains: ran}\n`,
    });
    assert.deepEqual(
      r.lines.filter((l) => l.startsWith('[') && l.includes('] step')).map((l) => l.slice(0, l.indexOf(':'))),
      ['[   0s] step 1, line 4', '[   0s] step 2, line 5', '[1h30m] step 3, line 6', '[1h30m] step 4, line 7', '[1h30m30s] step 5, line 8'],
    );
    assert.equal(r.hosts[0].now(), Date.UTC(2026, 2, 2, 10, 30, 30));
  });
});

describe('stdout and stderr in the order the command wrote them', () => {
  it('the report prints the chunks in order; save: keeps stdout alone', () => {
    const r = play({ 'o.yaml': 'name: order\nsteps:\n  - kubectl: interleave\n    save: OUT\n  - kubectl: echo ${OUT}\n' });
    assert.equal(r.exitCode, 0, r.text);
    assert.equal(
      r.lines.slice(1, 7).join('\n'),
      `[   0s] step 1, line 3: $ kubectl interleave
        node/w cordoned
        Warning: ignoring w-agent
        node/w drained
        saved \${OUT} = node/w cordoned
        node/w drained`,
    );
    assert.deepEqual(r.hosts[0].log, ['kubectl interleave', 'kubectl echo node/w cordoned\nnode/w drained']);
  });

  it('output conditions and fails: read what a terminal shows, in order', () => {
    const r = play({
      'o.yaml':
        'name: order\nsteps:\n  - expect: {output: interleave, matches: "cordoned\\nWarning: ignoring w-agent\\nnode/w drained"}\n  - create: manifests/pod.yaml\n  - create: manifests/two.yaml\n    fails: "pod/other created\\nError from server (AlreadyExists)"\n',
      'manifests/pod.yaml': POD,
      'manifests/two.yaml': `${POD.replace('name: web', 'name: other')}---\n${POD}`,
    });
    assert.equal(r.exitCode, 0, r.text);
  });
});

describe('failing steps', () => {
  it('a kubectl command that fails fails the scenario; later steps are not run', () => {
    const r = play({ 'f.yaml': 'name: fails\nsteps:\n  - kubectl: get pods\n  - kubectl: fail\n  - note: one\n  - note: two\n' });
    assert.equal(r.exitCode, 1);
    assert.equal(
      r.lines.slice(-6).join('\n'),
      `[   0s] step 2, line 4: $ kubectl fail
        Error from server (NotFound): pods "nope" not found
[   0s]   ✗ command failed (exit code 1)
        steps 3-4 not run
--- FAIL: fails (f.yaml): step 2 (line 4) failed
0 passed, 1 failed`,
    );
  });

  it('fails: the command must fail, and with that text', () => {
    const wrong = play({ 'f.yaml': 'name: wrong text\nsteps:\n  - kubectl: fail\n    fails: Forbidden\n' });
    assert.equal(wrong.exitCode, 1);
    assert.match(wrong.text, /✗ expected the error to contain "Forbidden"/);
    const ok = play({ 'f.yaml': 'name: succeeds\nsteps:\n  - kubectl: get pods\n    fails: NotFound\n' });
    assert.equal(ok.exitCode, 1);
    assert.match(ok.text, /✗ expected the command to fail with "NotFound", but it succeeded/);
  });

  it('until fails at the timeout showing what was last seen', () => {
    const r = play({
      'u.yaml': `name: slow\nsteps:\n  - apply: manifests/pod.yaml\n  - until: {get: pods, names: [web, web2]}\n  - note: never\n`,
      'manifests/pod.yaml': POD,
    });
    assert.equal(r.exitCode, 1);
    assert.equal(
      r.lines.slice(-7, -1).join('\n'),
      `[   0s] step 2, line 4: until (timeout 5m)
[   5m]   ✗ pods: names [web, web2]
            timed out after 5m; last seen:
            expected names [web, web2], found [web]
        step 3 not run
--- FAIL: slow (u.yaml): step 2 (line 4) failed`,
    );
  });

  it('an expect that does not hold shows expected and found; an output check shows the output', () => {
    const r = play({ 'e.yaml': 'name: e\nsteps:\n  - expect: {output: get pods, contains: web}\n' });
    assert.equal(
      r.lines.slice(1, 6).join('\n'),
      `[   0s] step 1, line 3: expect
[   0s]   ✗ output of "get pods": contains "web"
            expected the output to contain "web"
            output was:
              No resources found in default namespace.`,
    );
  });

  it('a sim action the cluster refuses fails its step', () => {
    const r = play({ 's.yaml': 'name: s\nsteps:\n  - sim: explode\n' });
    assert.equal(r.exitCode, 1);
    assert.match(r.text, /\[   0s\]   ✗ node "ghost" not found/);
  });

  it('a failing setup fails the scenario before step 1', () => {
    const r = play({
      's.yaml': 'name: setup\ncluster:\n  objects: |\n    apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec: {containers: []}\n    ---\n    apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec: {containers: []}\nsteps:\n  - note: x\n',
    });
    assert.equal(r.exitCode, 0, 'apply of the same object twice is fine');
    const c = play({ 's.yaml': 'name: setup\ncluster:\n  objects: manifests/pod.yaml\nsteps:\n  - create: manifests/pod.yaml\n  - note: x\n', 'manifests/pod.yaml': POD });
    assert.equal(c.exitCode, 1);
    assert.match(c.text, /steps? 2 not run/);
  });
});

describe('several files, quiet mode, exit codes', () => {
  const files = {
    'ok.yaml': 'name: ok\nsteps:\n  - kubectl: get pods\n',
    'bad.yaml': 'name: bad\nsteps:\n  - kubectl: fail\n',
    'invalid.yaml': 'name: invalid\nsteps:\n  - wait: 30x\n',
  };

  it('2 (invalid) wins over 1 (failed); the last line counts files', () => {
    const r = play(files, ['ok.yaml', 'bad.yaml', 'invalid.yaml']);
    assert.equal(r.exitCode, 2);
    assert.equal(r.lines.at(-1), '1 passed, 2 failed');
    assert.ok(r.lines.includes('invalid.yaml:3:11: steps[0].wait: invalid duration "30x" (write 30s, 2m, 1h30m)'));
    assert.ok(r.lines.includes('--- FAIL: invalid.yaml: invalid (1 problem), nothing was run'));
    assert.equal(play(files, ['ok.yaml', 'bad.yaml']).exitCode, 1);
    assert.equal(play(files, ['ok.yaml']).exitCode, 0);
  });

  it('an invalid file builds no cluster', () => {
    const r = play(files, ['invalid.yaml']);
    assert.equal(r.hosts.length, 0);
  });

  it('--quiet prints only failures and the last line', () => {
    const r = play(files, ['ok.yaml', 'bad.yaml', 'invalid.yaml'], { quiet: true });
    assert.equal(
      r.text,
      `=== bad (bad.yaml)
[   0s] step 1, line 3: $ kubectl fail
        Error from server (NotFound): pods "nope" not found
[   0s]   ✗ command failed (exit code 1)
--- FAIL: bad (bad.yaml): step 1 (line 3) failed
invalid.yaml:3:11: steps[0].wait: invalid duration "30x" (write 30s, 2m, 1h30m)
--- FAIL: invalid.yaml: invalid (1 problem), nothing was run
1 passed, 2 failed`,
    );
    assert.equal(play(files, ['ok.yaml'], { quiet: true }).text, '1 passed, 0 failed');
  });

  it('validate only: nothing runs', () => {
    const r = play(files, ['ok.yaml', 'bad.yaml', 'invalid.yaml'], { validateOnly: true });
    assert.equal(r.exitCode, 2);
    assert.equal(r.hosts.length, 0);
    assert.equal(r.lines.at(-1), '2 valid, 1 invalid');
    assert.ok(r.lines.includes('--- OK: ok (ok.yaml): 1 step'));
  });

  it('a file that cannot be read is invalid', () => {
    const r = play(files, ['missing.yaml']);
    assert.equal(r.exitCode, 2);
    assert.deepEqual(r.lines, ['missing.yaml: cannot read: no such file', '--- FAIL: missing.yaml: invalid, nothing was run', '0 passed, 1 failed']);
  });
});

describe('dump and determinism', () => {
  it('dumps every object as a List, with apiVersion and kind, in a fixed order', () => {
    const r = play(FILES, ['every.yaml'], { dump: true });
    const dump = r.files[0].dump!;
    assert.equal(dump.apiVersion, 'v1');
    assert.equal(dump.kind, 'List');
    assert.deepEqual(
      dump.items.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.namespace}/${o.metadata.name}`),
      ['v1 Pod ott/base'],
    );
    const failed = play({ 'bad.yaml': 'name: bad\nsteps:\n  - kubectl: fail\n' }, ['bad.yaml'], { dump: true });
    assert.deepEqual(failed.files[0].dump, { apiVersion: 'v1', kind: 'List', items: [] });
    assert.equal(play({ 'i.yaml': 'name: i\n' }, ['i.yaml'], { dump: true }).files[0].dump, undefined);
  });

  it('the same file twice gives the same output and the same dump', () => {
    const a = play(FILES, ['every.yaml'], { dump: true });
    const b = play(FILES, ['every.yaml'], { dump: true });
    assert.equal(a.text, b.text);
    assert.equal(JSON.stringify(a.files), JSON.stringify(b.files));
  });
});
