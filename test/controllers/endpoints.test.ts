import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Endpoints, Pod } from '../../src/api/types/index.ts';
import { create, deployment, endpoints, isReady, newCluster, pod, pods, readySliceIps, service, slices, untilReady } from '../network/helpers.ts';

const ECHO = [{ name: 'nginx-container', image: 'amsy810/echo-nginx:v2.0' }];

function readyIps(ep: Endpoints | undefined): string[] {
  return (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort();
}
function notReadyIps(ep: Endpoints | undefined): string[] {
  return (ep?.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip)).sort();
}
const podIps = (ps: Pod[]) => ps.map((p) => p.status!.podIP!).sort();

test('Endpoints and EndpointSlices follow readiness: not-ready addresses first, then ready ones', () => {
  const c = newCluster();
  create(c, service('slow', { selector: { app: 'slow' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }, 'default', { team: 'a' }));
  create(c, deployment('slow', 2, { app: 'slow' }, [{ name: 'app', image: 'example/slow', ports: [{ containerPort: 8080 }] }]));
  // No pod has an IP yet: an Endpoints object without subsets, and one empty placeholder slice.
  const ep0 = endpoints(c, 'slow')!;
  assert.equal(ep0.subsets, undefined);
  assert.deepEqual(ep0.metadata.labels, { team: 'a' });
  const s0 = slices(c, 'slow');
  assert.equal(s0.length, 1);
  assert.match(s0[0].metadata.name, /^slow-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.deepEqual(s0[0].endpoints, []);
  assert.equal(s0[0].ports, undefined);
  assert.deepEqual(s0[0].metadata.labels, {
    team: 'a',
    'kubernetes.io/service-name': 'slow',
    'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
  });
  assert.deepEqual(s0[0].metadata.ownerReferences?.map((o) => [o.kind, o.name, o.controller]), [['Service', 'slow', true]]);
  // Running but not Ready (the image is Ready 30 s after start).
  assert.ok(c.advanceUntil(() => pods(c).filter((p) => p.status?.podIP).length === 2, 60_000));
  c.advanceBy(5_000);
  const running = pods(c);
  assert.ok(running.every((p) => !isReady(p)));
  assert.deepEqual(readyIps(endpoints(c, 'slow')), []);
  assert.deepEqual(notReadyIps(endpoints(c, 'slow')), podIps(running));
  assert.deepEqual(endpoints(c, 'slow')!.subsets![0].ports, [{ name: 'http', port: 8080, protocol: 'TCP' }]);
  const s1 = slices(c, 'slow');
  assert.equal(s1.length, 1);
  assert.equal(s1[0].metadata.name, s0[0].metadata.name, 'the placeholder slice is reused');
  assert.deepEqual(s1[0].ports, [{ name: 'http', port: 8080, protocol: 'TCP' }]);
  for (const e of s1[0].endpoints) assert.deepEqual(e.conditions, { ready: false, serving: false, terminating: false });
  // Ready.
  untilReady(c, 'slow-', 2);
  const ep = endpoints(c, 'slow')!;
  assert.deepEqual(readyIps(ep), podIps(pods(c)));
  assert.deepEqual(notReadyIps(ep), []);
  const addr = ep.subsets![0].addresses![0];
  const owner = pods(c).find((p) => p.status?.podIP === addr.ip)!;
  assert.deepEqual(addr, { ip: owner.status!.podIP, nodeName: owner.spec.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: owner.metadata.name, uid: owner.metadata.uid } });
  assert.deepEqual(readySliceIps(slices(c, 'slow')), podIps(pods(c)));
  assert.ok(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']);
});

test('a named targetPort: pods with different numbers form separate subsets; a pod without the name is left out', () => {
  const c = newCluster();
  create(c, service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }));
  create(c, pod('a', { containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }] }, { app: 'web' }));
  create(c, pod('b', { containers: [{ name: 'c', image: 'example/slow', ports: [{ name: 'http', containerPort: 8080 }] }] }, { app: 'web' }));
  create(c, pod('c', { containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'web', containerPort: 80 }] }] }, { app: 'web' }));
  assert.ok(c.advanceUntil(() => ['a', 'b'].every((n) => isReady(pods(c).find((p) => p.metadata.name === n)!)), 120_000));
  const ip = (n: string) => pods(c).find((p) => p.metadata.name === n)!.status!.podIP!;
  const subsets = endpoints(c, 'web')!.subsets!;
  assert.equal(subsets.length, 2);
  const byPort = new Map(subsets.map((s) => [s.ports![0].port, (s.addresses ?? []).map((a) => a.ip)]));
  assert.deepEqual(byPort.get(80), [ip('a')]);
  assert.deepEqual(byPort.get(8080), [ip('b')]);
  assert.ok(!subsets.some((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])].some((a) => a.ip === ip('c'))));
  // Slices group endpoints by their port list: one slice per number, and the pod without the port
  // in a slice without ports (as the EndpointSlice controller does).
  const list = slices(c, 'web');
  const ports = list.map((s) => (s.ports ?? []).map((p) => p.port).join(',')).sort();
  assert.deepEqual(ports, ['', '80', '8080']);
  assert.deepEqual(list.find((s) => !s.ports)!.endpoints.map((e) => e.addresses[0]), [ip('c')]);
});

