/**
 * Moving around the real Ink app: `:` command mode with aliases and completion, the `/` filter,
 * Enter drilling down and Esc coming back, help, sorting, marks, the read-only pages (describe,
 * YAML, events, logs), the `!` kubectl prompt, and a resize.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { renderTui, type Harness } from './harness.tsx';

const title = (frame: string) => frame.split('\n').find((l) => l.startsWith('┌')) ?? '';
const crumbs = (frame: string) => frame.split('\n').find((l) => l.startsWith(' <')) ?? '';

describe('navigation', () => {
  let h: Harness;
  before(async () => {
    h = await renderTui({ columns: 160, rows: 45 });
    h.controller.time.setSpeed(60);
    await h.advance(1000);
    await h.type('n');
    await h.advance(2500);
    h.session.run('create job pi-manual-now --from=cronjob/pi -n ott');
    await h.advance(250);
    h.controller.time.toggle();
  });
  after(async () => h.unmount());

  it(': opens a view by alias; Tab completes; a namespace, a selector or a filter may follow', async () => {
    await h.type(':dep');
    assert.match(h.frame(), /^:dep loy/m, 'the completion shows after the cursor');
    await h.press('tab');
    await h.press('enter');
    assert.match(title(h.frame()), /Deployments\(ott\)\[2\]/);
    assert.equal(crumbs(h.frame()).trim(), '<deployments>');
    await h.type(':pod app=member');
    await h.press('enter');
    assert.match(title(h.frame()), /Pods\(ott\)\[2\] <app=member>/);
    await h.type(':po kube-system');
    await h.press('enter');
    assert.match(title(h.frame()), /Pods\(kube-system\)\[\d+\]/);
    assert.match(h.frame(), /coredns-/);
    await h.type(':svc ott /mem');
    await h.press('enter');
    assert.match(title(h.frame()), /Services\(ott\)\[1\] <\/mem>/);
    await h.type(':frobs');
    await h.press('enter');
    assert.match(h.frame(), /unknown view "frobs"/);
    await h.type(':po');
    await h.press('esc');
    assert.match(title(h.frame()), /Services/, 'Esc leaves the prompt');
  });

  it('/ filters as you type: a regular expression, ! inverse, -l labels; Esc clears it', async () => {
    await h.type(':po ott');
    await h.press('enter');
    await h.type('/member');
    assert.match(title(h.frame()), /Pods\(ott\)\[2\] <\/member>/);
    await h.press('enter');
    assert.doesNotMatch(h.frame(), /recommend-/);
    await h.type('/');
    for (let i = 0; i < 6; i++) await h.press('backspace');
    await h.type('!member');
    await h.press('enter');
    assert.match(h.frame(), /recommend-/);
    assert.doesNotMatch(h.frame(), /member-[a-z0-9]+-/);
    await h.type('/');
    for (let i = 0; i < 7; i++) await h.press('backspace');
    await h.type('-l app in (db,fluentd)');
    await h.press('enter');
    assert.match(title(h.frame()), /Pods\(ott\)\[4\] <\/-l app in \(db,fluentd\)>/, 'db-0, db-1 and fluentd on the two workers');
    await h.type('/');
    await h.press('esc');
    assert.doesNotMatch(title(h.frame()), /<\//, 'no filter');
  });

  it('Esc on a filtered table clears the filter first, then goes back', async () => {
    await h.type(':deploy');
    await h.press('enter');
    await h.press('enter'); // member's pods
    await h.type('/zzz');
    await h.press('enter');
    assert.match(title(h.frame()), /Pods\(ott\)\[0\] <app=member> <\/zzz>/);
    await h.press('esc');
    assert.match(title(h.frame()), /Pods\(ott\)\[2\] <app=member>/, 'the filter is gone, the page stays');
    assert.doesNotMatch(title(h.frame()), /<\//);
    await h.press('esc');
    assert.match(title(h.frame()), /Deployments\(ott\)/);
  });

  it('Enter drills down: deployment → pods → containers → logs; Esc comes back', async () => {
    await h.type(':deploy');
    await h.press('enter');
    await h.press('enter'); // member
    assert.match(title(h.frame()), /Pods\(ott\)\[2\] <app=member>/);
    await h.press('enter');
    assert.match(title(h.frame()), /Containers\(ott\/member-[a-z0-9]+-[a-z0-9]+\)\[1\]/);
    assert.match(h.frame(), /member +nginx:1\.25 +true +Running +false +0 +80\/TCP/);
    await h.press('enter');
    assert.match(title(h.frame()), /Logs\(ott\/member-.*:member\) \(follow\)/);
    assert.equal(crumbs(h.frame()).trim().split(/\s+/).join(' '), '<deployments> <pods> <containers> <logs>');
    await h.press('esc');
    await h.press('esc');
    await h.press('esc');
    assert.match(title(h.frame()), /Deployments\(ott\)/);
    await h.press('esc');
    assert.match(title(h.frame()), /Deployments\(ott\)/, 'Esc at the root stays');
  });

  it('cronjob → jobs → pods; node → its pods; service, statefulset, daemonset, replicaset → their pods', async () => {
    await h.type(':cj');
    await h.press('enter');
    await h.press('enter');
    assert.match(title(h.frame()), /Jobs\(ott\)\[\d+\] <cronjob\/pi>/);
    assert.match(h.frame(), /pi-manual-now/);
    await h.type('G'); // the manual one is the youngest... sorted by age: find it by filter instead
    await h.type('/manual');
    await h.press('enter');
    await h.press('enter');
    assert.match(title(h.frame()), /Pods\(ott\)\[1\] <batch\.kubernetes\.io\/controller-uid=/);
    assert.match(h.frame(), /pi-manual-now-[a-z0-9]{5}/);

    await h.type(':no');
    await h.press('enter');
    await h.type('/worker1');
    await h.press('enter');
    await h.press('enter');
    assert.match(title(h.frame()), /Pods\(all\)\[\d+\] <node\/worker1>/);
    assert.doesNotMatch(h.frame(), /│ +\S+ +kube-system|worker2 /, 'only worker1\'s pods');

    for (const [view, label] of [
      ['svc', '<app=member>'],
      ['sts', '<app=db>'],
      ['ds', '<app=fluentd>'],
    ] as const) {
      await h.type(`:${view}`);
      await h.press('enter');
      await h.press('enter');
      assert.ok(title(h.frame()).includes(`Pods(ott)`) && title(h.frame()).includes(label), `${view}: ${title(h.frame())}`);
    }
    await h.type(':rs');
    await h.press('enter');
    await h.press('enter');
    assert.match(title(h.frame()), /Pods\(ott\)\[\d\] <app=\w+,pod-template-hash=[a-z0-9]+>/);
  });

  it('? shows help built from the keymap for the view; sorting; marks', async () => {
    await h.type(':deploy');
    await h.press('enter');
    await h.type('?');
    const help = h.frame();
    assert.match(title(help), /Help\(deployments\)/);
    for (const text of ['RESOURCE', 'GENERAL', 'TIME', 'NAVIGATION', '<s>', 'Scale', '<h>', 'History/Rollback', '<ctrl-d>', '<shift-n>', 'Sort name']) assert.ok(help.includes(text), text);
    assert.ok(!help.includes('Drain'), 'not a deployments key');
    await h.press('esc');

    await h.type(':po');
    await h.press('enter');
    await h.type('N');
    const names = () => h.frame().split('\n').filter((l) => /^│[ *][ +~-](db|fluentd|member|recommend|pi)/.test(l)).map((l) => l.slice(3).split(/\s+/)[0]);
    const asc = names();
    assert.deepEqual(asc, [...asc].sort());
    await h.type('N');
    assert.deepEqual(names(), [...asc].sort().reverse());
    await h.type('A');
    assert.match(h.frame(), /Sorted by age/);

    await h.type('g');
    await h.press('space');
    await h.press('space');
    const marked = h.frame().split('\n').filter((l) => l.startsWith('│*'));
    assert.equal(marked.length, 2);
    await h.press('ctrl-\\');
    assert.equal(h.frame().split('\n').filter((l) => l.startsWith('│*')).length, 0);
  });

  it('d, y, e, l open live pages of kubectl output', async () => {
    await h.type(':deploy');
    await h.press('enter');
    await h.type('d');
    assert.match(title(h.frame()), /Describe\(deployment ott\/member\)/);
    assert.match(h.frame(), /Name: +member/);
    assert.match(h.frame(), /Replicas: +2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable/);
    await h.press('esc');
    await h.type('y');
    assert.match(title(h.frame()), /YAML\(deployment ott\/member\)/);
    assert.match(h.frame(), /apiVersion: apps\/v1/);
    await h.press('esc');
    await h.type('e');
    assert.match(title(h.frame()), /Events\(deployment ott\/member\)/);
    assert.match(h.frame(), /ScalingReplicaSet +deployment\/member +Scaled up replica set member-[a-z0-9]+ to 2/);
    await h.press('esc');
    await h.type('l');
    assert.match(title(h.frame()), /Logs\(deployment ott\/member\) \(follow\)/);
    assert.match(h.frame(), /Found 2 pods, using pod\/member-/);
    await h.press('esc');
  });

  it('! runs a kubectl command and shows what it printed', async () => {
    await h.type('!get deploy -o wide');
    await h.press('enter');
    assert.match(title(h.frame()), /kubectl get deploy -o wide/);
    assert.match(h.frame(), /member +2\/2 +2 +2 +\S+ +member +nginx:1\.25 +app=member/);
    await h.press('esc');
    await h.type('!get nothing');
    await h.press('enter');
    assert.match(h.frame(), /error: the server doesn't have a resource type "nothing"/);
    assert.match(h.frame(), /\[exit code 1\]/);
    await h.press('esc');
  });

  it('p pauses and resumes time, + and - change the speed, . steps to the next event', async () => {
    assert.match(h.frame(), /×60 ⏸ paused/);
    await h.type('p');
    assert.match(h.frame(), /×60 ▶ running/);
    await h.type('-');
    assert.match(h.frame(), /×10 ▶ running/);
    const t0 = h.cluster.now();
    await h.advance(1000);
    assert.equal(h.cluster.now(), t0 + 10_000, 'real time × 10');
    await h.type('++');
    assert.match(h.frame(), /×600 ▶ running/);
    await h.type('p');
    assert.match(h.frame(), /Time paused/);
    const next = h.cluster.nextEventTime()!;
    await h.type('.');
    assert.equal(h.cluster.now(), next);
    assert.match(h.frame(), /Stepped to the next event: 2025-01-06 \d\d:\d\d:\d\d \(\+[\d.]+m?s\)/);
    await h.type('-');
    assert.match(h.frame(), /×60 ⏸ paused/);
  });

  it('fits a resized terminal: a small one gets a one-line header and fewer rows', async () => {
    await h.type(':po');
    await h.press('enter');
    await h.resize(90, 20);
    const frame = h.frame();
    const lines = frame.split('\n');
    assert.equal(lines.length, 19, 'one row less than the terminal');
    assert.ok(lines.every((l) => l.length <= 90));
    assert.match(lines[0], /^kubernetes 2025-01-06 \d\d:\d\d:\d\d ×60 ⏸ +nodes 3\/3/);
    await h.resize(160, 45);
    assert.equal(h.frame().split('\n').length, 44);
  });
});
