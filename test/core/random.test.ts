import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeededRandom } from '../../src/sim/random.ts';
import { generateName, NAME_ALPHABET, computeTemplateHash, safeEncodeString, fnv1a32 } from '../../src/api/names.ts';

test('the same seed gives the same sequence; another seed another', () => {
  const a = new SeededRandom(7);
  const b = new SeededRandom(7);
  const c = new SeededRandom(8);
  const sa = Array.from({ length: 5 }, () => a.nextUint32());
  const sb = Array.from({ length: 5 }, () => b.nextUint32());
  const sc = Array.from({ length: 5 }, () => c.nextUint32());
  assert.deepEqual(sa, sb);
  assert.notDeepEqual(sa, sc);
});

test('purpose streams are independent of each other', () => {
  const names1 = SeededRandom.forPurpose(1, 'names');
  const names2 = SeededRandom.forPurpose(1, 'names');
  const failures = SeededRandom.forPurpose(1, 'failures');
  failures.next();
  failures.next();
  assert.equal(names1.nextUint32(), names2.nextUint32());
});

test('floats are in [0, 1) and ints in range', () => {
  const r = new SeededRandom('x');
  for (let i = 0; i < 1000; i++) {
    const f = r.next();
    assert.ok(f >= 0 && f < 1);
    const n = r.int(27);
    assert.ok(Number.isInteger(n) && n >= 0 && n < 27);
  }
});

test('uuids are version 4, variant 1', () => {
  const u = new SeededRandom(1).uuid();
  assert.match(u, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('generated names: the prefix and 5 characters of the vowel-less alphabet', () => {
  const r = new SeededRandom(3);
  const name = generateName('member-59d75b86ff-', r);
  assert.match(name, /^member-59d75b86ff-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  const long = generateName('x'.repeat(70), r);
  assert.equal(long.length, 63);
  assert.equal(NAME_ALPHABET.length, 27);
});

test('template hashes use only the digit alphabet 4-9bcdf and ignore key order', () => {
  const h1 = computeTemplateHash({ metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  const h2 = computeTemplateHash({ spec: { containers: [{ image: 'nginx', name: 'c' }] }, metadata: { labels: { app: 'a' } } });
  assert.equal(h1, h2);
  assert.match(h1, /^[456789bcdf]{1,10}$/);
  assert.notEqual(computeTemplateHash({ a: 1 }, 1), computeTemplateHash({ a: 1 }));
  // Each decimal digit maps through the alphabet: 0→4, 1→5, ... 9→f.
  assert.equal(safeEncodeString('0123456789'), '456789bcdf');
  // FNV-1a of the empty string is the offset basis.
  assert.equal(fnv1a32(''), 0x811c9dc5);
});
