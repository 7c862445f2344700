/** The `:` command grammar and completion, dialogs as pure (dialog, key) → dialog, the TUI's clock. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matches } from '../../src/api/selector.ts';
import { completions, parseCommand } from '../../src/tui/command/command-line.ts';
import { keyPress } from '../../src/tui/keymap/keys.ts';
import { confirmDialog, dialogKey, formDialog, type Dialog } from '../../src/tui/state/dialog.ts';
import { clusterAdvancer, SPEEDS, TimeControl } from '../../src/tui/time/time-control.ts';
import { Cluster } from '../../src/cluster/cluster.ts';

const exists = (ns: string) => ['ott', 'default', 'kube-system'].includes(ns);

describe(': commands', () => {
  it('opens views by every kubectl name and k9s alias', () => {
    for (const [text, view] of [
      ['po', 'pods'],
      ['pods', 'pods'],
      ['deploy', 'deployments'],
      ['dp', 'deployments'],
      ['sts', 'statefulsets'],
      ['ds', 'daemonsets'],
      ['job', 'jobs'],
      ['cj', 'cronjobs'],
      ['no', 'nodes'],
      ['svc', 'services'],
      ['ev', 'events'],
      ['ns', 'namespaces'],
      ['rs', 'replicasets'],
      ['ep', 'endpoints'],
      ['pvc', 'persistentvolumeclaims'],
      ['pv', 'persistentvolumes'],
      ['cm', 'configmaps'],
      ['secrets', 'secrets'],
      ['sa', 'serviceaccounts'],
    ]) {
      const c = parseCommand(text, exists);
      assert.ok(c.kind === 'view' && c.view === view, `${text} → ${JSON.stringify(c)}`);
    }
  });

  it('takes a namespace, a label selector and a filter', () => {
    assert.deepEqual(parseCommand(':pod ott', exists), { kind: 'view', view: 'pods', namespace: 'ott' });
    assert.deepEqual(parseCommand('pod all', exists), { kind: 'view', view: 'pods', namespace: '' });
    const c = parseCommand('pod app=member', exists);
    assert.ok(c.kind === 'view' && c.selector?.text === 'app=member' && matches(c.selector.selector, { app: 'member' }));
    assert.deepEqual(parseCommand('pod /web 1', exists), { kind: 'view', view: 'pods', filter: 'web 1' });
    const all = parseCommand('deploy kube-system app=x /core', exists);
    assert.ok(all.kind === 'view' && all.namespace === 'kube-system' && all.filter === 'core' && all.selector?.text === 'app=x');
  });

  it('quits, helps, shows the scenario; refuses what it does not know', () => {
    for (const q of ['q', 'q!', 'qa', 'quit']) assert.deepEqual(parseCommand(q, exists), { kind: 'quit' });
    assert.deepEqual(parseCommand('help', exists), { kind: 'help' });
    assert.deepEqual(parseCommand('scenario', exists), { kind: 'scenario' });
    assert.deepEqual(parseCommand('pods nowhere', exists), { kind: 'error', message: 'namespace "nowhere" not found' });
    assert.deepEqual(parseCommand('frobs', exists), { kind: 'error', message: 'unknown view "frobs"' });
    assert.equal(parseCommand('po a=(', exists).kind, 'error');
  });

  it('completes view names, then namespaces', () => {
    assert.equal(completions('dep', [])[0], 'deploy');
    assert.equal(completions('st', [])[0], 'sts');
    assert.ok(completions('s', []).includes('svc'));
    assert.deepEqual(completions('po o', ['ott', 'default']), ['po ott']);
    assert.deepEqual(completions('po ', ['ott']), []);
    assert.deepEqual(completions('po app=x', ['ott']), []);
  });
});

const k = (name: string) => (name.length === 1 ? keyPress(name, {}) : { name, text: name === 'space' ? ' ' : '' });
const action = { id: 'x', targets: [] };

describe('dialogs', () => {
  it('a confirmation starts on Cancel: Enter cancels; → then Enter confirms; Esc cancels', () => {
    const d = confirmDialog('Kill', ['Kill pod?'], action);
    assert.deepEqual(dialogKey(d, k('enter')), { type: 'close', button: 'Cancel', values: {} });
    const moved = dialogKey(d, k('right'));
    assert.equal(moved.type, 'open');
    assert.equal(dialogKey((moved as { dialog: Dialog }).dialog, k('enter')).type === 'close' && (dialogKey((moved as { dialog: Dialog }).dialog, k('enter')) as { button?: string }).button, 'OK');
    assert.deepEqual(dialogKey(d, k('esc')), { type: 'close', values: {} });
  });

  it('a form edits its fields; Enter in a field submits', () => {
    let d: Dialog = formDialog('Scale', [], [{ type: 'text', id: 'replicas', label: 'Replicas', value: '2', numeric: true }, { type: 'checkbox', id: 'force', label: 'Force', value: false }, { type: 'choice', id: 'p', label: 'P', options: ['A', 'B', 'C'], value: 0 }], action);
    const step = (name: string) => {
      const r = dialogKey(d, k(name));
      assert.equal(r.type, 'open');
      d = (r as { dialog: Dialog }).dialog;
    };
    step('backspace');
    step('7');
    step('x'); // not a digit
    step('tab');
    step('space');
    step('tab');
    step('left');
    assert.deepEqual(dialogKey(d, k('enter')), { type: 'close', button: 'OK', values: { replicas: '7', force: true, p: 'C' } });
  });

  it('a list moves with ↑/↓', () => {
    let d: Dialog = formDialog('History', [], [{ type: 'list', id: 'rev', label: '', items: ['1', '2', '3'], value: 2, height: 3 }], action, { ok: 'Roll back', buttons: ['Cancel', 'Undo', 'Roll back'] });
    d = (dialogKey(d, k('up')) as { dialog: Dialog }).dialog;
    d = (dialogKey(d, k('up')) as { dialog: Dialog }).dialog;
    d = (dialogKey(d, k('up')) as { dialog: Dialog }).dialog;
    assert.deepEqual(dialogKey(d, k('enter')), { type: 'close', button: 'Roll back', values: { rev: 0 } });
    d = (dialogKey(d, k('tab')) as { dialog: Dialog }).dialog;
    d = (dialogKey(d, k('right')) as { dialog: Dialog }).dialog;
    assert.deepEqual(dialogKey(d, k('enter')), { type: 'close', button: 'Undo', values: { rev: 0 } });
  });
});

describe('time control', () => {
  it('runs at real time × speed, pauses, steps to the next event', () => {
    const c = new Cluster({ seed: 1 });
    const t0 = c.now();
    const time = new TimeControl(c, clusterAdvancer(c));
    assert.equal(time.speed, 1);
    time.tick(250);
    assert.equal(c.now(), t0 + 250);
    for (const s of SPEEDS.slice(1)) assert.equal(time.faster(), `Speed ×${s}`);
    assert.equal(time.faster(), 'Speed ×600', 'no faster than ×600');
    time.tick(250);
    assert.equal(c.now(), t0 + 250 + 150_000);
    time.tick(60_000);
    assert.equal(c.now(), t0 + 250 + 150_000 + 600_000, 'a stalled tick counts one second at most');
    assert.equal(time.toggle(), 'Time paused');
    const held = c.now();
    time.tick(250);
    assert.equal(c.now(), held);
    const next = c.nextEventTime()!;
    assert.equal(time.step(), 'Stepped to the next event');
    assert.equal(c.now(), next);
    for (let i = 0; i < 6; i++) time.slower();
    assert.equal(time.speed, 1);
    time.toggle();
    time.tick(0.4);
    time.tick(0.4);
    time.tick(0.4);
    assert.equal(c.now(), next + 1, 'fractions carry over');
  });
});
