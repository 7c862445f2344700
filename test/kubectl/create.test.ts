import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfigMap, CronJob, Deployment, Job, Pod, Secret, Service } from '../../src/api/types/index.ts';
import { newSession, ok } from './helpers.ts';

test('create secret docker-registry: a dockerconfigjson secret with the base64 auth', () => {
  const t = newSession();
  assert.equal(
    ok(t, 'create secret docker-registry dockerhub --docker-server=docker.io --docker-username=hiondal --docker-password=11111'),
    'secret/dockerhub created\n',
  );
  const s = t.cluster.api.get<Secret>('Secret', 'default', 'dockerhub');
  assert.equal(s.type, 'kubernetes.io/dockerconfigjson');
  const json = Buffer.from(s.data!['.dockerconfigjson'], 'base64').toString('utf8');
  assert.equal(json, '{"auths":{"docker.io":{"username":"hiondal","password":"11111","auth":"aGlvbmRhbDoxMTExMQ=="}}}');
  assert.equal(Buffer.from('aGlvbmRhbDoxMTExMQ==', 'base64').toString(), 'hiondal:11111');
  ok(t, 'create secret docker-registry withmail --docker-username=u --docker-password=p --docker-email=u@x.io');
  const withMail = t.cluster.api.get<Secret>('Secret', 'default', 'withmail');
  assert.equal(
    Buffer.from(withMail.data!['.dockerconfigjson'], 'base64').toString('utf8'),
    '{"auths":{"https://index.docker.io/v1/":{"username":"u","password":"p","email":"u@x.io","auth":"dTpw"}}}',
  );
  assert.equal(
    t.run('create secret docker-registry x --docker-username=u').stderr,
    'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
  );
  assert.equal(
    t.run('create secret docker-registry dockerhub --docker-username=u --docker-password=p').stderr,
    'error: failed to create secret secrets "dockerhub" already exists\n',
  );
});

test('create secret generic and configmap from literals', () => {
  const t = newSession();
  assert.equal(ok(t, `create secret generic db --from-literal=user=admin --from-literal=password='s3 cret'`), 'secret/db created\n');
  const s = t.cluster.api.get<Secret>('Secret', 'default', 'db');
  assert.equal(Buffer.from(s.data!.password, 'base64').toString(), 's3 cret');
  assert.equal(ok(t, 'create configmap cfg --from-literal=a=1 --from-literal=b=x=y'), 'configmap/cfg created\n');
  assert.deepEqual(t.cluster.api.get<ConfigMap>('ConfigMap', 'default', 'cfg').data, { a: '1', b: 'x=y' });
  assert.equal(t.run('create cm bad --from-literal=a').stderr, 'error: invalid literal source a, expected key=value\n');
});

test('create namespace and deployment; --dry-run=client -o yaml creates nothing', () => {
  const t = newSession();
  assert.equal(ok(t, 'create ns ott'), 'namespace/ott created\n');
  assert.equal(t.run('create ns ott').stderr, 'Error from server (AlreadyExists): namespaces "ott" already exists\n');
  assert.equal(ok(t, 'create deployment member --image=docker.io/hiondal/member:1.0 --replicas=2 --port=3001 -n ott'), 'deployment.apps/member created\n');
  const d = t.cluster.api.get<Deployment>('Deployment', 'ott', 'member');
  assert.deepEqual(d.spec.selector.matchLabels, { app: 'member' });
  assert.equal(d.spec.replicas, 2);
  assert.equal(d.spec.template.spec.containers[0].name, 'member');
  assert.deepEqual(d.spec.template.spec.containers[0].ports, [{ containerPort: 3001, protocol: 'TCP' }]);
  const yaml = ok(t, 'create deployment x --image=nginx --dry-run=client -o yaml');
  assert.match(yaml, /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/);
  assert.equal(t.cluster.api.tryGet('Deployment', 'default', 'x'), undefined);
  assert.equal(ok(t, 'create deployment x --image=nginx --dry-run=client'), 'deployment.apps/x created (dry run)\n');
  assert.equal(t.run('create deployment member --image=nginx -n ott').stderr, 'error: failed to create deployment: deployments.apps "member" already exists\n');
});

