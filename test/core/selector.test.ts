import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLabels, formatLabelSelector, fromLabelSelector, matches, parseSelector, SelectorError, selectorString } from '../../src/api/selector.ts';

test('kubectl selector syntax: =, ==, !=, in, notin, exists, !exists', () => {
  const s = parseSelector('app=member,tier!=db,env in (prod, dev),track notin (canary),release,!legacy,x==y');
  const labels = { app: 'member', tier: 'web', env: 'dev', release: '1', x: 'y' };
  assert.equal(matches(s, labels), true);
  assert.equal(matches(s, { ...labels, legacy: 'true' }), false);
  assert.equal(matches(s, { ...labels, env: 'test' }), false);
  assert.equal(matches(s, { ...labels, track: 'canary' }), false);
  assert.equal(matches(parseSelector('tier!=db'), {}), true);
  assert.equal(selectorString(parseSelector('a=b,c in (d,e),!f')), 'a=b,c in (d,e),!f');
});

test('bad selectors fail with kubectl wording', () => {
  assert.throws(() => parseSelector('app=member,'), SelectorError);
  assert.throws(() => parseSelector('a=b=c'), /unable to parse requirement/);
});

test('a missing LabelSelector matches nothing, an empty one everything', () => {
  assert.equal(matches(fromLabelSelector(undefined), { a: 'b' }), false);
  assert.equal(matches(fromLabelSelector({}), { a: 'b' }), true);
  const s = fromLabelSelector({ matchLabels: { app: 'x' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] });
  assert.equal(matches(s, { app: 'x', tier: 'web' }), true);
  assert.equal(matches(s, { app: 'x', tier: 'db' }), false);
});

test('labels and selectors print as kubectl prints them', () => {
  assert.equal(formatLabels({ b: '2', a: '1' }), 'a=1,b=2');
  assert.equal(formatLabels({}), '<none>');
  assert.equal(formatLabelSelector({ matchLabels: { app: 'x' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['b', 'a'] }, { key: 'k', operator: 'DoesNotExist' }] }), 'app=x,env in (a,b),!k');
  assert.equal(formatLabelSelector({}), '<none>');
});
