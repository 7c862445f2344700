/**
 * Rendering that stays fast: only the rows that fit are drawn, whatever the table holds; the
 * screen is always exactly one row shorter than the terminal and never wider; watch events only
 * mark the view dirty, and one snapshot per tick is taken.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { KubectlSession } from '../../src/kubectl/session.ts';
import { computeLayout } from '../../src/tui/state/layout.ts';
import { TuiController } from '../../src/tui/state/controller.ts';
import { headerLines } from '../../src/tui/render/header.ts';
import { lineText } from '../../src/tui/render/line.ts';
import { keys, screenText } from './harness.tsx';

describe('rendering', () => {
  const cluster = new Cluster({ seed: 5 });
  const session = new KubectlSession(cluster);
  session.run('create deployment big --image=nginx --replicas=300');
  cluster.advanceBy(30_000);
  let real = 0;
  const c = new TuiController({ cluster, session, realNow: () => real });

  it('draws only the visible rows of a 300-pod table, at any size', () => {
    for (const [w, h] of [
      [120, 40],
      [80, 24],
      [200, 60],
      [60, 12],
    ]) {
      const lines = c.screen(w, h);
      assert.equal(lines.length, h - 1, `${w}x${h}`);
      assert.ok(lines.every((l) => lineText(l).length === w), 'every line exactly as wide as the terminal');
      const rows = lines.map(lineText).filter((l) => /│[ *][ +~-]big-/.test(l));
      const body = computeLayout(w, h, { scenario: false, prompt: false }).body;
      assert.equal(rows.length, body - 3, 'a full window of rows, no more');
    }
    assert.match(screenText(c), /Pods\(default\)\[300\]/);
  });

  it('scrolls: G shows the last rows, g the first; the selection stays visible', () => {
    c.screen(120, 40);
    keys(c, 'G');
    const text = screenText(c);
    const names = c.cluster.store.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name);
    assert.ok(text.includes(names[299]) && !text.includes(names[0]));
    keys(c, 'g');
    assert.ok(screenText(c).includes(names[0]) && !screenText(c).includes(names[299]));
    keys(c, 'ctrl-f', 'ctrl-f');
    const selected = c.screen().map(lineText).filter((l) => /big-/.test(l));
    assert.ok(selected.length > 0);
  });

  it('takes one snapshot per tick however many watch events came', () => {
    let snapshots = 0;
    const page = c.top;
    assert.equal(page.type, 'table');
    const orig = c.refresh.bind(c);
    c.refresh = () => {
      snapshots++;
      orig();
    };
    c.time.toggle(); // hold time: only the watch events make the view dirty
    session.run('scale deploy big --replicas=250'); // fifty deletions: many watch events
    assert.equal(snapshots, 0, 'watch events only mark the view dirty');
    real += 250;
    c.tick();
    assert.equal(snapshots, 1, 'one snapshot for all of them');
    real += 250;
    c.tick();
    assert.equal(snapshots, 1, 'no new events, no new snapshot');
    c.run('delete deploy big'); // an action of the TUI itself shows its effect at once
    assert.equal(snapshots, 2);
    c.refresh = orig;
  });
});

describe('header', () => {
  const summary = { nodes: 3, readyNodes: 3, pods: 10, running: 9, pending: 1, failed: 0, cpuRequested: 850, cpuAllocatable: 12000, memRequested: 2 ** 28, memAllocatable: 2 ** 34 };
  const model = (scenario: string) => ({ cluster: 'kubernetes', now: 0, speed: 1, running: true, summary, readonly: false, scenario, favourites: ['default'], hints: [] });

  it('cuts a long scenario name with … and a space before the hints', () => {
    const [first] = headerLines(model('Pod, ReplicaSet and Deployment: revisions and rollback'), 150).map(lineText);
    assert.match(first, /^Cluster: kubernetes · Pod, ReplicaSet and Depl… <0> all/);
    const [short] = headerLines(model('demo'), 150).map(lineText);
    assert.match(short, /^Cluster: kubernetes · demo +<0> all/);
  });
});

describe('a narrow terminal', () => {
  it('keeps AGE on screen: a wide IMAGES column gives way', () => {
    const cluster = new Cluster({ seed: 3 });
    const session = new KubectlSession(cluster);
    session.run('create deployment longimg --image=registry.example.com/some-team/a-very-long-image-name:1.2.3');
    cluster.advanceBy(30_000);
    const c = new TuiController({ cluster, session, realNow: () => 0 });
    keys(c, ':', ...'deploy', 'enter');
    const lines = c.screen(70, 30).map(lineText);
    const header = lines.find((l) => l.includes('NAME') && l.includes('READY'))!;
    assert.match(header, /IMAGES +AGE *│$/);
    assert.match(lines.find((l) => l.includes('longimg'))!, /registry\.example\.com\S* +\d+s *│$/);
  });
});
