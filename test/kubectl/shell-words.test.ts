import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteWord, ShellSyntaxError, shellWords } from '../../src/kubectl/shell-words.ts';

test('splits on whitespace and keeps quoted text together', () => {
  assert.deepEqual(shellWords('  get  pods\t-n ott '), ['get', 'pods', '-n', 'ott']);
  assert.deepEqual(shellWords(`patch cj x -p '{"spec":{"suspend":true}}'`), ['patch', 'cj', 'x', '-p', '{"spec":{"suspend":true}}']);
  assert.deepEqual(shellWords('annotate pod x msg="hello world"'), ['annotate', 'pod', 'x', 'msg=hello world']);
  assert.deepEqual(shellWords(`a 'it''s' b`), ['a', 'its', 'b']);
});

test('backslashes escape outside quotes and before special characters in double quotes', () => {
  assert.deepEqual(shellWords('a\\ b c'), ['a b', 'c']);
  assert.deepEqual(shellWords('"say \\"hi\\" \\n"'), ['say "hi" \\n']);
  assert.deepEqual(shellWords("'no \\escape'"), ['no \\escape']);
});

test('empty quoted words are words; comments are dropped', () => {
  assert.deepEqual(shellWords(`label pod x a="" # the rest`), ['label', 'pod', 'x', 'a=']);
  assert.deepEqual(shellWords(`x ''`), ['x', '']);
});

test('unterminated quotes and shell operators are refused', () => {
  assert.throws(() => shellWords(`get 'pods`), ShellSyntaxError);
  assert.throws(() => shellWords(`get "pods`), ShellSyntaxError);
  assert.throws(() => shellWords('get pods | grep web'), /the shell operator "\|" is not supported/);
  assert.throws(() => shellWords('get pods && get svc'), /"&&"/);
  // Quoted, the same characters are plain text.
  assert.deepEqual(shellWords(`exec p -- sh -c 'a | b'`), ['exec', 'p', '--', 'sh', '-c', 'a | b']);
});

test('quoteWord round-trips through shellWords', () => {
  for (const w of ['plain', 'two words', "it's", '', '{"a":1}', 'a|b']) {
    assert.deepEqual(shellWords(quoteWord(w)), [w]);
  }
});
