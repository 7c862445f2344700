/**
 * Probe timing (pkg/kubelet/prober): ticks every periodSeconds from the container's start, none
 * before initialDelaySeconds, results after success/failure thresholds, and a steady probe that
 * skips ticks until its app's health can change.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProbeRunner, probeAt, type ProbeTarget } from '../../src/kubelet/probes.ts';
import type { Behaviour } from '../../src/kubelet/behaviour.ts';
import type { Instance } from '../../src/kubelet/container-run.ts';
import type { Probe } from '../../src/api/types/index.ts';

function target(b: Partial<Behaviour>, ports = [8080]): ProbeTarget {
  const behaviour: Behaviour = { exitCode: 0, logs: [], ignoresSigterm: false, stopSeconds: 0, ...b };
  const inst: Instance = { id: 'x', startedAt: 0, behaviour, logs: [], exitCode: 0 };
  return { pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } }, container: { name: 'c', ports: ports.map((p) => ({ containerPort: p })) }, inst, entry: undefined, podIP: '10.244.1.7' };
}

const http: Probe = { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10, failureThreshold: 3, successThreshold: 1 };

test('readiness: not ready until the app answers; the first tick is at the start', () => {
  const t = target({ readyAfterMs: 15_000 });
  const r = new ProbeRunner('readiness', http, 0);
  const e0 = r.advance(0, t);
  assert.equal(r.result, false);
  assert.deepEqual(e0.failures, ['Readiness probe failed: Get "http://10.244.1.7:8080/healthz": dial tcp 10.244.1.7:8080: connect: connection refused']);
  r.advance(10_000, t);
  assert.equal(r.result, false);
  const e20 = r.advance(20_000, t);
  assert.equal(r.result, true);
  assert.equal(e20.changed, true);
  // Healthy and nothing will change: no more ticks needed.
  assert.equal(r.wakeAt(), undefined);
});

test('initialDelaySeconds: ticks inside the delay are skipped', () => {
  const t = target({ readyAfterMs: 0 });
  const r = new ProbeRunner('readiness', { ...http, initialDelaySeconds: 25 }, 0);
  r.advance(20_000, t);
  assert.equal(r.result, false, 'no probe has run yet');
  r.advance(30_000, t);
  assert.equal(r.result, true);
});

test('liveness: three consecutive failures kill; a steady probe sleeps until the app turns unhealthy', () => {
  const t = target({ readyAfterMs: 0, unhealthyAfterMs: 45_000 });
  const r = new ProbeRunner('liveness', http, 0);
  r.advance(0, t);
  assert.equal(r.wakeAt(), 50_000, 'the first tick at or after 45 s');
  const e50 = r.advance(50_000, t);
  assert.deepEqual(e50.failures, ['Liveness probe failed: HTTP probe failed with statuscode: 500']);
  assert.equal(e50.kill, false);
  const e70 = r.advance(70_000, t);
  assert.equal(e70.failures.length, 2);
  assert.equal(e70.kill, true);
});

test('exec probes see the files a script touches and removes', () => {
  const files = new Map<string, [number, number][]>([['/tmp/healthy', [[0, 30_000]]]]);
  const t = { ...target({ files }), entry: { image: 'registry.k8s.io/busybox', commands: ['cat', 'nslookup'] } };
  const probe: Probe = { exec: { command: ['cat', '/tmp/healthy'] } };
  assert.equal(probeAt(probe, t, 29_000).ok, true);
  assert.deepEqual(probeAt(probe, t, 30_000), { ok: false, message: "cat: can't open '/tmp/healthy': No such file or directory" });
});

test('a readiness probe on a port nothing listens on fails forever, one Unhealthy per period', () => {
  const t = target({ readyAfterMs: 0 }, [80]);
  const r = new ProbeRunner('readiness', http, 0);
  const e = r.advance(60_000, t);
  assert.equal(e.failures.length, 7);
  assert.equal(r.result, false);
  assert.equal(r.wakeAt(), 70_000);
});