test('a headless Service: the headless label, and hostnames for pods whose subdomain is the Service', () => {
  const c = newCluster();
  create(c, service('member', { clusterIP: 'None', selector: { app: 'member' }, ports: [{ port: 80 }] }, 'default'));
  create(c, pod('member-0', { hostname: 'member-0', subdomain: 'member', containers: ECHO }, { app: 'member' }));
  create(c, pod('loose', { containers: ECHO }, { app: 'member' }));
  untilReady(c, 'member-0', 1);
  untilReady(c, 'loose', 1);
  const ep = endpoints(c, 'member')!;
  assert.equal(ep.metadata.labels?.['service.kubernetes.io/headless'], '');
  const addrs = ep.subsets!.flatMap((s) => s.addresses ?? []);
  assert.equal(addrs.find((a) => a.targetRef?.name === 'member-0')?.hostname, 'member-0');
  assert.equal(addrs.find((a) => a.targetRef?.name === 'loose')?.hostname, undefined);
  const s = slices(c, 'member');
  assert.equal(s[0].metadata.labels?.['service.kubernetes.io/headless'], '');
  assert.equal(s[0].endpoints.find((e) => e.targetRef?.name === 'member-0')?.hostname, 'member-0');
});

test('terminating pods leave Endpoints at once but stay in EndpointSlices, marked terminating', () => {
  const c = newCluster();
  create(c, service('sleepy', { selector: { app: 'sleepy' }, ports: [{ port: 80, targetPort: 80 }] }));
  create(c, pod('s1', { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] }, { app: 'sleepy' }));
  untilReady(c, 's1', 1);
  const ip = pods(c)[0].status!.podIP!;
  assert.deepEqual(readyIps(endpoints(c, 'sleepy')), [ip]);
  c.act(() => c.api.delete('Pod', 'default', 's1'));
  c.advanceBy(2_000);
  assert.ok(pods(c)[0].metadata.deletionTimestamp, 'sleep ignores SIGTERM: still terminating');
  assert.equal(endpoints(c, 'sleepy')!.subsets, undefined);
  const e = slices(c, 'sleepy')[0].endpoints;
  assert.equal(e.length, 1);
  assert.deepEqual(e[0].conditions, { ready: false, serving: true, terminating: true });
  c.advanceBy(40_000);
  assert.equal(pods(c).length, 0);
  assert.deepEqual(slices(c, 'sleepy')[0].endpoints, []);
});

test('publishNotReadyAddresses lists not-ready pods as addresses and slices mark them ready', () => {
  const c = newCluster();
  create(c, service('pub', { selector: { app: 'pub' }, publishNotReadyAddresses: true, ports: [{ port: 80, targetPort: 8080 }] }));
  create(c, pod('p', { containers: [{ name: 'c', image: 'example/slow' }] }, { app: 'pub' }));
  assert.ok(c.advanceUntil(() => !!pods(c)[0].status?.podIP, 60_000));
  assert.ok(!isReady(pods(c)[0]));
  assert.deepEqual(readyIps(endpoints(c, 'pub')), [pods(c)[0].status!.podIP]);
  assert.deepEqual(slices(c, 'pub')[0].endpoints[0].conditions, { ready: true, serving: false, terminating: false });
});

