/**
 * kubesim's extension of the scenario format: `save: NAME` on a kubectl step and `${NAME}` later.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it, test } from 'node:test';
import { parseSelector } from '../../src/api/selector.ts';
import { createRealHost, realToolkit } from '../../src/scenario/real-host.ts';
import { runScenarios, type RunOptions } from '../../src/scenario/run.ts';
import { escapeRegExp, references, substitute, substitutePattern } from '../../src/scenario/variables.ts';
import { FakeHost, fakeToolkit, memoryFiles } from './fake-host.ts';

/** The message parseSelector gives for a selector. */
function selectorError(text: string): string {
  try {
    parseSelector(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${text} is a valid selector`);
}

function run(file: string, opts: RunOptions = {}) {
  const lines: string[] = [];
  const summary = runScenarios([file], opts, { readFile: (p) => readFileSync(p, 'utf8'), toolkit: realToolkit, createHost: createRealHost, write: (l) => lines.push(l) });
  return { ...summary, lines, text: lines.join('\n') };
}

test('references and substitution', () => {
  assert.deepEqual(references('delete pod ${a} ${b_2}'), ['a', 'b_2']);
  assert.equal(substitute('delete pod ${a}', new Map([['a', 'web-1']])), 'delete pod web-1');
  assert.equal(substitute('left ${unknown} alone', new Map()), 'left ${unknown} alone');
  assert.equal(escapeRegExp('10.244.1.5 (a|b) [c]* $x ^y+ {2}? a/b \\'), '10\\.244\\.1\\.5 \\(a\\|b\\) \\[c\\]\\* \\$x \\^y\\+ \\{2\\}\\? a\\/b \\\\');
  assert.equal(substitutePattern('^Address: ${ip}$', new Map([['ip', '10.244.1.5']])), '^Address: 10\\.244\\.1\\.5$');
  const odd = 'a.b*(c)[d]{1}|e+f?^g$h\\i/j-k';
  assert.ok(new RegExp(`^${escapeRegExp(odd)}$`).test(odd), 'an escaped text matches itself');
  assert.ok(new RegExp(`^${escapeRegExp(odd)}$`, 'm').test(`x\n${odd}\ny`));
});

test('a saved output is used by later kubectl lines and conditions', () => {
  const r = run('test/scenario/fixtures/real/variables.yaml');
  assert.equal(r.exitCode, 0, r.text);
  assert.ok(r.lines.some((l) => l.includes('saved ${first} = web')), r.text);
  assert.ok(r.lines.some((l) => l.includes('$ kubectl delete pod web')), r.text);
});

test('a variable used before a step saves it, or a bad name, is invalid before anything runs', () => {
  const r = run('test/scenario/fixtures/invalid/variables.yaml', { validateOnly: true });
  assert.equal(r.exitCode, 2);
  const f = 'test/scenario/fixtures/invalid/variables.yaml';
  assert.deepEqual(r.lines.slice(0, 3), [
    `${f}:4:11: steps[0].save: invalid variable name "1x": letters, digits and _, not starting with a digit`,
    `${f}:5:14: steps[1].kubectl: \${nope} is not saved by an earlier step (a kubectl step with save: nope)`,
    `${f}:7:15: steps[2].expect.output: \${later} is not saved by an earlier step (a kubectl step with save: later)`,
  ]);
});

/** Plays scenario text against the fake host (the player's logic on its own). */
function playFake(files: Record<string, string>, opts: RunOptions = {}) {
  const lines: string[] = [];
  const summary = runScenarios(['s.yaml'], opts, { readFile: memoryFiles(files), toolkit: fakeToolkit, createHost: (o) => new FakeHost(o), write: (l) => lines.push(l) });
  return { ...summary, lines, text: lines.join('\n') };
}

const TWO_PODS = `apiVersion: v1
kind: Pod
metadata: {name: a.b, labels: {app: x, tier: one}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: axb, labels: {app: x, tier: two}}
spec: {containers: [{name: c, image: nginx}]}
`;

/** Saves dotted=a.b, app=x, ns=ott, key=app, phase=Running, then the given steps. */
const withSaved = (steps: string) => `name: vars
namespace: ott
steps:
  - apply: pods.yaml
  - {kubectl: print a.b, save: dotted}
  - {kubectl: print x, save: app}
  - {kubectl: print ott, save: ns}
  - {kubectl: print app, save: key}
  - {kubectl: print Running, save: phase}
${steps}`;

describe('variables in every condition', () => {
  it('get: the name after the slash, name, namespace, selector, names, and until', () => {
    const r = playFake({
      'pods.yaml': TWO_PODS,
      's.yaml': withSaved(`  - until: {get: pods, selector: "app=\${app}", namespace: "\${ns}", all: {status.phase: "\${phase}"}, count: 2}
  - expect:
      - {get: "pod/\${dotted}", count: 1}
      - {get: pods, name: "\${dotted}", count: 1}
      - {get: pods, names: ["\${dotted}", axb]}
      - {get: pods, selector: "tier in (one, \${app})", names: "\${dotted}"}
`),
    });
    assert.equal(r.exitCode, 0, r.text);
    assert.ok(r.lines.includes('[   5s]   ✓ pods -l app=x -n ott: count 2; all status.phase=Running'), r.text);
    assert.ok(r.lines.includes('[   5s]   ✓ pods a.b: count 1'), r.text);
    assert.ok(r.lines.includes('[   5s]   ✓ pods: names [a.b, axb]'), r.text);
    assert.ok(r.lines.includes('[   5s]   ✓ pods -l tier in (one, x): names [a.b]'), r.text);
  });

  it('where and all: keys (a value is one key) and values, nested ones too', () => {
    const r = playFake({
      'pods.yaml': TWO_PODS,
      's.yaml': withSaved(`  - expect:
      - {get: pods, where: {"metadata.labels.\${key}": "\${app}", metadata.name: "\${dotted}"}, count: 1}
      - {get: pods, all: {"metadata.labels.\${key}": "\${app}", spec.containers: [{name: c, image: nginx}]}}
      - {get: pods, where: {metadata.labels: {app: "\${app}", tier: one}}, names: ["\${dotted}"]}
`),
    });
    assert.equal(r.exitCode, 0, r.text);
    assert.ok(r.lines.includes('[   0s]   ✓ pods where metadata.labels.app=x,metadata.name=a.b: count 1'), r.text);
  });

  it('match: the value is matched literally (escaped), the rest of the pattern is a regular expression', () => {
    const ok = playFake({
      'pods.yaml': TWO_PODS,
      's.yaml': withSaved(`  - expect: {get: pods, where: {metadata.labels.tier: one}, match: {"metadata.labels.\${key}": "^\${app}$", metadata.name: "^\${dotted}$"}}\n`),
    });
    assert.equal(ok.exitCode, 0, ok.text);
    assert.ok(ok.lines.includes('[   0s]   ✓ pods where metadata.labels.tier=one: match metadata.labels.app=~/^x$/, metadata.name=~/^a\\.b$/'), ok.text);
    // Unescaped, ^a.b$ would match axb too.
    const bad = playFake({
      'pods.yaml': TWO_PODS,
      's.yaml': withSaved(`  - expect: {get: pods, where: {metadata.labels.tier: two}, match: {metadata.name: "^\${dotted}$"}}\n`),
    });
    assert.equal(bad.exitCode, 1);
    assert.ok(bad.lines.includes('            expected metadata.name to match /^a\\.b$/, found axb: axb'), bad.text);
  });

  it('output: the command, contains, notContains, and matches with the value escaped', () => {
    const r = playFake({
      'pods.yaml': TWO_PODS,
      's.yaml': withSaved(`  - wait: 5s
  - expect:
      - {output: "print \${dotted} \${phase}", contains: ["\${dotted} ", "\${phase}"], notContains: "\${dotted}x", matches: "^\${dotted} \${phase}$"}
      - {output: get pods, matches: ["^\${dotted} +\${phase}$", "^axb +\${phase}$"]}
`),
    });
    assert.equal(r.exitCode, 0, r.text);
    assert.ok(r.lines.includes('[   5s]   ✓ output of "print a.b Running": contains "a.b ", contains "Running", notContains "a.bx", matches /^a\\.b Running$/'), r.text);
    const bad = playFake({ 'pods.yaml': TWO_PODS, 's.yaml': withSaved('  - expect: {output: print axb, matches: "^${dotted}$"}\n') });
    assert.equal(bad.exitCode, 1);
    assert.ok(bad.lines.includes('            expected the output to match /^a\\.b$/'), bad.text);
  });

  it('a value that makes a selector or pattern invalid fails the condition, saying why', () => {
    const r = playFake({
      'pods.yaml': TWO_PODS,
      's.yaml': `name: v
steps:
  - {kubectl: print a b, save: v}
  - {kubectl: print z, save: z}
  - expect:
      - {get: pods, selector: "app=\${v}"}
      - {output: print x, matches: "[\${z}-y]"}
`,
    });
    assert.equal(r.exitCode, 1);
    assert.deepEqual(r.lines.slice(-6, -2), [
      '[   0s]   ✗ pods -l app=${v}: exists',
      `            selector "app=a b", with the variables' values: ${selectorError('app=a b')}`,
      '[   0s]   ✗ output of "print x": matches /[${z}-y]/',
      "            invalid regular expression: /[z-y]/m: Range out of order in character class (with the variables' values)",
    ]);
  });
});

