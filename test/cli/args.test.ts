import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs, UsageError } from '../../src/cli/args.ts';

describe('kubesim arguments', () => {
  it('no arguments, or one scenario file: the dashboard (headless for now)', () => {
    assert.deepEqual(parseArgs([]), { cmd: 'default' });
    assert.deepEqual(parseArgs(['demo.yaml']), { cmd: 'default', file: 'demo.yaml' });
    assert.deepEqual(parseArgs(['x.YML']), { cmd: 'default', file: 'x.YML' });
  });

  it('help and version', () => {
    assert.deepEqual(parseArgs(['--help']), { cmd: 'help' });
    assert.deepEqual(parseArgs(['-h']), { cmd: 'help' });
    assert.deepEqual(parseArgs(['help', 'play']), { cmd: 'help', topic: 'play' });
    assert.deepEqual(parseArgs(['play', '--help']), { cmd: 'help', topic: 'play' });
    assert.deepEqual(parseArgs(['validate', 'a.yaml', '-h']), { cmd: 'help', topic: 'validate' });
    assert.deepEqual(parseArgs(['--version']), { cmd: 'version' });
    assert.deepEqual(parseArgs(['-v']), { cmd: 'version' });
  });

  it('play: files and flags in any order', () => {
    assert.deepEqual(parseArgs(['play', 'a.yaml', '--quiet', 'b.yaml', '--dump', 'out.json']), {
      cmd: 'play',
      files: ['a.yaml', 'b.yaml'],
      quiet: true,
      dump: 'out.json',
    });
    assert.deepEqual(parseArgs(['play', '-q', '--dump=o.json', 'a.yaml']), { cmd: 'play', files: ['a.yaml'], quiet: true, dump: 'o.json' });
    assert.deepEqual(parseArgs(['play', '--', '-odd.yaml']), { cmd: 'play', files: ['-odd.yaml'], quiet: false });
  });

  it('validate', () => {
    assert.deepEqual(parseArgs(['validate', 'a.yaml', 'b.yaml']), { cmd: 'validate', files: ['a.yaml', 'b.yaml'], quiet: false });
  });

  it('mistakes are usage errors that point to the right help', () => {
    const usage = (argv: string[], message: RegExp, topic?: string) =>
      assert.throws(
        () => parseArgs(argv),
        (e: unknown) => e instanceof UsageError && message.test(e.message) && e.topic === topic,
      );
    usage(['play'], /play needs at least one scenario file/, 'play');
    usage(['play', 'a.yaml', '--dump'], /flag needs an argument: --dump/, 'play');
    usage(['play', 'a.yaml', '--fast'], /unknown flag: --fast/, 'play');
    usage(['validate', 'a.yaml', '--dump', 'x.json'], /unknown flag: --dump/, 'validate');
    usage(['plya', 'a.yaml'], /unknown command "plya"/);
    usage(['--nope'], /unknown flag: --nope/);
    usage(['a.yaml', 'b.yaml'], /unexpected argument "b.yaml"/);
    usage(['help', 'me'], /unknown help topic "me"/);
  });
});
