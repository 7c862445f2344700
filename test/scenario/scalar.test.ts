import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scalarEquals, showValue } from '../../src/scenario/scalar.ts';

describe('comparing as YAML scalars', () => {
  it('numbers equal their text', () => {
    assert.ok(scalarEquals(3, '3'));
    assert.ok(scalarEquals('3', 3));
    assert.ok(scalarEquals(3, 3));
    assert.ok(!scalarEquals(3, '4'));
    assert.ok(!scalarEquals(3, '3x'));
  });

  it('booleans equal their text, in any YAML 1.1 spelling', () => {
    assert.ok(scalarEquals(true, 'true'));
    assert.ok(scalarEquals(true, 'True'));
    assert.ok(scalarEquals(false, 'False'));
    assert.ok(scalarEquals('true', true));
    assert.ok(!scalarEquals(true, 'False'));
    assert.ok(!scalarEquals(true, 1));
  });

  it('null matches an absent field and nothing else', () => {
    assert.ok(scalarEquals(null, undefined));
    assert.ok(scalarEquals(null, null));
    assert.ok(!scalarEquals(null, ''));
    assert.ok(!scalarEquals(null, 0));
    assert.ok(!scalarEquals('', undefined));
    assert.ok(!scalarEquals(0, undefined));
  });

  it('strings compare as text', () => {
    assert.ok(scalarEquals('Running', 'Running'));
    assert.ok(!scalarEquals('Running', 'running'));
    assert.ok(scalarEquals('1/1', '1/1'));
    assert.ok(scalarEquals('nginx:1.25', 'nginx:1.25'));
  });

  it('lists and maps compare element by element', () => {
    assert.ok(scalarEquals([1, 'a'], ['1', 'a']));
    assert.ok(!scalarEquals([1, 'a'], ['1']));
    assert.ok(scalarEquals({ app: 'web', tier: 3 }, { app: 'web', tier: '3' }));
    assert.ok(!scalarEquals({ app: 'web' }, { app: 'web', tier: 'x' }));
    assert.ok(!scalarEquals({ app: 'web' }, 'web'));
  });

  it('shows values for messages', () => {
    assert.equal(showValue(undefined), '<absent>');
    assert.equal(showValue(''), '""');
    assert.equal(showValue('Running'), 'Running');
    assert.equal(showValue(3), '3');
    assert.equal(showValue({ a: 1 }), '{"a":1}');
  });
});
