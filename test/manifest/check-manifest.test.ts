import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkManifest, parseManifests, type Origin } from '../../src/manifest/index.ts';

const check = (text: string, origin: Origin = { file: 'manifests/member.yaml' }) =>
  parseManifests(text, origin).flatMap((m) => checkManifest(m).map((e) => e.toString()));

const MEMBER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: member
spec:
  selector:
    matchLabels: {app: member}
  replicas: three
  template:
    metadata:
      labels: {app: member}
    spec:
      containers:
      - name: member
        image: docker.io/hiondal/member
`;

test('a valid manifest has no errors', () => {
  assert.deepEqual(check(MEMBER.replace('replicas: three', 'replicas: 3')), []);
});

test('a wrong type points at the value', () => {
  assert.deepEqual(check(MEMBER), [
    'error: manifests/member.yaml:8:13: Deployment.apps "member" is invalid: spec.replicas: Invalid value: "three": spec.replicas in body must be of type integer: "string"',
  ]);
});

test('an unknown field points at its key', () => {
  const errs = check(MEMBER.replace('replicas: three', 'replicas: 3').replace('        image:', '        imagePullPolicy: Always\n        imgae:'));
  assert.equal(errs.length, 1);
  assert.match(errs[0], /^error: manifests\/member\.yaml:16:9: Deployment\.apps "member" is invalid: .*unknown field "spec\.template\.spec\.containers\[0\]\.imgae"/);
});

test('a missing field points at its nearest parent that is written', () => {
  const errs = check('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n', { file: 'p.yaml' });
  assert.equal(errs.length, 1);
  assert.match(errs[0], /^error: p\.yaml:7:5: Pod "p" is invalid: spec\.containers\[0\]\.image: Required value/);
});

test('an unknown kind, or a kind in another version, is located at kind or apiVersion', () => {
  assert.deepEqual(check('apiVersion: apps/v1\nkind: Deploymnt\nmetadata: {name: x}\n', { file: 'x.yaml' }), [
    'error: x.yaml:2:7: no matches for kind "Deploymnt" in version "apps/v1"',
  ]);
  assert.deepEqual(check('apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n', { file: 'x.yaml' }), [
    'error: x.yaml:1:13: no matches for kind "Deployment" in version "v1"',
  ]);
});

test('inline manifests report the scenario file positions; List items their own', () => {
  const inline = check(MEMBER, { file: 'scenario.yaml', line: 20, column: 6 });
  assert.equal(inline.length, 1);
  assert.match(inline[0], /^error: scenario\.yaml:27:19: Deployment\.apps "member" is invalid: spec\.replicas/);
  const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: ok}\n  spec:\n    containers: [{name: c, image: nginx}]\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: bad}\n  spec:\n    containers: [{name: c, image: nginx}]\n    restartPolicy: 7\n`;
  const errs = check(list, { file: 'list.yaml' });
  assert.equal(errs.length, 1);
  assert.match(errs[0], /^error: list\.yaml:14:20: Pod "bad" is invalid: spec\.restartPolicy/);
});
