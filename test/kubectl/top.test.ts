/** kubectl top pod|node: checked as kubectl 1.32 checks them, then refused as on a cluster without metrics-server. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newSession } from './helpers.ts';

describe('kubectl top', () => {
  it('ends with kubectl\'s own error for a cluster without the Metrics API', () => {
    const t = newSession();
    for (const line of ['top pods', 'top pod -A', 'top po web', 'top pod --containers --sum', 'top node', 'top nodes worker1', 'top no --show-capacity']) {
      const r = t.run(line);
      assert.equal(r.exitCode, 1, line);
      assert.equal(r.stdout, '', line);
      assert.equal(r.stderr, 'error: Metrics API not available\n', line);
    }
  });

  it('refuses a bad command line first, with kubectl\'s messages', () => {
    const t = newSession();
    assert.equal(t.run('top pod a b').stderr, "error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n");
    assert.equal(t.run('top node a b').stderr, "error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples\n");
    assert.equal(t.run('top pod --sort-by=name').stderr, 'error: --sort-by accepts only cpu or memory\n');
    assert.equal(t.run('top node --sort-by=disk').stderr, 'error: --sort-by accepts only cpu or memory\n');
    assert.equal(t.run('top pod web -l app=web').stderr, 'error: only one of NAME or selector can be provided\n');
    assert.equal(t.run('top pod web --field-selector spec.nodeName=worker1').stderr, 'error: only one of NAME or selector can be provided\n');
    assert.equal(t.run('top node worker1 -l a=b').stderr, 'error: only one of NAME or --selector can be provided\n');
    assert.match(t.run('top pod --foo').stderr, /^error: unknown flag: --foo\n/);
  });
});
