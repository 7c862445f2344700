/**
 * kubectl describe of workloads, services and config objects. As in describe-pod-node.test.ts,
 * the expected texts were compared with the real kubectl 1.32's output for the same objects, then
 * written out at the fixed instant NOW.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe } from '../../src/printers/index.ts';
import { clusterObjects, contextWith } from './fixtures.ts';
import { moreObjects } from './fixtures-more.ts';

const ctx = contextWith([...clusterObjects(), ...moreObjects()]);
const text = (lines: string[]) => lines.join('\n') + '\n';
const get = (kind: string, ns: string, name: string) => ctx.store.get(kind, ns, name)!;

test('describe deployment: OldReplicaSets lists every old replica set, even at 0 replicas', () => {
  assert.equal(
    describe(get('Deployment', 'default', 'web'), ctx),
    text([
      'Name:                   web',
      'Namespace:              default',
      'CreationTimestamp:      Thu, 09 Jan 2025 08:00:00 +0000',
      'Labels:                 app=web',
      'Annotations:            deployment.kubernetes.io/revision: 2',
      'Selector:               app=web',
      'Replicas:               3 desired | 3 updated | 3 total | 2 available | 1 unavailable',
      'StrategyType:           RollingUpdate',
      'MinReadySeconds:        0',
      'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
      'Pod Template:',
      '  Labels:  app=web',
      '  Containers:',
      '   web:',
      '    Image:      nginx:1.27',
      '    Port:       80/TCP',
      '    Host Port:  0/TCP',
      '    Limits:',
      '      memory:  256Mi',
      '    Requests:',
      '      cpu:         100m',
      '      memory:      128Mi',
      '    Environment:   <none>',
      '    Mounts:        <none>',
      '  Volumes:         <none>',
      '  Node-Selectors:  <none>',
      '  Tolerations:     <none>',
      'Conditions:',
      '  Type           Status  Reason',
      '  ----           ------  ------',
      '  Available      False   MinimumReplicasUnavailable',
      '  Progressing    True    ReplicaSetUpdated',
      'OldReplicaSets:  web-5c9c8f7d6b (0/0 replicas created)',
      'NewReplicaSet:   web-7d4b9c6f5d (3/3 replicas created)',
      'Events:',
      '  Type    Reason             Age   From                   Message',
      '  ----    ------             ----  ----                   -------',
      '  Normal  ScalingReplicaSet  10m   deployment-controller  Scaled up replica set web-7d4b9c6f5d to 1',
    ]),
  );
});

test('describe service: the Endpoints line lists the ready slice endpoints for the port', () => {
  assert.equal(
    describe(get('Service', 'default', 'web'), ctx),
    text([
      'Name:                     web',
      'Namespace:                default',
      'Labels:                   app=web',
      'Annotations:              <none>',
      'Selector:                 app=web',
      'Type:                     NodePort',
      'IP Family Policy:         SingleStack',
      'IP Families:              IPv4',
      'IP:                       10.96.120.15',
      'IPs:                      10.96.120.15',
      'Port:                     http  80/TCP',
      'TargetPort:               80/TCP',
      'NodePort:                 http  30080/TCP',
      'Endpoints:                10.244.1.5:80,10.244.2.7:80',
      'Session Affinity:         None',
      'External Traffic Policy:  Cluster',
      'Internal Traffic Policy:  Cluster',
      'Events:                   <none>',
    ]),
  );
});

test('describe statefulset: pod template with init containers, envFrom, probes and volume claim templates', () => {
  assert.equal(
    describe(get('StatefulSet', 'default', 'db'), ctx),
    text([
      'Name:               db',
      'Namespace:          default',
      'CreationTimestamp:  Thu, 09 Jan 2025 07:00:00 +0000',
      'Selector:           app=db',
      'Labels:             app=db',
      'Annotations:        <none>',
      'Replicas:           2 desired | 2 total',
      'Update Strategy:    RollingUpdate',
      '  Partition:        0',
      'Pods Status:        1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
      'Pod Template:',
      '  Labels:       app=db',
      '  Annotations:  kubectl.kubernetes.io/restartedAt: 2025-01-08T10:00:00Z',
      '  Init Containers:',
      '   init-perms:',
      '    Image:      busybox:1.36',
      '    Port:       <none>',
      '    Host Port:  <none>',
      '    Command:',
      '      sh',
      '      -c',
      '      chown -R 999 /data',
      '    Environment:  <none>',
      '    Mounts:       <none>',
      '  Containers:',
      '   postgres:',
      '    Image:       postgres:16',
      '    Ports:       5432/TCP, 9187/TCP',
      '    Host Ports:  0/TCP, 0/TCP',
      '    Liveness:    exec [pg_isready -U postgres] delay=5s timeout=1s period=10s #success=1 #failure=3',
      '    Environment Variables from:',
      '      db          Secret                        Optional: false',
      '      db-config   ConfigMap with prefix \'CFG_\'  Optional: true',
      '    Environment:  <none>',
      '    Mounts:',
      '      /etc/pg from conf (ro,path="pg.conf")',
      '      /var/lib/postgresql/data from data (rw)',
      '  Volumes:',
      '   conf:',
      '    Type:      ConfigMap (a volume populated by a ConfigMap)',
      '    Name:      db-config',
      '    Optional:  false',
      '   host:',
      '    Type:          HostPath (bare host directory volume)',
      '    Path:          /var/log',
      '    HostPathType:  Directory',
      '  Node-Selectors:  disktype=ssd',
      '  Tolerations:     op=Exists',
      '                   dedicated=db:NoSchedule',
      'Volume Claims:',
      '  Name:          data',
      '  StorageClass:  ',
      '  Labels:        <none>',
      '  Annotations:   <none>',
      '  Capacity:      1Gi',
      '  Access Modes:  [ReadWriteOnce]',
      'Events:          <none>',
    ]),
  );
});

test('describe job: a completed job shows its duration', () => {
  assert.equal(
    describe(get('Job', 'default', 'pi'), ctx),
    text([
      'Name:             pi',
      'Namespace:        default',
      'Selector:         batch.kubernetes.io/controller-uid=uid-job-pi',
      'Labels:           batch.kubernetes.io/job-name=pi',
      'Annotations:      <none>',
      'Parallelism:      1',
      'Completions:      1',
      'Completion Mode:  NonIndexed',
      'Suspend:          false',
      'Backoff Limit:    4',
      'Start Time:       Thu, 09 Jan 2025 08:53:22 +0000',
      'Completed At:     Thu, 09 Jan 2025 08:54:00 +0000',
      'Duration:         38s',
      'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
      'Pod Template:',
      '  Labels:  batch.kubernetes.io/job-name=pi',
      '  Containers:',
      '   pi:',
      '    Image:      perl:5.34.0',
      '    Port:       <none>',
      '    Host Port:  <none>',
      '    Command:',
      '      perl',
      '      -Mbignum=bpi',
      '      -wle',
      '      print bpi(2000)',
      '    Environment:   <none>',
      '    Mounts:        <none>',
      '  Volumes:         <none>',
      '  Node-Selectors:  <none>',
      '  Tolerations:     <none>',
      'Events:            <none>',
    ]),
  );
});

test('describe cronjob: the job template and active jobs', () => {
  assert.equal(
    describe(get('CronJob', 'default', 'hello'), ctx),
    text([
      'Name:                          hello',
      'Namespace:                     default',
      'Labels:                        <none>',
      'Annotations:                   <none>',
      'Schedule:                      */5 * * * *',
      'Concurrency Policy:            Allow',
      'Suspend:                       False',
      'Successful Job History Limit:  3',
      'Failed Job History Limit:      1',
      'Starting Deadline Seconds:     <unset>',
      'Selector:                      <unset>',
      'Parallelism:                   <unset>',
      'Completions:                   <unset>',
      'Pod Template:',
      '  Labels:  <none>',
      '  Containers:',
      '   hello:',
      '    Image:      busybox:1.28',
      '    Port:       <none>',
      '    Host Port:  <none>',
      '    Command:',
      '      /bin/sh',
      '      -c',
      '      date; echo Hello from the Kubernetes cluster',
      '    Environment:     <none>',
      '    Mounts:          <none>',
      '  Volumes:           <none>',
      '  Node-Selectors:    <none>',
      '  Tolerations:       <none>',
      'Last Schedule Time:  Thu, 09 Jan 2025 08:58:00 +0000',
      'Active Jobs:         hello-29312345',
      'Events:              <none>',
    ]),
  );
});

