import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newSession, ok } from './helpers.ts';

test('describe by name, by prefix, by selector, with separators between objects', () => {
  const t = newSession();
  ok(t, 'create deployment web --image=nginx --replicas=2');
  t.cluster.advanceBy(20_000);
  const one = ok(t, 'describe deploy web');
  assert.match(one, /^Name: +web\nNamespace: +default\n/);
  // No pod is named "web": the pods whose names start with it are described.
  const pods = ok(t, 'describe pod web');
  assert.equal(pods.match(/^Name: +web-/gm)?.length, 2);
  const both = ok(t, 'describe pods -l app=web');
  assert.equal(both.split('\n\n\nName:').length, 2, 'two descriptions, separated by two blank lines');
  assert.equal(t.run('describe pod nope').stderr, 'Error from server (NotFound): pods "nope" not found\n');
  assert.equal(t.run('describe pods -l app=nope').stderr, 'No resources found in default namespace.\n');
  assert.equal(
    t.run('describe').stderr,
    'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
  );
});

test('cluster-info names the control plane', () => {
  const t = newSession();
  assert.match(ok(t, 'cluster-info'), /^Kubernetes control plane is running at https:\/\/127\.0\.0\.1:6443\n/);
  assert.match(ok(t, 'cluster-info'), /\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'\.\n$/);
});
