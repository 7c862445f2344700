/** The keymap table and key names: one binding per key and view, every command handled, --readonly, Ink's key quirks. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { activeKeymap, appliesTo, bindingsFor, KEYMAP, lookup } from '../../src/tui/keymap/keymap.ts';
import { keyLabel, keyPress, keyPresses } from '../../src/tui/keymap/keys.ts';
import { RESOURCE_VIEWS, type PageKind } from '../../src/tui/views/view-names.ts';

const PAGES: PageKind[] = [...RESOURCE_VIEWS, 'containers', 'text', 'help'];

describe('keymap', () => {
  it('gives every key at most one meaning per view (else a later binding could never run)', () => {
    for (const view of PAGES) {
      const seen = new Map<string, string>();
      for (const b of KEYMAP.filter((b) => appliesTo(b, view))) {
        for (const k of b.keys) {
          if (seen.has(k)) assert.fail(`${view}: ${k} is both ${seen.get(k)} and ${b.command}`);
          seen.set(k, b.command);
        }
      }
    }
  });

  it('every command is handled by the controller', () => {
    const src = ['state/commands.ts', 'actions/resource-actions.ts'].map((f) => readFileSync(join(import.meta.dirname, '../../src/tui', f), 'utf8')).join('\n');
    for (const b of KEYMAP) assert.ok(src.includes(`'${b.command}'`), `no handler for ${b.command}`);
  });

  it('finds what a key does in a view: s scales a Deployment and suspends a CronJob', () => {
    assert.equal(lookup(KEYMAP, 'deployments', 's')?.command, 'scale');
    assert.equal(lookup(KEYMAP, 'cronjobs', 's')?.command, 'suspend');
    assert.equal(lookup(KEYMAP, 'nodes', 'r')?.command, 'drain');
    assert.equal(lookup(KEYMAP, 'deployments', 'r')?.command, 'restart');
    assert.equal(lookup(KEYMAP, 'pods', 's'), undefined);
    assert.equal(lookup(KEYMAP, 'text', 'ctrl-d'), undefined);
    assert.equal(lookup(KEYMAP, 'text', 'esc')?.command, 'back');
  });

  it('--readonly drops every dangerous binding, and only those', () => {
    const ro = activeKeymap(true);
    assert.ok(ro.every((b) => !b.dangerous));
    assert.equal(ro.length, KEYMAP.filter((b) => !b.dangerous).length);
    assert.equal(lookup(ro, 'deployments', 's'), undefined);
    assert.equal(lookup(ro, 'deployments', 'ctrl-d'), undefined);
    assert.equal(lookup(ro, 'deployments', 'd')?.command, 'describe');
    for (const c of ['scale', 'delete', 'kill', 'restart', 'history', 'cordon', 'uncordon', 'drain', 'label', 'taint', 'suspend', 'trigger', 'kubectl']) {
      assert.ok(KEYMAP.some((b) => b.command === c && b.dangerous), `${c} is dangerous`);
    }
  });

  it('bindingsFor lists a view\'s keys once each, in table order', () => {
    const nodes = bindingsFor(KEYMAP, 'nodes').map((b) => b.command);
    assert.ok(nodes.includes('drain') && nodes.includes('cordon') && nodes.includes('taint'));
    assert.ok(!nodes.includes('restart'), 'r is drain on nodes');
    assert.ok(!nodes.includes('scale'));
  });
});

describe('key names', () => {
  it('reads Ink 6.8 keys as the keymap names them', () => {
    assert.deepEqual(keyPress('d', { ctrl: true }), { name: 'ctrl-d', text: '' });
    assert.deepEqual(keyPress('', { delete: true }), { name: 'backspace', text: '' }, 'Backspace arrives as delete');
    assert.deepEqual(keyPress('', { escape: true, meta: true }), { name: 'esc', text: '' });
    assert.deepEqual(keyPress('`', { ctrl: true }), { name: 'ctrl-space', text: '' });
    assert.deepEqual(keyPress('\x1c', {}), { name: 'ctrl-\\', text: '' });
    assert.deepEqual(keyPress(' ', {}), { name: 'space', text: ' ' });
    assert.deepEqual(keyPress('N', { shift: true }), { name: 'N', text: 'N' });
    assert.deepEqual(keyPress('', { tab: true, shift: true }), { name: 'shift-tab', text: '' });
    assert.deepEqual(keyPress('', { upArrow: true }), { name: 'up', text: '' });
    assert.deepEqual(keyPress('', { pageDown: true }), { name: 'pgdn', text: '' });
  });

  it('splits a chunk of several keys (tmux send-keys, a paste)', () => {
    assert.deepEqual(
      keyPresses(':deploy\r', {}).map((k) => k.name),
      [':', 'd', 'e', 'p', 'l', 'o', 'y', 'enter'],
    );
    assert.deepEqual(keyPresses('ab\x7f', {}).map((k) => k.name), ['a', 'b', 'backspace']);
    assert.deepEqual(keyPresses('x', {}).map((k) => k.name), ['x']);
  });

  it('labels keys as k9s does', () => {
    assert.equal(keyLabel('N'), 'shift-n');
    assert.equal(keyLabel('ctrl-d'), 'ctrl-d');
    assert.equal(keyLabel(':'), ':');
  });
});