describe('variables in conditions are checked before anything runs', () => {
  it('every string of a condition: a name not saved yet is reported where it is written', () => {
    const f = 's.yaml';
    const r = playFake(
      {
        [f]: `name: unsaved
steps:
  - expect:
      - get: pod/\${a}
      - {get: pods, name: "\${b}", namespace: "\${c}", selector: "app=\${d}", names: [x, "\${e}"]}
      - {get: pods, where: {"metadata.labels.\${f}": "\${g}"}, all: {metadata.labels: ["\${h}"]}, match: {"\${i}": "\${j}"}}
      - {output: "get \${k}", contains: ["\${l}"], notContains: "\${m}", matches: ["\${n}"]}
  - {kubectl: print ok, save: a}
`,
      },
      { validateOnly: true },
    );
    assert.equal(r.exitCode, 2);
    const not = (n: string) => `\${${n}} is not saved by an earlier step (a kubectl step with save: ${n})`;
    assert.deepEqual(r.lines.slice(0, -2), [
      `${f}:4:14: steps[0].expect[0].get: ${not('a')}`,
      `${f}:5:27: steps[0].expect[1].name: ${not('b')}`,
      `${f}:5:46: steps[0].expect[1].namespace: ${not('c')}`,
      `${f}:5:64: steps[0].expect[1].selector: ${not('d')}`,
      `${f}:5:87: steps[0].expect[1].names[1]: ${not('e')}`,
      `${f}:6:29: steps[0].expect[2].where["metadata.labels.\${f}"]: ${not('f')}`,
      `${f}:6:53: steps[0].expect[2].where["metadata.labels.\${f}"]: ${not('g')}`,
      `${f}:6:86: steps[0].expect[2].all["metadata.labels"][0]: ${not('h')}`,
      `${f}:6:104: steps[0].expect[2].match["\${i}"]: ${not('i')}`,
      `${f}:6:112: steps[0].expect[2].match["\${i}"]: ${not('j')}`,
      `${f}:7:18: steps[0].expect[3].output: ${not('k')}`,
      `${f}:7:41: steps[0].expect[3].contains[0]: ${not('l')}`,
      `${f}:7:63: steps[0].expect[3].notContains: ${not('m')}`,
      `${f}:7:81: steps[0].expect[3].matches[0]: ${not('n')}`,
    ]);
  });

  it('the resource type cannot be a variable; patterns and selectors are still checked around variables', () => {
    const r = playFake(
      {
        's.yaml': `name: bad
steps:
  - {kubectl: print pods, save: kind}
  - expect:
      - get: \${kind}/web
      - {get: pods, selector: "app in (\${kind}", match: {metadata.name: "(\${kind}"}}
      - {output: get pods, matches: "\${kind}["}
`,
      },
      { validateOnly: true },
    );
    assert.equal(r.exitCode, 2);
    assert.deepEqual(r.lines.slice(0, -2), [
      `s.yaml:5:14: steps[1].expect[0].get: the resource type cannot be a variable (it decides what is checked before running); write it, as in get: pods/\${NAME}`,
      `s.yaml:6:31: steps[1].expect[1].selector: ${selectorError('app in (x')}`,
      's.yaml:6:73: steps[1].expect[1].match["metadata.name"]: invalid regular expression: /(${kind}/: Unterminated group',
      's.yaml:7:37: steps[1].expect[2].matches: invalid regular expression: /${kind}[/m: Unterminated character class',
    ]);
  });
});
