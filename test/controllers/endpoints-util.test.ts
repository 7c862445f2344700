import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EndpointSlice, Pod, Service } from '../../src/api/types/index.ts';
import { endpointsHaveManagedByLabel } from '../../src/controllers/endpoints/endpoints-controller.ts';
import { planSlices, type SliceEndpoint, type SlicePort } from '../../src/controllers/endpoints/slices.ts';
import { repackSubsets } from '../../src/controllers/endpoints/subsets.ts';
import { TriggerTimeTracker } from '../../src/controllers/endpoints/trigger-time.ts';
import { findPort, managedSelector } from '../../src/controllers/endpoints/util.ts';

const addr = (ip: string, uid = ip) => ({ ip, targetRef: { kind: 'Pod', namespace: 'default', name: `p-${uid}`, uid } });
const http = (port: number) => ({ name: 'http', port, protocol: 'TCP' });

test('repackSubsets: the worked example of subsets.ts', () => {
  const subsets = repackSubsets([
    { address: addr('10.244.1.2'), port: http(8080), ready: true },
    { address: addr('10.244.2.2'), port: http(80), ready: true },
    { address: addr('10.244.1.3'), port: http(8080), ready: false },
  ]);
  assert.deepEqual(subsets, [
    { addresses: [addr('10.244.1.2')], notReadyAddresses: [addr('10.244.1.3')], ports: [http(8080)] },
    { addresses: [addr('10.244.2.2')], ports: [http(80)] },
  ]);
});

test('repackSubsets: addresses offering the same ports share a subset, sorted bytewise; not ready wins per port', () => {
  const metrics = { name: 'metrics', port: 9090, protocol: 'TCP' };
  const subsets = repackSubsets([
    { address: addr('10.244.1.2'), port: http(80), ready: true },
    { address: addr('10.244.1.10'), port: http(80), ready: true },
    { address: addr('10.244.1.2'), port: metrics, ready: true },
    { address: addr('10.244.1.10'), port: metrics, ready: true },
    { address: addr('10.244.1.10'), port: metrics, ready: false },
  ]);
  assert.deepEqual(subsets, [
    { addresses: [addr('10.244.1.10'), addr('10.244.1.2')], ports: [http(80)] },
    { addresses: [addr('10.244.1.2')], notReadyAddresses: [addr('10.244.1.10')], ports: [metrics] },
  ]);
  // A headless Service without ports: bare addresses.
  assert.deepEqual(repackSubsets([{ address: addr('10.244.1.2'), ready: true }]), [{ addresses: [addr('10.244.1.2')] }]);
  assert.deepEqual(repackSubsets([]), []);
});

function ep(i: number): SliceEndpoint {
  return { addresses: [`10.244.${Math.floor(i / 250)}.${i % 250}`], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default', name: `p${i}` } };
}
const PORTS: SlicePort[] = [{ name: '', port: 80, protocol: 'TCP' }];
let named = 0;
function input(existing: EndpointSlice[], endpoints: SliceEndpoint[]) {
  const labels = { 'kubernetes.io/service-name': 'web' };
  return {
    existing,
    owned: () => true,
    desired: endpoints.length ? [{ ports: PORTS, endpoints }] : [],
    labels,
    newSlice: (ports: SlicePort[]): EndpointSlice => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: '', generateName: 'web-', labels: { ...labels } }, addressType: 'IPv4', endpoints: [], ...(ports.length ? { ports } : {}) }),
  };
}
/** Gives created slices names, as the API server would. */
function stored(plan: ReturnType<typeof planSlices>, before: EndpointSlice[]): EndpointSlice[] {
  const gone = new Set(plan.delete.map((s) => s.metadata.name));
  const byName = new Map(before.filter((s) => !gone.has(s.metadata.name)).map((s) => [s.metadata.name, s]));
  for (const s of plan.update) byName.set(s.metadata.name, s);
  for (const s of plan.create) byName.set(`web-${++named}`, { ...s, metadata: { ...s.metadata, name: `web-${named}` } });
  return [...byName.values()];
}

