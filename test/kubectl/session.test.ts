import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newSession, ok } from './helpers.ts';

test('a leading kubectl or k is optional; words may be given already split', () => {
  const t = newSession();
  assert.equal(ok(t, 'kubectl get ns default -o name'), 'namespace/default\n');
  assert.equal(ok(t, 'k get ns default -o name'), 'namespace/default\n');
  assert.equal(t.session.run(['get', 'ns', 'default', '-o', 'name']).stdout, 'namespace/default\n');
});

test('unknown commands, subcommands and flags are refused with kubectl words and exit 1', () => {
  const t = newSession();
  assert.deepEqual(t.run('frobnicate'), { stdout: '', stderr: 'error: unknown command "frobnicate" for "kubectl"\n', exitCode: 1 });
  assert.equal(t.run('rollout foo').stderr, `error: unknown command "foo"\nSee 'kubectl rollout -h' for help and examples\n`);
  assert.equal(t.run('get pods --foo').stderr, "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
  assert.equal(t.run('get pods -x').stderr, "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n");
  assert.equal(t.run('get -n').stderr, "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
  assert.equal(
    t.run('scale deploy x --replicas=abc').stderr,
    'error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl scale --help\' for usage.\n',
  );
  assert.equal(t.run('create foo').stderr, "error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n");
  assert.equal(t.run('get pods | grep web').exitCode, 1);
});

test('missing required flags and arguments', () => {
  const t = newSession();
  assert.equal(t.run('scale deploy web').stderr, 'error: required flag(s) "replicas" not set\n');
  assert.equal(t.run('create deployment web').stderr, 'error: required flag(s) "image" not set\n');
  assert.equal(t.run('run x').stderr, 'error: required flag(s) "image" not set\n');
  assert.equal(t.run('create namespace').stderr, "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n");
  assert.equal(t.run('cordon').stderr, "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
  assert.equal(t.run('apply').stderr, 'error: must specify one of -f and -k\n');
  assert.equal(t.run('rollout undo').stderr, 'error: required resource not specified\n');
  assert.equal(t.run('label').stderr, 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
  assert.equal(t.run('patch deploy x').stderr, 'error: must specify --patch or --patch-file containing the contents of the patch\n');
  assert.equal(t.run('exec foo').stderr, 'error: you must specify at least one command for the container\n');
  const get = t.run('get');
  assert.equal(
    get.stderr,
    'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
      'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
      "See 'kubectl get -h' for help and examples\n",
  );
  assert.equal(
    t.run('delete').stderr,
    "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
  );
});

test('flags kubectl has but kubesim cannot honour are refused, not ignored', () => {
  const t = newSession();
  const r = t.run('get pods -w');
  assert.equal(r.exitCode, 1);
  assert.match(r.stderr, /^error: kubesim does not support "kubectl get --watch"/);
  assert.equal(t.run('get pods --watch=false').exitCode, 0);
});

test('-n anywhere, --namespace, and the context namespace', () => {
  const t = newSession({ namespace: 'kube-system' });
  assert.equal(ok(t, 'get sa -o name'), 'serviceaccount/coredns\nserviceaccount/default\nserviceaccount/kube-proxy\n');
  assert.equal(t.session.namespace, 'kube-system');
  assert.equal(t.run('-n ott get pods').stderr, 'No resources found in ott namespace.\n');
  assert.equal(t.run('get pods --namespace ott').stderr, 'No resources found in ott namespace.\n');
  assert.equal(t.run('get --namespace=ott pods').stderr, 'No resources found in ott namespace.\n');
});

test('config set-context --current --namespace changes the session namespace', () => {
  const t = newSession();
  assert.equal(t.session.namespace, 'default');
  assert.equal(ok(t, 'config set-context --current --namespace=ott'), 'Context "kubernetes-admin@kubernetes" modified.\n');
  assert.equal(t.session.namespace, 'ott');
  assert.equal(t.run('get pods').stderr, 'No resources found in ott namespace.\n');
  assert.equal(ok(t, 'config current-context'), 'kubernetes-admin@kubernetes\n');
  assert.match(ok(t, 'config view --minify'), /namespace: ott\n/);
  assert.equal(t.run('config set-context').stderr, 'error: you must specify a non-empty context name or --current\n');
  assert.equal(t.run('get pods --context=other').stderr, 'error: context was not found for specified context: other\n');
});

test('version and api-resources', () => {
  const t = newSession();
  assert.equal(ok(t, 'version'), 'Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n');
  assert.equal(ok(t, 'version --client'), 'Client Version: v1.32.4\nKustomize Version: v5.5.0\n');
  const lines = ok(t, 'api-resources').split('\n');
  assert.match(lines[0], /^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
  assert.match(lines[1], /^configmaps +cm +v1 +true +ConfigMap$/);
  assert.ok(lines.some((l) => /^deployments +deploy +apps\/v1 +true +Deployment$/.test(l)));
  assert.match(ok(t, 'api-resources -o name'), /^configmaps\n/);
});

test('kubectl commands kubesim does not simulate say so, and what to use instead', () => {
  const t = newSession();
  assert.deepEqual(t.run('edit sa default'), {
    stdout: '',
    stderr: 'error: kubesim does not simulate "kubectl edit": kubesim has no editor; change objects with kubectl patch, kubectl set or kubectl apply\n',
    exitCode: 1,
  });
  assert.match(t.run('set env deploy/x A=1').stderr, /^error: kubesim does not simulate "kubectl set env"/);
  assert.match(t.run('create service clusterip x --tcp=80').stderr, /^error: kubesim does not simulate "kubectl create service"/);
  // A name that is an argument, not a subcommand, is not mistaken for one.
  assert.equal(t.run('get pods edit').stderr, 'Error from server (NotFound): pods "edit" not found\n');
});