test('a Service without a selector gets no Endpoints; hand-written Endpoints are left alone and mirrored into a slice', () => {
  const c = newCluster();
  create(c, service('external-db', { ports: [{ port: 3306 }] }));
  assert.equal(endpoints(c, 'external-db'), undefined);
  assert.deepEqual(slices(c, 'external-db'), []);
  const ep = create(c, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external-db', namespace: 'default', labels: { db: 'mysql' } }, subsets: [{ addresses: [{ ip: '192.168.10.5' }], ports: [{ port: 3306 }] }] } as Endpoints);
  c.advanceBy(10_000);
  assert.deepEqual(endpoints(c, 'external-db')!.subsets, [{ addresses: [{ ip: '192.168.10.5' }], ports: [{ port: 3306, protocol: 'TCP' }] }]);
  const mirrored = slices(c, 'external-db');
  assert.equal(mirrored.length, 1);
  assert.match(mirrored[0].metadata.name, /^external-db-[a-z0-9]{5}$/);
  assert.deepEqual(mirrored[0].metadata.labels, { db: 'mysql', 'kubernetes.io/service-name': 'external-db', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
  assert.deepEqual(mirrored[0].metadata.ownerReferences?.map((o) => [o.kind, o.name, o.uid]), [['Endpoints', 'external-db', ep.metadata.uid]]);
  assert.deepEqual(mirrored[0].endpoints, [{ addresses: ['192.168.10.5'], conditions: { ready: true } }]);
  assert.deepEqual(mirrored[0].ports, [{ name: '', port: 3306, protocol: 'TCP' }]);
  // Editing the Endpoints updates the mirror; deleting it removes the mirror.
  c.act(() => c.api.patch('Endpoints', 'default', 'external-db', 'merge', { subsets: [{ addresses: [{ ip: '192.168.10.5' }, { ip: '192.168.10.6' }], ports: [{ port: 3306 }] }] }));
  assert.deepEqual(slices(c, 'external-db')[0].endpoints.map((e) => e.addresses[0]), ['192.168.10.5', '192.168.10.6']);
  c.act(() => c.api.delete('Endpoints', 'default', 'external-db'));
  assert.deepEqual(slices(c, 'external-db'), []);
  // The kubernetes Service's own Endpoints are not mirrored (skip-mirror): its one slice is the API server's.
  assert.deepEqual(slices(c, 'kubernetes').map((s) => s.metadata.name), ['kubernetes']);
  // ExternalName Services get none either.
  create(c, service('ext', { type: 'ExternalName', externalName: 'example.com' }));
  assert.equal(endpoints(c, 'ext'), undefined);
});

test('deleting the Service deletes its Endpoints and (through the garbage collector) its slices', () => {
  const c = newCluster();
  create(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
  create(c, deployment('web', 2, { app: 'web' }, ECHO));
  untilReady(c, 'web-', 2);
  assert.ok(endpoints(c, 'web'));
  assert.equal(slices(c, 'web').length, 1);
  c.act(() => c.api.delete('Service', 'default', 'web'));
  assert.equal(endpoints(c, 'web'), undefined);
  assert.deepEqual(slices(c, 'web'), []);
  // A Service of the same name later starts afresh.
  create(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
  assert.equal(readyIps(endpoints(c, 'web')).length, 2);
});

test('deleting a Deployment empties its Service endpoints; re-applying fills them with the new pod IPs (TUTORIALS §8)', () => {
  const c = newCluster();
  create(c, service('sample-clusterip', { selector: { app: 'sample-app' }, ports: [{ name: 'http-port', port: 8080, targetPort: 80 }] }));
  create(c, deployment('sample-deployment', 3, { app: 'sample-app' }, ECHO));
  untilReady(c, 'sample-deployment-', 3);
  const first = readyIps(endpoints(c, 'sample-clusterip'));
  assert.equal(first.length, 3);
  c.act(() => c.api.delete('Deployment', 'default', 'sample-deployment'));
  assert.ok(c.advanceUntil(() => pods(c).length === 0, 120_000));
  assert.equal(endpoints(c, 'sample-clusterip')!.subsets, undefined);
  assert.equal(slices(c, 'sample-clusterip').length, 1);
  assert.deepEqual(slices(c, 'sample-clusterip')[0].endpoints, []);
  create(c, deployment('sample-deployment', 3, { app: 'sample-app' }, ECHO));
  untilReady(c, 'sample-deployment-', 3);
  const second = readyIps(endpoints(c, 'sample-clusterip'));
  assert.deepEqual(second, podIps(pods(c)));
  assert.deepEqual(readySliceIps(slices(c, 'sample-clusterip')), second);
});

test('the kubernetes Service points at the API server on the control-plane node', () => {
  const c = newCluster();
  const ep = endpoints(c, 'kubernetes')!;
  assert.deepEqual(ep.subsets, [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
  assert.deepEqual(ep.metadata.labels, { 'endpointslice.kubernetes.io/skip-mirror': 'true' });
  const s = c.store.get('EndpointSlice', 'default', 'kubernetes')!;
  assert.deepEqual(s.endpoints, [{ addresses: ['172.18.0.2'], conditions: { ready: true } }]);
  // Removed by hand, it comes back.
  c.act(() => c.api.delete('Endpoints', 'default', 'kubernetes'));
  assert.deepEqual(endpoints(c, 'kubernetes')!.subsets![0].addresses, [{ ip: '172.18.0.2' }]);
});

test('slices carry the zone of the node a pod runs on', () => {
  const c = newCluster({ nodes: [{ name: 'worker1', labels: { 'topology.kubernetes.io/zone': 'zone-a' } }] });
  create(c, service('z', { selector: { app: 'z' }, ports: [{ port: 80 }] }));
  create(c, pod('z1', { containers: ECHO }, { app: 'z' }));
  untilReady(c, 'z1', 1);
  assert.equal(slices(c, 'z')[0].endpoints[0].zone, 'zone-a');
  assert.equal(slices(c, 'z')[0].endpoints[0].nodeName, 'worker1');
});

test('a selector that stops matching a pod removes it; relabelling it back restores it', () => {
  const c = newCluster();
  create(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
  create(c, pod('w', { containers: ECHO }, { app: 'web' }));
  untilReady(c, 'w', 1);
  const ip = pods(c)[0].status!.podIP!;
  c.act(() => c.api.patch('Pod', 'default', 'w', 'merge', { metadata: { labels: { app: 'other' } } }));
  assert.equal(endpoints(c, 'web')!.subsets, undefined);
  assert.deepEqual(readySliceIps(slices(c, 'web')), []);
  c.act(() => c.api.patch('Pod', 'default', 'w', 'merge', { metadata: { labels: { app: 'web' } } }));
  assert.deepEqual(readyIps(endpoints(c, 'web')), [ip]);
});
