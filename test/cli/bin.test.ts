/**
 * The kubesim command as a user runs it: `node src/cli/bin.mjs ...` in a child process, with the
 * real cluster behind it. Exit codes, no stack trace on bad input, --dump, and determinism.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const FIX = 'test/scenario/fixtures';
const tmp = mkdtempSync(join(tmpdir(), 'kubesim-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function kubesim(...args: string[]) {
  const r = spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], { encoding: 'utf8', env: { ...process.env, KUBESIM_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const noStack = (text: string) => assert.doesNotMatch(text, /^\s+at .*[:(]\d+/m, 'no stack trace');

describe('kubesim (child process)', () => {
  it('--help and --version exit 0', () => {
    const help = kubesim('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage:$/m);
    const version = kubesim('--version');
    assert.equal(version.code, 0);
    assert.equal(version.out, `kubesim ${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
  });

  it('a wrong command line exits 64 with a hint, no stack', () => {
    const r = kubesim('play', '--fast', 'x.yaml');
    assert.equal(r.code, 64);
    assert.equal(r.err, "kubesim: unknown flag: --fast\nRun 'kubesim play --help' for usage.\n");
  });

  it('an invalid scenario exits 2 naming file, line and column, without a stack trace', () => {
    const r = kubesim('play', `${FIX}/real/invalid.yaml`);
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(r.out, /real\/invalid\.yaml:10:13: .*spec\.containers\[0\]\.image: Required value/);
    assert.match(r.out, /real\/invalid\.yaml:11:11: steps\[1\]\.wait: invalid duration "30x"/);
    assert.match(r.out, /\n0 passed, 1 failed\n$/);
    noStack(r.out + r.err);
    const v = kubesim('validate', `${FIX}/invalid/yaml-syntax.yaml`, `${FIX}/invalid/bad-inline-manifest.yaml`);
    assert.equal(v.code, 2);
    assert.match(v.out, /\n0 valid, 2 invalid\n$/);
    noStack(v.out + v.err);
  });

  it('a missing file exits 2, no stack', () => {
    const r = kubesim('play', `${FIX}/nope.yaml`);
    assert.equal(r.code, 2);
    assert.match(r.out, /nope\.yaml: cannot read: no such file/);
    noStack(r.out + r.err);
  });

  it('a passing scenario exits 0; a failing check exits 1 and shows expected and found', () => {
    const ok = kubesim('play', `${FIX}/real/pod-basics.yaml`);
    assert.equal(ok.code, 0, ok.out + ok.err);
    assert.match(ok.out, /--- PASS: Pod basics/);
    assert.match(ok.out, /\n1 passed, 0 failed\n$/);
    const bad = kubesim('play', '--quiet', `${FIX}/real/fails.yaml`, `${FIX}/real/pod-basics.yaml`);
    assert.equal(bad.code, 1, bad.out + bad.err);
    assert.match(bad.out, /expected names \[web, web-2\], found \[web\]/);
    assert.doesNotMatch(bad.out, /Pod basics/);
    assert.match(bad.out, /\n1 passed, 1 failed\n$/);
  });

  it('the same file twice: byte-identical output and dump', () => {
    const a = kubesim('play', `${FIX}/real/pod-basics.yaml`, '--dump', join(tmp, 'a.json'));
    const b = kubesim('play', `${FIX}/real/pod-basics.yaml`, '--dump', join(tmp, 'b.json'));
    assert.equal(a.code, 0, a.out + a.err);
    assert.equal(a.out, b.out);
    const dumpA = readFileSync(join(tmp, 'a.json'), 'utf8');
    assert.equal(dumpA, readFileSync(join(tmp, 'b.json'), 'utf8'));
    const list = JSON.parse(dumpA) as { apiVersion: string; kind: string; items: { apiVersion: string; kind: string }[] };
    assert.equal(list.apiVersion, 'v1');
    assert.equal(list.kind, 'List');
    assert.ok(list.items.some((o) => o.kind === 'Node'));
    assert.ok(list.items.some((o) => o.kind === 'Namespace'));
    for (const o of list.items) assert.ok(o.apiVersion && o.kind, JSON.stringify(o).slice(0, 80));
  });
});