test('describe secret: data sizes only, keys sorted', () => {
  assert.equal(
    describe(get('Secret', 'default', 'db'), ctx),
    text([
      'Name:         db',
      'Namespace:    default',
      'Labels:       <none>',
      'Annotations:  <none>',
      '',
      'Type:  Opaque',
      '',
      'Data',
      '====',
      'password:  6 bytes',
      'username:  5 bytes',
    ]),
  );
});

test('describe serviceaccount: missing secrets are marked (not found)', () => {
  assert.equal(
    describe(get('ServiceAccount', 'default', 'builder'), ctx),
    text([
      'Name:                builder',
      'Namespace:           default',
      'Labels:              <none>',
      'Annotations:         <none>',
      'Image pull secrets:  regcred (not found)',
      '                     db',
      'Mountable secrets:   builder-token',
      'Tokens:              builder-token',
      'Events:              <none>',
    ]),
  );
});

test('describe event: the generic describer with smart labels', () => {
  assert.equal(
    describe(get('Event', 'default', 'web.181a1f3c5b2f0a10'), ctx),
    text([
      'Name:             web.181a1f3c5b2f0a10',
      'Namespace:        default',
      'Labels:           <none>',
      'Annotations:      <none>',
      'API Version:      v1',
      'Count:            1',
      'Event Time:       <nil>',
      'First Timestamp:  2025-01-09T08:50:00Z',
      'Involved Object:',
      '  API Version:   apps/v1',
      '  Kind:          Deployment',
      '  Name:          web',
      '  Namespace:     default',
      '  UID:           uid-deploy-web',
      'Kind:            Event',
      'Last Timestamp:  2025-01-09T08:50:00Z',
      'Message:         Scaled up replica set web-7d4b9c6f5d to 1',
      'Metadata:',
      '  Creation Timestamp:  2025-01-09T08:50:00Z',
      '  UID:                 uid-ev-web.181a1f3c5b2f0a10',
      'Reason:                ScalingReplicaSet',
      'Reporting Component:   deployment-controller',
      'Reporting Instance:    ',
      'Source:',
      '  Component:  deployment-controller',
      'Type:         Normal',
      'Events:       <none>',
    ]),
  );
});
