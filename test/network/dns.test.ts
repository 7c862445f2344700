import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pod, Service } from '../../src/api/types/index.ts';
import type { Cluster } from '../../src/cluster/cluster.ts';
import { queryClusterDns } from '../../src/network/dns.ts';
import { candidates, resolveHost, resolverConfig } from '../../src/network/resolver.ts';
import { create, deployment, newCluster, pod, pods, service, untilReady } from './helpers.ts';

const ECHO = [{ name: 'nginx-container', image: 'amsy810/echo-nginx:v2.0' }];
const SLEEP = [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }];

/** default: Service web (ClusterIP) over a Deployment; ott: headless `member` with member-0/1; ExternalName `ext`. */
function dnsCluster(): Cluster {
  const c = newCluster();
  create(c, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ott' } });
  create(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
  create(c, deployment('web', 2, { app: 'web' }, ECHO));
  create(c, service('member', { clusterIP: 'None', selector: { app: 'member' }, ports: [{ port: 3001 }] }, 'ott'));
  for (const n of ['member-0', 'member-1']) create(c, pod(n, { hostname: n, subdomain: 'member', containers: ECHO }, { app: 'member' }, 'ott'));
  create(c, service('ext', { type: 'ExternalName', externalName: 'example.com' }));
  create(c, pod('client', { containers: SLEEP }));
  create(c, pod('client', { containers: SLEEP }, {}, 'ott'));
  untilReady(c, 'web-', 2);
  untilReady(c, 'member-', 2, 'ott');
  untilReady(c, 'client', 1);
  untilReady(c, 'client', 1, 'ott');
  return c;
}

const c = dnsCluster();
const ip = (name: string, ns = 'default') => pods(c, ns).find((p) => p.metadata.name === name)!.status!.podIP!;
const clusterIp = (name: string, ns = 'default') => c.store.get<Service>('Service', ns, name)!.spec.clusterIP!;
const client = (ns = 'default') => c.store.get<Pod>('Pod', ns, 'client')!;
const a = (name: string) => queryClusterDns(c.store, name, 'A');

test('a Service name resolves to its ClusterIP, authoritatively; AAAA has no records', () => {
  assert.deepEqual(a('web.default.svc.cluster.local'), { rcode: 'NOERROR', authoritative: true, answers: [{ name: 'web.default.svc.cluster.local', type: 'A', data: clusterIp('web') }] });
  assert.deepEqual(a('WEB.default.svc.cluster.local.').answers.map((r) => r.data), [clusterIp('web')]);
  assert.deepEqual(queryClusterDns(c.store, 'web.default.svc.cluster.local', 'AAAA'), { rcode: 'NOERROR', authoritative: true, answers: [] });
  assert.deepEqual(a('kubernetes.default.svc.cluster.local').answers.map((r) => r.data), ['10.96.0.1']);
});

test('a headless Service resolves to its ready pods; a pod with hostname and subdomain has its own name', () => {
  assert.deepEqual(a('member.ott.svc.cluster.local').answers.map((r) => r.data).sort(), [ip('member-0', 'ott'), ip('member-1', 'ott')].sort());
  assert.deepEqual(a('member-0.member.ott.svc.cluster.local').answers, [{ name: 'member-0.member.ott.svc.cluster.local', type: 'A', data: ip('member-0', 'ott') }]);
  assert.equal(a('member-2.member.ott.svc.cluster.local').rcode, 'NXDOMAIN');
  // An endpoint without a hostname answers to its IP with dashes.
  const w = pods(c).find((p) => p.metadata.name.startsWith('web-'))!.status!.podIP!;
  assert.deepEqual(a(`${w.replace(/\./g, '-')}.web.default.svc.cluster.local`).answers.map((r) => r.data), [w]);
  // A Deployment's pods have no names of their own.
  assert.equal(a('web-0.web.default.svc.cluster.local').rcode, 'NXDOMAIN');
});

test('a headless Service without ready endpoints does not exist in DNS', () => {
  const c2 = newCluster();
  create(c2, service('empty', { clusterIP: 'None', selector: { app: 'none' }, ports: [{ port: 80 }] }));
  assert.deepEqual(queryClusterDns(c2.store, 'empty.default.svc.cluster.local', 'A'), { rcode: 'NXDOMAIN', authoritative: true, answers: [] });
});

test('namespaces, unknown names in the zone, pod records', () => {
  assert.deepEqual(a('default.svc.cluster.local'), { rcode: 'NOERROR', authoritative: true, answers: [] });
  assert.equal(a('nosuchns.svc.cluster.local').rcode, 'NXDOMAIN');
  assert.equal(a('web.nosuchns.svc.cluster.local').rcode, 'NXDOMAIN');
  assert.equal(a('nope.default.svc.cluster.local').rcode, 'NXDOMAIN');
  assert.equal(a('web.cluster.local').rcode, 'NXDOMAIN');
  assert.deepEqual(a('10-244-1-5.default.pod.cluster.local').answers.map((r) => r.data), ['10.244.1.5']);
  assert.equal(a('10-244-1-5.nosuchns.pod.cluster.local').rcode, 'NXDOMAIN');
});

test('an ExternalName Service is a CNAME, followed to the external name', () => {
  const r = a('ext.default.svc.cluster.local');
  assert.equal(r.rcode, 'NOERROR');
  assert.deepEqual(r.answers, [
    { name: 'ext.default.svc.cluster.local', type: 'CNAME', data: 'example.com' },
    { name: 'example.com', type: 'A', data: '93.184.215.14' },
  ]);
});

test('names outside the cluster are forwarded: public names resolve, the rest do not; answers are not authoritative', () => {
  assert.deepEqual(a('google.com'), { rcode: 'NOERROR', authoritative: false, answers: [{ name: 'google.com', type: 'A', data: '142.250.196.110' }] });
  const other = a('kubernetes.io');
  assert.equal(other.rcode, 'NOERROR');
  assert.deepEqual(a('kubernetes.io'), other, 'the same address every time');
  assert.match(other.answers[0].data, /^\d+\.\d+\.\d+\.\d+$/);
  assert.deepEqual(a('nothing.invalid'), { rcode: 'NXDOMAIN', authoritative: false, answers: [] });
  assert.equal(a('nginx').rcode, 'NXDOMAIN');
});

test('the example domains (RFC 2606) hold only themselves and www: external.example.com does not exist', () => {
  assert.equal(a('www.example.com').rcode, 'NOERROR');
  assert.equal(a('example.org').rcode, 'NOERROR');
  assert.deepEqual(a('external.example.com'), { rcode: 'NXDOMAIN', authoritative: false, answers: [] });
  assert.equal(a('db.example.net').rcode, 'NXDOMAIN');
});

test('reverse lookups name Services and endpoints', () => {
  const ptr = (x: string) => queryClusterDns(c.store, `${x.split('.').reverse().join('.')}.in-addr.arpa`, 'PTR');
  assert.deepEqual(ptr(clusterIp('web')).answers.map((r) => r.data), ['web.default.svc.cluster.local']);
  assert.deepEqual(ptr(ip('member-0', 'ott')).answers.map((r) => r.data), ['member-0.member.ott.svc.cluster.local']);
  assert.equal(ptr(ip('client')).rcode, 'NXDOMAIN');
});

test('the pod resolver: search path of the pod namespace, ndots 5, then the name as given', () => {
  const cfg = resolverConfig(client());
  assert.deepEqual(cfg, { nameserver: '10.96.0.10', search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5, nodeResolver: false });
  assert.deepEqual(candidates('web.ott', cfg), ['web.ott.default.svc.cluster.local', 'web.ott.svc.cluster.local', 'web.ott.cluster.local', 'web.ott']);
  assert.deepEqual(candidates('a.b.c.d.e.f', cfg)[0], 'a.b.c.d.e.f');
  assert.deepEqual(candidates('web.default.svc.cluster.local.', cfg), ['web.default.svc.cluster.local']);
  const r = (host: string, from = client()) => resolveHost(c.store, from, host);
  assert.deepEqual(r('web'), { name: 'web.default.svc.cluster.local', addresses: [clusterIp('web')], source: 'dns' });
  assert.equal(r('web.default')?.addresses[0], clusterIp('web'));
  assert.equal(r('web.default.svc')?.addresses[0], clusterIp('web'));
  assert.equal(r('web.default.svc.cluster.local')?.addresses[0], clusterIp('web'));
  assert.equal(r('member-0.member.ott.svc.cluster.local')?.addresses[0], ip('member-0', 'ott'));
  assert.equal(r('member'), undefined, 'member lives in ott');
  assert.equal(r('member.ott')?.addresses.length, 2);
  assert.equal(r('member-1.member', client('ott'))?.addresses[0], ip('member-1', 'ott'));
  assert.equal(r('kubernetes')?.addresses[0], '10.96.0.1');
  assert.deepEqual(r('google.com'), { name: 'google.com', addresses: ['142.250.196.110'], source: 'dns' });
  assert.deepEqual(r('ext'), { name: 'example.com', addresses: ['93.184.215.14'], source: 'dns' });
  assert.equal(r('nothere'), undefined);
  // /etc/hosts: the pod's own name and localhost.
  assert.deepEqual(r('client'), { name: 'client', addresses: [ip('client')], source: 'hosts' });
  assert.equal(r('localhost')?.addresses[0], '127.0.0.1');
  assert.equal(r('10.1.2.3')?.source, 'literal');
});

test('dnsPolicy Default uses the node resolver: no cluster names', () => {
  const p = { ...client(), spec: { ...client().spec, dnsPolicy: 'Default' } } as Pod;
  assert.equal(resolveHost(c.store, p, 'web'), undefined);
  assert.equal(resolveHost(c.store, p, 'google.com')?.addresses[0], '142.250.196.110');
});
