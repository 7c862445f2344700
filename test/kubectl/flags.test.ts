import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlagError, HelpRequested, parseFlags, parseGoInt, type FlagSpec } from '../../src/kubectl/flags.ts';
import { parseGoDuration } from '../../src/kubectl/go-duration.ts';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'replicas', short: 'r', type: 'int' },
  { name: 'all', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'env', type: 'stringArray' },
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
  { name: 'timeout', type: 'duration' },
];

test('long and short forms, with = or a separate value, anywhere among the arguments', () => {
  const p = parseFlags(['get', '--namespace=ott', 'pods', '-r', '3', '--all', '-nkube-system'], SPECS);
  assert.deepEqual(p.args, ['get', 'pods']);
  assert.equal(p.values.string('namespace'), 'kube-system');
  assert.equal(p.values.int('replicas'), 3);
  assert.equal(p.values.bool('all'), true);
  assert.equal(p.values.changed('replicas'), true);
  assert.equal(p.values.changed('tty'), false);
  assert.deepEqual(parseFlags(['-n=ott'], SPECS).values.string('namespace'), 'ott');
});

test('grouped boolean shorthands and --', () => {
  const p = parseFlags(['exec', '-it', 'curl', '--', 'sh', '-c', 'ls -l'], SPECS);
  assert.equal(p.values.bool('stdin'), true);
  assert.equal(p.values.bool('tty'), true);
  assert.deepEqual(p.args, ['exec', 'curl', 'sh', '-c', 'ls -l']);
  assert.equal(p.argsLenAtDash, 2);
  assert.equal(parseFlags(['x'], SPECS).argsLenAtDash, -1);
});

test('slices split on commas and accumulate; arrays accumulate whole values', () => {
  const p = parseFlags(['-f', 'a.yaml,b.yaml', '-f', 'c.yaml', '--env', 'A=1,2', '--env', 'B=3'], SPECS);
  assert.deepEqual(p.values.list('filename'), ['a.yaml', 'b.yaml', 'c.yaml']);
  assert.deepEqual(p.values.list('env'), ['A=1,2', 'B=3']);
});

test('booleans take =value only; a flag with an optional value takes it only after =', () => {
  const p = parseFlags(['--all=false', 'x', '--cascade', 'y'], SPECS);
  assert.equal(p.values.bool('all'), false);
  assert.equal(p.values.string('cascade'), 'background');
  assert.deepEqual(p.args, ['x', 'y']);
  assert.equal(parseFlags(['--cascade=orphan'], SPECS).values.string('cascade'), 'orphan');
});

test('errors read as pflag words them', () => {
  const err = (tokens: string[]) => {
    try {
      parseFlags(tokens, SPECS);
    } catch (e) {
      assert.ok(e instanceof FlagError);
      return e.message;
    }
    assert.fail('expected an error');
  };
  assert.equal(err(['--foo']), 'unknown flag: --foo');
  assert.equal(err(['-x']), "unknown shorthand flag: 'x' in -x");
  assert.equal(err(['-ix']), "unknown shorthand flag: 'x' in -x");
  assert.equal(err(['--replicas']), 'flag needs an argument: --replicas');
  assert.equal(err(['-n']), "flag needs an argument: 'n' in -n");
  assert.equal(err(['--replicas=abc']), 'invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax');
  assert.equal(err(['--all=maybe']), 'invalid argument "maybe" for "--all" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
  assert.equal(err(['--timeout=5']), 'invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"');
  assert.throws(() => parseFlags(['-h'], SPECS), HelpRequested);
  assert.throws(() => parseFlags(['--help'], SPECS), HelpRequested);
});

test('Go number and duration syntax', () => {
  assert.equal(parseGoInt('0x1F'), 31);
  assert.equal(parseGoInt('-12'), -12);
  assert.equal(parseGoInt('010'), 8);
  assert.match(String(parseGoInt('1.5')), /invalid syntax/);
  assert.equal(parseGoDuration('1h30m'), 5_400_000);
  assert.equal(parseGoDuration('1.5s'), 1500);
  assert.equal(parseGoDuration('0'), 0);
  assert.equal(parseGoDuration('3d'), 'time: unknown unit "d" in duration "3d"');
});
