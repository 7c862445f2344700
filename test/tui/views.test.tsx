/**
 * Each view through the real Ink app (a 160×50 terminal): its title, and its columns — those of
 * `kubectl get` for the kind (the same printers: every header kubectl prints appears, in order)
 * plus k9s's extras — and its rows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { renderTui, type Harness } from './harness.tsx';

/** The header tokens of a kubectl table (columns are separated by two spaces or more). */
function kubectlHeaders(out: string): string[] {
  return out.split('\n')[0].trim().split(/\s{2,}/);
}

function tuiHeaderLine(frame: string): string {
  const lines = frame.split('\n');
  const title = lines.findIndex((l) => l.startsWith('┌'));
  return lines[title + 1];
}

function inOrder(line: string, headers: readonly string[]): boolean {
  let at = 0;
  for (const h of headers) {
    const i = line.indexOf(` ${h} `, at) >= 0 ? line.indexOf(` ${h} `, at) : line.indexOf(` ${h}`, at);
    if (i < 0) return false;
    at = i + h.length;
  }
  return true;
}

const VIEWS: [command: string, title: RegExp, kubectl: string, extras: string[]][] = [
  ['po', /Pods\(ott\)\[\d+\]/, 'get pods -n ott', ['IP', 'NODE', 'CPU/R', 'MEM/R']],
  ['deploy', /Deployments\(ott\)\[2\]/, 'get deploy -n ott', ['IMAGES']],
  ['rs', /ReplicaSets\(ott\)\[2\]/, 'get rs -n ott', ['REVISION', 'IMAGES']],
  ['sts', /StatefulSets\(ott\)\[1\]/, 'get sts -n ott', ['SERVICE', 'IMAGES']],
  ['ds', /DaemonSets\(ott\)\[1\]/, 'get ds -n ott', ['IMAGES']],
  ['job', /Jobs\(ott\)\[\d+\]/, 'get jobs -n ott', ['IMAGES']],
  ['cj', /CronJobs\(ott\)\[1\]/, 'get cj -n ott', []],
  ['no', /Nodes\[3\]/, 'get nodes', ['TAINTS', 'PODS', 'CPU/R', 'MEM/R', 'INTERNAL-IP']],
  ['svc', /Services\(ott\)\[1\]/, 'get svc -n ott', []],
  ['ep', /Endpoints\(ott\)\[1\]/, 'get ep -n ott', []],
  ['pvc', /PersistentVolumeClaims\(ott\)\[2\]/, 'get pvc -n ott', []],
  ['pv', /PersistentVolumes\[2\]/, 'get pv', []],
  ['cm', /ConfigMaps\(ott\)\[2\]/, 'get cm -n ott', []],
  ['secrets', /Secrets\(ott\)\[\d+\]/, 'get secrets -n ott', []],
  ['sa', /ServiceAccounts\(ott\)\[1\]/, 'get sa -n ott', []],
  ['ns', /Namespaces\[5\]/, 'get ns', []],
  ['ev', /Events\(ott\)\[\d+\]/, 'get events -n ott', []],
];

describe('views', () => {
  let h: Harness;
  before(async () => {
    h = await renderTui({ columns: 180, rows: 50 });
    h.controller.time.setSpeed(60);
    await h.advance(1000);
    await h.type('n'); // past the fixture's pause step
    await h.advance(3000); // three more virtual minutes: everything up, a pi Job run
    h.controller.time.toggle(); // hold time so kubectl and the view see the same instant
  });
  after(async () => h.unmount());

  for (const [command, title, get, extras] of VIEWS) {
    it(`:${command} shows ${get}'s columns${extras.length ? ` and ${extras.join(', ')}` : ''}`, async () => {
      await h.type(`:${command}`);
      await h.press('enter');
      const frame = h.frame();
      assert.match(frame, title);
      const r = h.session.run(get);
      const header = tuiHeaderLine(frame);
      const want = kubectlHeaders(r.stdout);
      const ageLast = want.at(-1) === 'AGE';
      const expected = ageLast ? [...want.slice(0, -1), ...extras, 'AGE'] : [...want, ...extras];
      assert.ok(inOrder(header, expected), `header ${JSON.stringify(header)} should hold ${expected.join(' ')}`);
      const rows = r.stdout.trim().split('\n').slice(1);
      assert.match(frame, new RegExp(`\\[${rows.length}\\]`), 'as many rows as kubectl prints');
      // The rows kubectl prints are on the screen (Events are sorted by when they were last seen instead).
      if (command !== 'ev') for (const line of rows.slice(0, 8)) assert.ok(frame.includes(line.trim().split(/\s+/)[0]), `${line} on screen`);
    });
  }

  it('ctrl-w adds the wide columns; 0 lists every namespace with a NAMESPACE column', async () => {
    await h.type(':po');
    await h.press('enter');
    await h.press('ctrl-w');
    assert.ok(inOrder(tuiHeaderLine(h.frame()), ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']));
    await h.type('0');
    const frame = h.frame();
    assert.match(frame, /Pods\(all\)\[\d+\]/);
    assert.ok(tuiHeaderLine(frame).includes(' NAMESPACE '));
    assert.match(frame, /kube-system +coredns-/);
    await h.type('1');
    assert.match(h.frame(), /Pods\(ott\)/);
  });

  it('colours rows by health and marks changes (+ new, ~ changed, - deleted)', async () => {
    await h.type(':deploy');
    await h.press('enter');
    h.session.run('scale deploy recommend -n ott --replicas=3');
    await h.advance(250);
    assert.match(h.frame(), /~recommend +1\/3 +3↑/);
    h.session.run('create deployment extra -n ott --image=nginx');
    await h.advance(250);
    assert.match(h.frame(), /\+extra /);
    h.session.run('delete deploy extra -n ott');
    await h.advance(250);
    assert.match(h.frame(), /-extra /);
    h.controller.time.toggle();
    await h.advance(3000);
    assert.doesNotMatch(h.frame(), /extra /, 'gone once the mark expires');
    const screen = h.controller.screen();
    const rec = screen.find((l) => l.map((s) => s.text).join('').includes('recommend '))!;
    assert.ok(rec.some((s) => s.text.includes('recommend') && s.color === 'cyan'), 'healthy again: cyan');
    h.controller.time.toggle();
  });
});
