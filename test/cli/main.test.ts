/** main() in-process, with in-memory files and the fake host: exit codes, help, dumps, internal errors. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dumpTargets, main, type CliIo, type TuiRequest } from '../../src/cli/main.ts';
import { FakeHost, fakeToolkit, memoryFiles } from '../scenario/fake-host.ts';

function io(argv: string[], files: Record<string, string>, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const all = { '/pkg/package.json': '{"name":"kubesim","version":"9.8.7"}', ...files };
  const cli: CliIo = {
    argv,
    env,
    cwd: '/work',
    packageRoot: '/pkg',
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: memoryFiles(all),
    writeFile: (p, t) => {
      if (p.startsWith('/readonly/')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      written[p] = t;
    },
  };
  return { cli, out: () => out.join(''), err: () => err.join(''), written };
}

const deps = { toolkit: fakeToolkit, createHost: (o: ConstructorParameters<typeof FakeHost>[0]) => new FakeHost(o) };
const OK = 'name: ok\nsteps:\n  - kubectl: get pods\n';
const BAD = 'name: bad\nsteps:\n  - kubectl: fail\n';

describe('kubesim main', () => {
  it('--version reads package.json', async () => {
    const t = io(['--version'], {});
    assert.equal(await main(t.cli, deps), 0);
    assert.equal(t.out(), 'kubesim 9.8.7\n');
  });

  it('help texts read like a CLI: usage, commands, flags, examples, exit codes', async () => {
    for (const argv of [['--help'], ['play', '--help'], ['validate', '--help']]) {
      const t = io(argv, {});
      assert.equal(await main(t.cli, deps), 0);
      for (const section of ['Usage:', 'Flags:', 'Examples:', 'Exit codes:']) assert.ok(t.out().includes(section), `${argv} ${section}`);
    }
  });

  it('usage errors go to stderr with exit 64', async () => {
    const t = io(['play'], {});
    assert.equal(await main(t.cli, deps), 64);
    assert.equal(t.err(), "kubesim: play needs at least one scenario file\nRun 'kubesim play --help' for usage.\n");
    assert.equal(t.out(), '');
  });

  it('play: exit 0, 1, 2; relative paths from the current directory', async () => {
    const files = { '/work/ok.yaml': OK, '/work/bad.yaml': BAD, '/work/inv.yaml': 'name: x\n' };
    assert.equal(await main(io(['play', 'ok.yaml'], files).cli, deps), 0);
    assert.equal(await main(io(['play', 'ok.yaml', 'bad.yaml'], files).cli, deps), 1);
    const t = io(['play', 'bad.yaml', 'inv.yaml', 'ok.yaml'], files);
    assert.equal(await main(t.cli, deps), 2);
    assert.ok(t.out().endsWith('1 passed, 2 failed\n'));
  });

  it('kubesim FILE.yaml opens the dashboard on that file; --readonly goes with it', async () => {
    const asked: TuiRequest[] = [];
    const tui = async (r: TuiRequest) => {
      asked.push(r);
      return 0;
    };
    assert.equal(await main(io(['ok.yaml'], {}).cli, { ...deps, tui }), 0);
    assert.equal(await main(io(['ok.yaml', '--readonly'], {}).cli, { ...deps, tui }), 0);
    assert.deepEqual(asked, [
      { file: 'ok.yaml', readonly: false },
      { file: 'ok.yaml', readonly: true },
    ]);
    assert.equal(await main(io(['play', 'ok.yaml', '--readonly'], { '/work/ok.yaml': OK }).cli, { ...deps, tui }), 64, "--readonly is the dashboard's flag");
  });

  it('kubesim alone opens the dashboard on the demo scenario of the package', async () => {
    const asked: TuiRequest[] = [];
    assert.equal(await main(io([], {}).cli, { ...deps, tui: async (r) => (asked.push(r), 0) }), 0);
    assert.deepEqual(asked, [{ file: '/pkg/scenarios/demo.yaml', readonly: false }]);
  });

  it('without a terminal the dashboard says so and exits 2', async () => {
    const t = io(['ok.yaml'], { '/work/ok.yaml': OK }, { CI: 'true' });
    assert.equal(await main(t.cli, deps), 2);
    assert.match(t.err(), /^kubesim: the dashboard needs a terminal \(CI is set\)\.\nTo play the scenario without one: kubesim play ok\.yaml\n$/);
  });

  it('--dump writes a JSON List per played file', async () => {
    const files = { '/work/ok.yaml': OK, '/work/sub/bad.yaml': BAD, '/work/inv.yaml': 'name: x\n' };
    const one = io(['play', 'ok.yaml', '--dump', 'state.json'], files);
    assert.equal(await main(one.cli, deps), 0);
    assert.deepEqual(Object.keys(one.written), ['/work/state.json']);
    assert.deepEqual(JSON.parse(one.written['/work/state.json']), { apiVersion: 'v1', kind: 'List', items: [] });
    const several = io(['play', 'ok.yaml', 'sub/bad.yaml', 'inv.yaml', '--dump', 'out/state.json'], files);
    assert.equal(await main(several.cli, deps), 2);
    assert.deepEqual(Object.keys(several.written).sort(), ['/work/out/state.bad.json', '/work/out/state.ok.json']);
  });

  it('--dump names: one file as given, several after each scenario, clashes refused', () => {
    assert.deepEqual([...dumpTargets('s.json', ['a/x.yaml'])], [['a/x.yaml', 's.json']]);
    assert.deepEqual([...dumpTargets('s.json', ['a/x.yaml', 'y.yml'])], [['a/x.yaml', 's.x.json'], ['y.yml', 's.y.json']]);
    assert.deepEqual([...dumpTargets('state', ['x.yaml', 'y.yaml'])], [['x.yaml', 'state.x.json'], ['y.yaml', 'state.y.json']]);
    assert.throws(() => dumpTargets('s.json', ['a/x.yaml', 'b/x.yaml']), /distinct file names/);
  });

  it('a dump that cannot be written is reported on stderr, exit at least 1', async () => {
    const t = io(['play', 'ok.yaml', '--dump', '/readonly/s.json'], { '/work/ok.yaml': OK });
    assert.equal(await main(t.cli, deps), 1);
    assert.equal(t.err(), 'kubesim: cannot write /readonly/s.json: permission denied\n');
    assert.ok(t.out().endsWith('1 passed, 0 failed\n'));
  });

  it('an unexpected error is one line and exit 70; the stack only with KUBESIM_DEBUG=1', async () => {
    const broken = { toolkit: fakeToolkit, createHost: () => { throw new Error('boom'); } };
    const t = io(['play', 'ok.yaml'], { '/work/ok.yaml': OK });
    assert.equal(await main(t.cli, broken), 70);
    assert.equal(t.err(), 'kubesim: internal error: boom\n');
    const d = io(['play', 'ok.yaml'], { '/work/ok.yaml': OK }, { KUBESIM_DEBUG: '1' });
    assert.equal(await main(d.cli, broken), 70);
    assert.match(d.err(), /^kubesim: internal error: boom\nError: boom\n\s+at /);
  });
});