test('planSlices: 250 endpoints make slices of 100, 100 and 50; 10 more fill the slice of 50', () => {
  const all = Array.from({ length: 260 }, (_, i) => ep(i));
  const p1 = planSlices(input([], all.slice(0, 250)));
  assert.deepEqual(p1.create.map((s) => s.endpoints.length), [100, 100, 50]);
  assert.deepEqual([p1.update.length, p1.delete.length], [0, 0]);
  const s1 = stored(p1, []);
  const p2 = planSlices(input(s1, all));
  assert.equal(p2.create.length, 0);
  assert.deepEqual(p2.update.map((s) => s.endpoints.length), [60]);
  const s2 = stored(p2, s1);
  // Nothing changed: nothing to do.
  const p3 = planSlices(input(s2, all));
  assert.deepEqual([p3.create.length, p3.update.length, p3.delete.length], [0, 0, 0]);
  // Every endpoint gone: the slices are deleted but one, renamed into the empty placeholder.
  const p4 = planSlices(input(s2, []));
  assert.deepEqual([p4.create.length, p4.update.length, p4.delete.length], [0, 1, 2]);
  assert.deepEqual(p4.update[0].endpoints, []);
  assert.ok(s2.some((s) => s.metadata.name === p4.update[0].metadata.name));
});

test('planSlices: a changed endpoint updates its slice in place', () => {
  const s = stored(planSlices(input([], [ep(1), ep(2)])), []);
  const changed = { ...ep(2), conditions: { ready: false, serving: true, terminating: true } };
  const p = planSlices(input(s, [ep(1), changed]));
  assert.equal(p.update.length, 1);
  assert.deepEqual(p.update[0].endpoints[1].conditions, { ready: false, serving: true, terminating: true });
  assert.equal(p.update[0].metadata.name, s[0].metadata.name);
});

test('TriggerTimeTracker: the Service creation first, then the earliest Ready change since the last sync', () => {
  const t = new TriggerTimeTracker();
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'd', creationTimestamp: '2025-01-06T09:00:00Z' }, spec: {} } as Service;
  const readyAt = (name: string, ts: string) => ({ metadata: { name }, status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: ts }] } }) as unknown as Pod;
  assert.equal(t.compute(svc, []), Date.parse('2025-01-06T09:00:00Z'));
  assert.equal(t.compute(svc, [readyAt('a', '2025-01-06T09:00:07Z')]), Date.parse('2025-01-06T09:00:07Z'));
  assert.equal(t.compute(svc, [readyAt('a', '2025-01-06T09:00:07Z'), readyAt('b', '2025-01-06T09:00:08Z')]), Date.parse('2025-01-06T09:00:08Z'));
  assert.equal(t.compute(svc, [readyAt('a', '2025-01-06T09:00:07Z'), readyAt('b', '2025-01-06T09:00:08Z')]), undefined);
});

test('findPort: numbers as they are, names looked up by name and protocol', () => {
  const pod = { spec: { containers: [{ name: 'a', ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] }], initContainers: [{ name: 'side', restartPolicy: 'Always', ports: [{ name: 'admin', containerPort: 9000 }] }] } } as unknown as Pod;
  assert.equal(findPort(pod, { port: 80, targetPort: 81 }), 81);
  assert.equal(findPort(pod, { port: 80 }), 80);
  assert.equal(findPort(pod, { port: 80, targetPort: 'http' }), 8080);
  assert.equal(findPort(pod, { port: 53, targetPort: 'dns' }), undefined, 'TCP service port, UDP container port');
  assert.equal(findPort(pod, { port: 53, targetPort: 'dns', protocol: 'UDP' }), 53);
  assert.equal(findPort(pod, { port: 9000, targetPort: 'admin' }), 9000, 'sidecar containers count');
  assert.equal(findPort(pod, { port: 80, targetPort: 'web' }), undefined);
});

test('managedSelector: none for ExternalName, a missing or an empty selector', () => {
  const svc = (spec: Service['spec']) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec }) as Service;
  assert.deepEqual(managedSelector(svc({ selector: { app: 'a' } })), { app: 'a' });
  assert.equal(managedSelector(svc({})), undefined);
  assert.equal(managedSelector(svc({ selector: {} })), undefined);
  assert.equal(managedSelector(svc({ type: 'ExternalName', externalName: 'x.example.com', selector: { app: 'a' } })), undefined);
});

test('the Endpoints managed-by label exists from v1.33', () => {
  assert.equal(endpointsHaveManagedByLabel('v1.32.2'), false);
  assert.equal(endpointsHaveManagedByLabel('v1.33.0'), true);
  assert.equal(endpointsHaveManagedByLabel('v1.35.1'), true);
});