test('create job --from=cronjob: the template, the manual annotation and an owner reference', () => {
  const t = newSession({
    files: {
      'cj.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: pi
spec:
  schedule: "*/2 * * * *"
  jobTemplate:
    metadata:
      labels: {app: pi}
    spec:
      completions: 2
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: pi
            image: perl
`,
    },
  });
  ok(t, 'apply -f cj.yaml');
  assert.equal(ok(t, 'create job pi-manual --from=cronjob/pi'), 'job.batch/pi-manual created\n');
  const cj = t.cluster.api.get<CronJob>('CronJob', 'default', 'pi');
  const job = t.cluster.api.get<Job>('Job', 'default', 'pi-manual');
  assert.equal(job.metadata.annotations?.['cronjob.kubernetes.io/instantiate'], 'manual');
  assert.equal(job.metadata.labels?.app, 'pi');
  assert.deepEqual(job.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'pi', uid: cj.metadata.uid, controller: true }]);
  assert.equal(job.spec.completions, 2);
  assert.equal(t.run('create job x --from=cronjob/nope').stderr, 'Error from server (NotFound): cronjobs.batch "nope" not found\n');
  assert.equal(t.run('create job x').stderr, 'error: either --image or --from must be specified\n');
  assert.equal(ok(t, 'create job once --image=busybox -- echo hi'), 'job.batch/once created\n');
  assert.deepEqual(t.cluster.api.get<Job>('Job', 'default', 'once').spec.template.spec.containers[0].command, ['echo', 'hi']);
});

test('run: a pod labelled run=NAME; expose: a service selecting the pods', () => {
  const t = newSession();
  assert.equal(ok(t, 'run curl --image=curlimages/curl --restart=Never --env=A=1 -- sleep 3600'), 'pod/curl created\n');
  const pod = t.cluster.api.get<Pod>('Pod', 'default', 'curl');
  assert.deepEqual(pod.metadata.labels, { run: 'curl' });
  assert.deepEqual(pod.spec.containers[0].args, ['sleep', '3600']);
  assert.deepEqual(pod.spec.containers[0].env, [{ name: 'A', value: '1' }]);
  assert.equal(pod.spec.restartPolicy, 'Never');
  ok(t, 'run sh --image=busybox --command -- sh -c true');
  assert.deepEqual(t.cluster.api.get<Pod>('Pod', 'default', 'sh').spec.containers[0].command, ['sh', '-c', 'true']);
  assert.equal(t.run('run x --image=nginx --restart=Sometimes').stderr, "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n");
  assert.equal(t.run('run x --image=Bad:Image').stderr, 'error: Invalid image name "Bad:Image": invalid reference format\n');

  ok(t, 'create deployment web --image=nginx --port=80');
  assert.equal(ok(t, 'expose deploy web --port=8080 --target-port=80 --type=NodePort'), 'service/web exposed\n');
  const svc = t.cluster.api.get<Service>('Service', 'default', 'web');
  assert.deepEqual(svc.spec.selector, { app: 'web' });
  assert.equal(svc.spec.type, 'NodePort');
  assert.equal(svc.spec.ports?.[0].port, 8080);
  assert.equal(svc.spec.ports?.[0].targetPort, 80);
  assert.equal(ok(t, 'expose pod curl --port=80 --name=curl-svc'), 'service/curl-svc exposed\n');
  assert.deepEqual(t.cluster.api.get<Service>('Service', 'default', 'curl-svc').spec.selector, { run: 'curl' });
  assert.equal(t.run('expose node worker1 --port=80').stderr, 'error: cannot expose a Node\n');
  assert.equal(t.run('expose deploy nope --port=80').stderr, 'Error from server (NotFound): deployments.apps "nope" not found\n');
});
