/**
 * httpGet and tcpSocket probes connect to the port the container's process listens on (the image's
 * ports, or the port its environment sets for a server that reads one): a probe on another port
 * fails as Go's dialer reports it (probe/tcp, probe/http: err.Error()).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Container, KubeEvent, Pod, Probe } from '../../src/api/types/index.ts';

function run(container: Container) {
  const c = new Cluster();
  c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [container] } }));
  c.advanceBy(60_000);
  const pod = c.store.get<Pod>('Pod', 'default', 'web')!;
  const unhealthy = c.store.list<KubeEvent>('Event', { namespace: 'default' }).filter((e) => e.reason === 'Unhealthy').map((e) => e.message);
  return { pod, ip: pod.status!.podIP!, unhealthy, ready: pod.status!.containerStatuses![0].ready };
}

const tcp = (port: number): Probe => ({ tcpSocket: { port }, periodSeconds: 5 });
const http = (port: number): Probe => ({ httpGet: { path: '/', port }, periodSeconds: 5 });

test('nginx listens on 80: probes on 8081 are refused, with the dialer\'s words', () => {
  const wrongTcp = run({ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 8081 }], readinessProbe: tcp(8081) });
  assert.equal(wrongTcp.ready, false);
  assert.deepEqual(wrongTcp.unhealthy, [`Readiness probe failed: dial tcp ${wrongTcp.ip}:8081: connect: connection refused`]);
  const wrongHttp = run({ name: 'web', image: 'nginx:1.27', livenessProbe: http(8081) });
  assert.equal(wrongHttp.unhealthy[0], `Liveness probe failed: Get "http://${wrongHttp.ip}:8081/": dial tcp ${wrongHttp.ip}:8081: connect: connection refused`);
  const right = run({ name: 'web', image: 'nginx:1.27', readinessProbe: http(80) });
  assert.equal(right.ready, true);
  assert.deepEqual(right.unhealthy, []);
});

test('echo-nginx listens where NGINX_PORT says, so a probe on 80 fails there and one on 8080 passes', () => {
  const env = [{ name: 'NGINX_PORT', value: '8080' }];
  const on80 = run({ name: 'web', image: 'amsy810/echo-nginx:v2.0', env, readinessProbe: tcp(80) });
  assert.equal(on80.ready, false);
  assert.deepEqual(on80.unhealthy, [`Readiness probe failed: dial tcp ${on80.ip}:80: connect: connection refused`]);
  const on8080 = run({ name: 'web', image: 'amsy810/echo-nginx:v2.0', env, readinessProbe: tcp(8080) });
  assert.equal(on8080.ready, true);
  assert.deepEqual(on8080.unhealthy, []);
});

test('a container that is no server (busybox sleeping) refuses a probe on the port it declares', () => {
  const r = run({ name: 'web', image: 'busybox:1.36', command: ['sleep', '3600'], ports: [{ containerPort: 8080 }], readinessProbe: tcp(8080) });
  assert.equal(r.ready, false);
  assert.deepEqual(r.unhealthy, [`Readiness probe failed: dial tcp ${r.ip}:8080: connect: connection refused`]);
});
