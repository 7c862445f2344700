import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFieldPath, getField, parseFieldPath } from '../../src/scenario/field-path.ts';

const path = (text: string) => {
  const p = parseFieldPath(text);
  assert.ok(p.ok, `expected ${text} to parse`);
  return p.path;
};

describe('field paths', () => {
  it('splits on dots and keeps numbers as list indexes', () => {
    assert.deepEqual(path('spec.template.spec.containers.0.image'), ['spec', 'template', 'spec', 'containers', '0', 'image']);
  });

  it('reads \\. as a dot inside a key, as kubectl jsonpath does', () => {
    assert.deepEqual(path('metadata.annotations.deployment\\.kubernetes\\.io/revision'), [
      'metadata',
      'annotations',
      'deployment.kubernetes.io/revision',
    ]);
  });

  it('accepts brackets and a leading dot', () => {
    assert.deepEqual(path('.spec.containers[1].ports[0].containerPort'), ['spec', 'containers', '1', 'ports', '0', 'containerPort']);
  });

  it('rejects empty segments and bad indexes', () => {
    for (const bad of ['', 'a..b', 'a.', 'a[x]', 'a[0]b', '[0]']) assert.equal(parseFieldPath(bad).ok, false, bad);
  });

  it('walks objects and lists, absent anywhere is undefined', () => {
    const obj = {
      metadata: { annotations: { 'deployment.kubernetes.io/revision': '2' } },
      spec: { containers: [{ image: 'nginx' }, { image: 'busybox' }] },
    };
    assert.equal(getField(obj, path('spec.containers.1.image')), 'busybox');
    assert.equal(getField(obj, path('metadata.annotations.deployment\\.kubernetes\\.io/revision')), '2');
    assert.equal(getField(obj, path('spec.containers.5.image')), undefined);
    assert.equal(getField(obj, path('spec.containers.image')), undefined);
    assert.equal(getField(obj, path('spec.containers.0.image.x')), undefined);
    assert.equal(getField(obj, path('status.phase')), undefined);
  });

  it('formats back with escaped dots', () => {
    assert.equal(formatFieldPath(['metadata', 'labels', 'app.kubernetes.io/name']), 'metadata.labels.app\\.kubernetes\\.io/name');
  });
});
