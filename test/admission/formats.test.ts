/** Building blocks: cron schedules, quantities, name formats, Go value formatting. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStandard } from '../../src/admission/index.ts';
import { canonicalize, parseQuantity, QUANTITY_SUFFIX_ERROR } from '../../src/admission/util/quantity.ts';
import { isDns1123Label, isQualifiedName, isValidPortName, nameIsDnsSubdomain } from '../../src/admission/util/names.ts';
import { goLabelSelector, goStringMap } from '../../src/admission/util/go-format.ts';

test('cron: robfig/cron v3 errors', () => {
  const cases: [string, string][] = [
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['0 0 * *', 'expected exactly 5 fields, found 4: [0 0 * *]'],
    ['0 0 0 * * *', 'expected exactly 5 fields, found 6: [0 0 0 * * *]'],
    ['@daily2', 'unrecognized descriptor: @daily2'],
    ['@every 5x', 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"'],
  ];
  for (const [spec, msg] of cases) assert.equal(parseStandard(spec), msg, spec);
});

test('cron: accepted forms and what they select', () => {
  const s = parseStandard('*/15 9-17 * JAN,jul mon-fri');
  assert.ok(typeof s !== 'string');
  assert.deepEqual(s.fields[0], [0, 15, 30, 45]);
  assert.deepEqual(s.fields[1], [9, 10, 11, 12, 13, 14, 15, 16, 17]);
  assert.deepEqual(s.fields[3], [1, 7]);
  assert.deepEqual(s.fields[4], [1, 2, 3, 4, 5]);
  assert.deepEqual([s.domStar, s.dowStar], [true, false]);
  const big = parseStandard('*/61 * * * *');
  assert.ok(typeof big !== 'string');
  assert.deepEqual(big.fields[0], [0], 'a step past the range keeps only the start');
  const weekly = parseStandard('@weekly');
  assert.ok(typeof weekly !== 'string');
  assert.deepEqual(weekly.fields[4], [0]);
  const every = parseStandard('@every 1h30m');
  assert.ok(typeof every !== 'string');
  assert.equal(every.every, 90 * 60 * 1000);
});

test('quantities: canonical forms as the API server writes them', () => {
  const cases: [string | number, string][] = [
    ['0.5', '500m'], [0.5, '500m'], ['1000m', '1'], ['1500000', '1500k'], ['1500', '1500'], ['2000000', '2M'],
    ['1.5Gi', '1536Mi'], ['1024Mi', '1Gi'], ['512Mi', '512Mi'], ['0.5Ki', '512'], ['100Ki', '100Ki'], ['1e3', '1e3'],
    ['128974848', '128974848'], ['129e6', '129e6'], ['0', '0'], ['2', '2'], ['250m', '250m'],
  ];
  for (const [input, out] of cases) assert.equal(canonicalize(input), out, String(input));
  assert.equal(canonicalize('0.1m', true), '1m', 'resource lists round up to milli precision');
  assert.equal(parseQuantity('1GG'), QUANTITY_SUFFIX_ERROR);
  assert.match(String(parseQuantity('12XB')), /^quantities must match the regular expression/);
});

test('names and keys', () => {
  assert.deepEqual(isDns1123Label('a.b'), ['must not contain dots']);
  assert.deepEqual(isDns1123Label('x'.repeat(64)).slice(0, 1), ['must be no more than 63 characters']);
  assert.deepEqual(nameIsDnsSubdomain('web-', true), [], 'a generateName may end with a dash');
  assert.deepEqual(isQualifiedName('example.com/app'), []);
  assert.deepEqual(isQualifiedName('/app'), ['prefix part must be non-empty']);
  assert.deepEqual(isValidPortName('http--x'), ['must not contain consecutive hyphens']);
  assert.deepEqual(isValidPortName('12345'), ['must contain at least one letter (a-z)']);
});

test('Go %#v of maps and selectors', () => {
  assert.equal(goStringMap({ b: '2', a: '1' }), 'map[string]string{"a":"1", "b":"2"}');
  assert.equal(goStringMap(undefined), 'map[string]string(nil)');
  assert.equal(
    goLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }),
    'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"a", "b"}}}}',
  );
});
