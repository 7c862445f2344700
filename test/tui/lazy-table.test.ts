/**
 * The pods view at scale prints only what it shows: a refresh of 400 pods prints the rows on
 * screen, a text filter prints every pod once and then only the pods that changed, and change
 * marks, the row count, scrolling and sorting stay right for rows never printed before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from '../../src/api/types/index.ts';
import { Cluster } from '../../src/cluster/cluster.ts';
import { KubectlSession } from '../../src/kubectl/session.ts';
import { TuiController } from '../../src/tui/state/controller.ts';
import type { TablePage } from '../../src/tui/state/pages.ts';
import { keys, screenText } from './harness.tsx';

describe('the pods view prints only what it shows', () => {
  const cluster = new Cluster({ seed: 11 });
  const session = new KubectlSession(cluster);
  session.run('create deployment big --image=nginx --replicas=400');
  cluster.advanceBy(30_000);
  let real = 0;
  const c = new TuiController({ cluster, session, realNow: () => real, holdMs: 1000 });
  const page = () => c.top as TablePage;
  const printed = () => page().data.printer!.printed;
  const names = () => cluster.store.list<Pod>('Pod', { namespace: 'default' }).map((p) => p.metadata.name);
  c.screen(120, 40);
  const shown = c.tableRows();

  it('a refresh and a draw print the visible rows only; the title counts them all', () => {
    c.refresh();
    const from = printed();
    const text = screenText(c);
    assert.match(text, /Pods\(default\)\[400\]/);
    assert.equal(printed() - from, shown, 'one print per row on screen');
    assert.equal(page().rows.length, 400);
    assert.ok(text.includes(names()[0]) && !text.includes(names()[399]));
  });

  it('scrolling prints the rows that come into view, and the cursor and title stay right', () => {
    c.refresh();
    const from = printed();
    keys(c, 'G');
    const text = screenText(c);
    assert.ok(text.includes(names()[399]) && !text.includes(names()[0]));
    assert.equal(printed() - from, shown);
    assert.equal(page().viewport.cursor, 399);
    assert.equal(page().selectedId, `default/${names()[399]}`);
    assert.match(text, /Pods\(default\)\[400\]/);
    keys(c, 'g');
  });

  it('a text filter prints each pod once; later refreshes print only changed pods and the rows shown', () => {
    const from = printed();
    keys(c, '/', ...'big-', 'enter');
    assert.equal(page().rows.length, 400);
    assert.match(screenText(c), /Pods\(default\)\[400\] <\/big->/);
    const afterFilter = printed();
    assert.ok(afterFilter - from >= 400, 'every pod printed once for the filter');
    c.refresh();
    screenText(c);
    assert.equal(printed() - afterFilter, shown, 'cached cells serve the filter: only the drawn rows print');
    keys(c, '/', 'backspace', 'backspace', 'backspace', 'backspace', 'enter');
    assert.equal(page().filter, '');
  });

  it('a change off screen is marked when the row scrolls into view, with its delta', () => {
    c.refresh();
    const last = names().findLast((n, i) => i > 360 && cluster.store.get<Pod>('Pod', 'default', n)!.status?.containerStatuses?.[0]?.ready)!;
    assert.ok(last, 'a ready pod near the end');
    const pod = cluster.store.get<Pod>('Pod', 'default', last)!;
    const statuses = pod.status!.containerStatuses!.map((s) => ({ ...s, ready: false }));
    cluster.api.updateStatus({ ...pod, status: { ...pod.status, containerStatuses: statuses } } as Pod);
    const from = printed();
    c.refresh();
    assert.ok(printed() - from <= 2, 'the changed pod, old and new (unless cached), is compared: nothing else prints');
    keys(c, 'G');
    const row = screenText(c).split('\n').find((l) => l.includes(last))!;
    assert.match(row, /│ ~/, 'marked as changed');
    assert.match(row, /0\/1↓/, 'READY went down');
    real += 2000;
    c.tick();
    const later = screenText(c).split('\n').find((l) => l.includes(last))!;
    assert.doesNotMatch(later, /│ ~|↓/, 'the mark expires');
    keys(c, 'g');
  });

  it('sorting by STATUS reads the cached cells and orders all rows', () => {
    keys(c, 'S');
    const rows = page().rows;
    const status = rows.map((r) => r.cells[page().data.headers.indexOf('STATUS')]);
    assert.deepEqual(status, [...status].sort());
    keys(c, 'S');
  });

  it('columns keep the widths they have shown while scrolling, and a table that fits is measured whole', () => {
    c.refresh();
    screenText(c);
    const top = [...page().widths];
    keys(c, 'G');
    screenText(c);
    page().widths.forEach((w, i) => assert.ok(w >= top[i], `column ${i} does not shrink`));
    keys(c, '/', ...Array<string>(page().filter.length).fill('backspace'), ...names()[5], 'enter');
    screenText(c);
    const nameWidth = page().widths[0];
    assert.equal(nameWidth, names()[5].length, 'one row: its own width');
  });
});
