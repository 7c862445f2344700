/** Decoding: wrong types and unknown fields, with their paths, in both wordings. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateManifest } from '../../src/admission/index.ts';
import { cluster, container, deployment, template, thrown } from './helpers.ts';

const selector = { matchLabels: { app: 'web' } };

test('a string where an int32 belongs: OpenAPI wording and the path to the value', () => {
  const errs = validateManifest(deployment({ replicas: 'three', selector, template: template({ app: 'web' }) }));
  assert.equal(errs.length, 1);
  assert.deepEqual(errs[0].path, ['spec', 'replicas']);
  assert.equal(errs[0].field, 'spec.replicas');
  assert.equal(errs[0].type, 'FieldValueTypeInvalid');
  assert.equal(errs[0].message, 'spec.replicas: Invalid value: "three": spec.replicas in body must be of type integer: "string"');
});

test('a YAML boolean as an image, a number as a label value', () => {
  const d = deployment({ selector, template: template({ app: 'web' }, { containers: [container('web', true as unknown as string)] }) });
  (d.metadata as unknown as Record<string, unknown>).labels = { tier: 1 };
  const errs = validateManifest(d);
  assert.deepEqual(
    errs.map((e) => [e.path, e.message]),
    [
      [['metadata', 'labels', 'tier'], 'metadata.labels.tier: Invalid value: 1: metadata.labels.tier in body must be of type string: "integer"'],
      [
        ['spec', 'template', 'spec', 'containers', 0, 'image'],
        'spec.template.spec.containers[0].image: Invalid value: true: spec.template.spec.containers[0].image in body must be of type string: "boolean"',
      ],
    ],
  );
});

test('unknown fields are errors, at every depth, with list indexes in the path', () => {
  const errs = validateManifest(
    deployment({ replica: 3, selector, template: template({ app: 'web' }, { containers: [container('web', 'nginx', { imagePullPolice: 'Always' })] }) }),
  );
  assert.deepEqual(
    errs.map((e) => [e.path, e.message]),
    [
      [['spec', 'replica'], 'unknown field "spec.replica"'],
      [['spec', 'template', 'spec', 'containers', 0, 'imagePullPolice'], 'unknown field "spec.template.spec.containers[0].imagePullPolice"'],
    ],
  );
});

test('IntOrString takes both, quantities must parse, int32 has a range, null is an absent field', () => {
  const ok = deployment({
    replicas: null,
    selector,
    strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: '10%' } },
    template: template({ app: 'web' }, { containers: [container('web', 'nginx', { resources: { limits: { cpu: 0.5, memory: '128Mi' } } })] }),
  });
  assert.deepEqual(validateManifest(ok), []);
  const bad = deployment({
    replicas: 3000000000,
    selector,
    strategy: { rollingUpdate: { maxSurge: true } },
    template: template({ app: 'web' }, { containers: [container('web', 'nginx', { resources: { limits: { memory: '12XB' } } })] }),
  });
  assert.deepEqual(validateManifest(bad).map((e) => e.message), [
    'spec.replicas: Invalid value: 3000000000: spec.replicas in body should be less than or equal to 2147483647',
    'spec.strategy.rollingUpdate.maxSurge: Invalid value: true: spec.strategy.rollingUpdate.maxSurge in body must be of type integer or string: "boolean"',
    "spec.template.spec.containers[0].resources.limits.memory: Invalid value: \"12XB\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  ]);
});

test('through the API server, decoding problems are a BadRequest worded as the real one', () => {
  const c = cluster();
  const userCreate = <T,>(obj: T): T => c.api.asUser(() => c.api.create(obj as never)) as T;
  const typed = thrown(() => userCreate(deployment({ replicas: 'three', selector, template: template({ app: 'web' }) })));
  assert.equal(typed.reason, 'BadRequest');
  assert.equal(typed.message, 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
  const unknown = thrown(() => userCreate(deployment({ replica: 3, selector, template: template({ app: 'web' }) })));
  assert.equal(unknown.message, 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
  assert.deepEqual(unknown.causes.map((x) => x.path), [['spec', 'replica']]);
  const image = thrown(() => userCreate(deployment({ selector, template: template({ app: 'web' }, { containers: [{ name: 'web', image: true }] }) })));
  assert.equal(image.message, 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal bool into Go struct field Container.spec.template.spec.containers.image of type string');
});

test('kind and apiVersion must be served', () => {
  assert.deepEqual(validateManifest({ apiVersion: 'apps/v1', kind: 'Foo', metadata: { name: 'x' } }).map((e) => [e.field, e.message]), [
    ['kind', 'no matches for kind "Foo" in version "apps/v1"'],
  ]);
  assert.deepEqual(validateManifest({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'x' } }).map((e) => [e.field, e.message]), [
    ['apiVersion', 'no matches for kind "Deployment" in version "extensions/v1beta1"'],
  ]);
  assert.deepEqual(validateManifest({ metadata: { name: 'x' } }).map((e) => e.message), ['apiVersion not set', 'kind not set']);
});

test('Secret data must be base64', () => {
  const errs = validateManifest({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'hunter2!' } });
  assert.deepEqual(errs.map((e) => [e.path, e.message]), [[['data', 'password'], 'data.password: Invalid value: "hunter2!": illegal base64 data at input byte 7']]);
});
