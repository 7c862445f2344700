/** Table logic without Ink: filter, sort, change marks and deltas, virtual scrolling, column text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChangeTracker } from '../../src/tui/table/changes.ts';
import { filterRows, parseFilter } from '../../src/tui/table/filter.ts';
import { columnWidths, fit, fitWidths, formatLine } from '../../src/tui/table/format.ts';
import type { Row } from '../../src/tui/table/rows.ts';
import { nextSort, sortRows } from '../../src/tui/table/sort.ts';
import { clampViewport, moveCursor, visibleRange } from '../../src/tui/table/window.ts';

function row(name: string, cells: string[], extra: Partial<Row> = {}): Row {
  return { id: `ott/${name}`, namespace: 'ott', name, cells: [name, ...cells], health: 'ok', labels: {}, time: 0, ...extra };
}

const HEADERS = ['NAME', 'READY', 'STATUS', 'AGE'];

describe('filter', () => {
  const rows = [
    row('member-1', ['1/1', 'Running', '5s'], { labels: { app: 'member', tier: 'web' } }),
    row('member-2', ['0/1', 'Pending', '1s'], { labels: { app: 'member', tier: 'db' } }),
    row('recommend-1', ['1/1', 'Running', '9s'], { labels: { app: 'recommend' } }),
  ];
  const names = (f: string) => filterRows(rows, parseFilter(f)).map((r) => r.name);

  it('is a case-insensitive regular expression over the cells', () => {
    assert.deepEqual(names('MEMBER'), ['member-1', 'member-2']);
    assert.deepEqual(names('pend'), ['member-2']);
    assert.deepEqual(names('^rec'), ['recommend-1']);
    assert.deepEqual(names('1/1.*Running'), ['member-1', 'recommend-1']);
  });

  it('! inverts it', () => {
    assert.deepEqual(names('!member'), ['recommend-1']);
  });

  it('-l is a label selector', () => {
    assert.deepEqual(names('-l app=member,tier!=db'), ['member-1']);
    assert.deepEqual(names('-l app in (recommend)'), ['recommend-1']);
    assert.deepEqual(names('-l !tier'), ['recommend-1']);
    assert.equal(parseFilter('-l a=(').kind, 'invalid');
  });

  it('-f is fuzzy over namespace/name; a bad regular expression matches literally', () => {
    assert.deepEqual(names('-f mbr2'), ['member-2']);
    assert.deepEqual(filterRows([row('a(b', [])], parseFilter('a(')).length, 1);
    assert.deepEqual(names(''), ['member-1', 'member-2', 'recommend-1']);
  });
});

describe('sort', () => {
  const rows = [row('b', ['1/1', 'Running', '2m'], { time: 1000 }), row('a', ['0/1', 'Pending', '5s'], { time: 3000, namespace: 'z' }), row('c', ['1/1', 'Error', '1h'], { time: 10 })];
  it('by name, age (youngest first), status, namespace; the same key flips', () => {
    assert.deepEqual(sortRows(rows, { by: 'name', desc: false }, HEADERS).map((r) => r.name), ['a', 'b', 'c']);
    assert.deepEqual(sortRows(rows, { by: 'age', desc: false }, HEADERS).map((r) => r.name), ['a', 'b', 'c']);
    assert.deepEqual(sortRows(rows, { by: 'age', desc: true }, HEADERS).map((r) => r.name), ['c', 'b', 'a']);
    assert.deepEqual(sortRows(rows, { by: 'status', desc: false }, HEADERS).map((r) => r.name), ['c', 'a', 'b']);
    assert.deepEqual(sortRows(rows, { by: 'namespace', desc: false }, HEADERS).map((r) => r.name), ['b', 'c', 'a']);
    assert.deepEqual(sortRows(rows, undefined, HEADERS).map((r) => r.name), ['b', 'a', 'c']);
    assert.deepEqual(nextSort(undefined, 'age'), { by: 'age', desc: false });
    assert.deepEqual(nextSort({ by: 'age', desc: false }, 'age'), { by: 'age', desc: true });
    assert.deepEqual(nextSort({ by: 'age', desc: true }, 'name'), { by: 'name', desc: false });
  });
});

describe('change marks (the worked example of changes.ts)', () => {
  it('marks new, changed and deleted rows, numbers ↑/↓, for holdMs', () => {
    const t = new ChangeTracker(2000);
    const a1 = row('a', ['1/3', 'Running', '5s']);
    assert.deepEqual(t.update({ headers: HEADERS, rows: [a1] }, 0).map((r) => r.change), [undefined], 'the first snapshot marks nothing');
    const a2 = row('a', ['2/3', 'Running', '6s']);
    const b = row('b', ['0/1', 'Pending', '0s']);
    const out = t.update({ headers: HEADERS, rows: [a2, b] }, 250);
    assert.equal(out[0].change, 'modified');
    assert.equal(out[0].deltas?.get(1), '↑');
    assert.equal(out[1].change, 'added');
    const later = t.update({ headers: HEADERS, rows: [b] }, 500);
    assert.deepEqual(later.map((r) => [r.name, r.change]), [['a', 'deleted'], ['b', 'added']]);
    assert.deepEqual(t.decorate([b], 2250).map((r) => [r.name, r.change]), [['a', 'deleted'], ['b', undefined]]);
    assert.deepEqual(t.decorate([b], 2500).map((r) => [r.name, r.change]), [['b', undefined]]);
    assert.equal(t.active(), false);
  });

  it('ignores cells that change by themselves: AGE and the "(5s ago)" of RESTARTS', () => {
    const t = new ChangeTracker(2000);
    const h = ['NAME', 'RESTARTS', 'AGE'];
    t.update({ headers: h, rows: [row('a', ['1 (5s ago)', '5s'])] }, 0);
    assert.equal(t.update({ headers: h, rows: [row('a', ['1 (6s ago)', '6s'])] }, 250)[0].change, undefined);
    const r = t.update({ headers: h, rows: [row('a', ['2 (0s ago)', '7s'])] }, 500)[0];
    assert.equal(r.change, 'modified');
    assert.equal(r.deltas?.get(1), '↑');
  });

  it('reset forgets: a new query is not a change', () => {
    const t = new ChangeTracker(2000);
    t.update({ headers: HEADERS, rows: [row('a', ['1/1', 'Running', '1s'])] }, 0);
    t.reset();
    assert.equal(t.update({ headers: HEADERS, rows: [row('b', ['1/1', 'Running', '1s'])] }, 10)[0].change, undefined);
  });
});

describe('virtual scrolling (the worked example of window.ts)', () => {
  it('keeps the cursor inside the window', () => {
    let v = clampViewport({ cursor: 0, top: 0 }, 100, 10);
    assert.deepEqual(v, { cursor: 0, top: 0 });
    v = moveCursor(v, 100, 100, 10);
    assert.deepEqual(v, { cursor: 99, top: 90 });
    v = moveCursor(moveCursor(moveCursor(v, -1, 100, 10), -1, 100, 10), -1, 100, 10);
    assert.deepEqual(v, { cursor: 96, top: 90 });
    v = moveCursor(v, -10, 100, 10);
    assert.deepEqual(v, { cursor: 86, top: 86 });
    assert.deepEqual(visibleRange(v, 100, 10), [86, 96]);
    assert.deepEqual(clampViewport({ cursor: 50, top: 45 }, 5, 10), { cursor: 4, top: 0 });
    assert.deepEqual(clampViewport({ cursor: 3, top: 0 }, 0, 10), { cursor: 0, top: 0 });
  });
});

describe('column text', () => {
  it('pads to the widest cell, caps long columns, cuts at the width', () => {
    const w = columnWidths(['NAME', 'MESSAGE'], [['a', 'x'.repeat(80)], ['bbbbbb', 'y']]);
    assert.deepEqual(w, [6, 80], 'the last column is not capped');
    assert.deepEqual(columnWidths(['A', 'B'], [['z'.repeat(70), '']]), [48, 1]);
    assert.equal(formatLine(['a', 'b'], [3, 1], 10), 'a    b    ');
    assert.equal(formatLine(['abc', 'def'], [3, 3], 4), 'abc ');
    assert.equal(fit('abc', 2), 'ab');
  });
});

describe('columns in a narrow terminal', () => {
  it('the widest columns give way so that the last ones (AGE) stay on screen', () => {
    const headers = ['NAME', 'IMAGES', 'AGE'];
    assert.deepEqual(fitWidths(headers, [4, 48, 3], 40), [4, 29, 3], 'the worked example of format.ts');
    assert.equal(formatLine(['echo', 'gihyodocker/nginx:latest,gihyodocker/echo:latest', '46s'], fitWidths(headers, [4, 48, 3], 40), 40), 'echo  gihyodocker/nginx:latest,gihy  46s');
    assert.deepEqual(fitWidths(headers, [4, 48, 3], 80), [4, 48, 3], 'room enough: unchanged');
    assert.deepEqual(fitWidths(['NAME', 'A', 'B', 'AGE'], [30, 30, 30, 3], 50), [13, 14, 14, 3], 'shared among the widest');
    assert.deepEqual(fitWidths(headers, [4, 48, 3], 10), [4, 8, 3], 'never below 8 (or the header)');
  });
});
