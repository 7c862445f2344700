/**
 * The READY, STATUS and RESTARTS cells of `kubectl get pods` (printPod), one case per rule of
 * reference §10.5, and the wide columns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rfc3339 } from '../../src/api/duration.ts';
import type { ContainerStatus, Pod } from '../../src/api/types/index.ts';
import { columnsFor, printRows } from '../../src/printers/index.ts';
import { contextWith, NOW } from './fixtures.ts';

const ago = (s: number) => rfc3339(NOW - s * 1000);
const ctx = contextWith([]);

type Status = Partial<ContainerStatus> & { name: string };

function pod(opts: {
  containers?: string[];
  init?: { name: string; sidecar?: boolean }[];
  phase?: string;
  reason?: string;
  statuses?: Status[];
  initStatuses?: Status[];
  conditions?: { type: string; status: string; reason?: string }[];
  deleting?: boolean;
  readinessGates?: string[];
}): Pod {
  const full = (s: Status): ContainerStatus => ({ ready: false, restartCount: 0, image: '', imageID: '', state: {}, lastState: {}, ...s });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', creationTimestamp: ago(300), ...(opts.deleting ? { deletionTimestamp: ago(5) } : {}) },
    spec: {
      containers: (opts.containers ?? ['app']).map((name) => ({ name, image: 'nginx' })),
      initContainers: opts.init?.map((c) => ({ name: c.name, image: 'busybox', ...(c.sidecar ? { restartPolicy: 'Always' as const } : {}) })),
      readinessGates: opts.readinessGates?.map((conditionType) => ({ conditionType })),
    },
    status: {
      phase: (opts.phase ?? 'Running') as 'Running',
      reason: opts.reason,
      conditions: opts.conditions?.map((c) => ({ ...c, status: c.status as 'True' | 'False' })),
      containerStatuses: opts.statuses?.map(full),
      initContainerStatuses: opts.initStatuses?.map(full),
    },
  } as Pod;
}

const running = (name = 'app', ready = true): Status => ({ name, ready, state: { running: { startedAt: ago(100) } } });
const waiting = (reason: string, name = 'app'): Status => ({ name, state: { waiting: { reason } } });
const terminated = (exitCode: number, reason?: string, signal?: number, name = 'app'): Status => ({ name, state: { terminated: { exitCode, reason, signal } } });

function cells(p: Pod): Record<string, string> {
  const { headers, rows } = printRows('Pod', [p], ctx, { wide: true });
  return Object.fromEntries(headers.map((h, i) => [h, rows[0][i]]));
}

const CASES: { name: string; pod: Pod; status: string; ready: string }[] = [
  { name: 'unscheduled pod', pod: pod({ phase: 'Pending' }), status: 'Pending', ready: '0/1' },
  {
    name: 'scheduling gates',
    pod: pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
    status: 'SchedulingGated',
    ready: '0/1',
  },
  { name: 'status.reason wins over the phase', pod: pod({ phase: 'Failed', reason: 'Evicted' }), status: 'Evicted', ready: '0/1' },
  { name: 'container being created', pod: pod({ phase: 'Pending', statuses: [waiting('ContainerCreating')] }), status: 'ContainerCreating', ready: '0/1' },
  { name: 'running and ready', pod: pod({ statuses: [running()] }), status: 'Running', ready: '1/1' },
  { name: 'running, readiness failing', pod: pod({ statuses: [running('app', false)] }), status: 'Running', ready: '0/1' },
  { name: 'image pull back-off', pod: pod({ phase: 'Pending', statuses: [waiting('ImagePullBackOff')] }), status: 'ImagePullBackOff', ready: '0/1' },
  { name: 'crash loop', pod: pod({ statuses: [waiting('CrashLoopBackOff')] }), status: 'CrashLoopBackOff', ready: '0/1' },
  { name: 'completed', pod: pod({ phase: 'Succeeded', statuses: [terminated(0, 'Completed')] }), status: 'Completed', ready: '0/1' },
  { name: 'terminated with a reason', pod: pod({ phase: 'Failed', statuses: [terminated(1, 'Error')] }), status: 'Error', ready: '0/1' },
  { name: 'terminated without a reason: exit code', pod: pod({ phase: 'Failed', statuses: [terminated(2)] }), status: 'ExitCode:2', ready: '0/1' },
  { name: 'terminated without a reason: signal', pod: pod({ phase: 'Failed', statuses: [terminated(137, undefined, 9)] }), status: 'Signal:9', ready: '0/1' },
  {
    name: 'the first container wins (scanned last to first)',
    pod: pod({ containers: ['app', 'sidecar'], statuses: [waiting('CrashLoopBackOff', 'app'), running('sidecar')] }),
    status: 'CrashLoopBackOff',
    ready: '1/2',
  },
  {
    name: 'Completed with a container still running, pod Ready → Running',
    pod: pod({ containers: ['job', 'proxy'], statuses: [terminated(0, 'Completed', undefined, 'job'), running('proxy')], conditions: [{ type: 'Ready', status: 'True' }] }),
    status: 'Running',
    ready: '1/2',
  },
  {
    name: 'Completed with a container still running, pod not Ready → NotReady',
    pod: pod({ containers: ['job', 'proxy'], statuses: [terminated(0, 'Completed', undefined, 'job'), running('proxy')], conditions: [{ type: 'Ready', status: 'False' }] }),
    status: 'NotReady',
    ready: '1/2',
  },
  {
    name: 'init containers: the second is running → Init:1/2',
    pod: pod({ phase: 'Pending', init: [{ name: 'a' }, { name: 'b' }], initStatuses: [terminated(0, 'Completed', undefined, 'a'), running('b', false)], statuses: [waiting('PodInitializing')] }),
    status: 'Init:1/2',
    ready: '0/1',
  },
  {
    name: 'init container waiting PodInitializing counts as Init:0/1',
    pod: pod({ phase: 'Pending', init: [{ name: 'a' }], initStatuses: [waiting('PodInitializing', 'a')] }),
    status: 'Init:0/1',
    ready: '0/1',
  },
  {
    name: 'init container crash loop → Init:CrashLoopBackOff',
    pod: pod({ phase: 'Pending', init: [{ name: 'a' }], initStatuses: [waiting('CrashLoopBackOff', 'a')], statuses: [waiting('PodInitializing')] }),
    status: 'Init:CrashLoopBackOff',
    ready: '0/1',
  },
  { name: 'init container failed with a reason → Init:Error', pod: pod({ phase: 'Pending', init: [{ name: 'a' }], initStatuses: [terminated(1, 'Error', undefined, 'a')] }), status: 'Init:Error', ready: '0/1' },
  { name: 'init container failed without a reason → Init:ExitCode:N', pod: pod({ phase: 'Pending', init: [{ name: 'a' }], initStatuses: [terminated(3, undefined, undefined, 'a')] }), status: 'Init:ExitCode:3', ready: '0/1' },
  { name: 'init container killed by a signal → Init:Signal:N', pod: pod({ phase: 'Pending', init: [{ name: 'a' }], initStatuses: [terminated(143, undefined, 15, 'a')] }), status: 'Init:Signal:15', ready: '0/1' },
  {
    name: 'a started sidecar counts towards READY and does not block initialization',
    pod: pod({ init: [{ name: 'log', sidecar: true }], initStatuses: [{ ...running('log'), started: true }], statuses: [running()], conditions: [{ type: 'Initialized', status: 'True' }] }),
    status: 'Running',
    ready: '2/2',
  },
  { name: 'being deleted → Terminating', pod: pod({ deleting: true, statuses: [running()] }), status: 'Terminating', ready: '1/1' },
  { name: 'being deleted on a lost node → Unknown', pod: pod({ deleting: true, reason: 'NodeLost', statuses: [running()] }), status: 'Unknown', ready: '1/1' },
  { name: 'a finished pod being deleted keeps its status', pod: pod({ deleting: true, phase: 'Succeeded', statuses: [terminated(0, 'Completed')] }), status: 'Completed', ready: '0/1' },
];

for (const c of CASES) {
  test(`pod STATUS: ${c.name}`, () => {
    const row = cells(c.pod);
    assert.equal(row.STATUS, c.status);
    assert.equal(row.READY, c.ready);
  });
}

test('pod RESTARTS: count, and "(Xs ago)" from the latest last-state finish', () => {
  const restarted = pod({ statuses: [{ ...running(), restartCount: 3, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(42) } } }] });
  assert.equal(cells(restarted).RESTARTS, '3 (42s ago)');
  const later = pod({
    containers: ['a', 'b'],
    statuses: [
      { ...running('a'), restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: ago(600) } } },
      { ...running('b'), restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(150) } } },
    ],
  });
  assert.equal(cells(later).RESTARTS, '3 (2m30s ago)');
  const unknownTime = pod({ statuses: [{ ...running(), restartCount: 4 }] });
  assert.equal(cells(unknownTime).RESTARTS, '4');
  assert.equal(cells(pod({ statuses: [running()] })).RESTARTS, '0');
});

test('pod RESTARTS: init container restarts count while initializing, not once initialized', () => {
  const initializing = pod({
    phase: 'Pending',
    init: [{ name: 'a' }],
    initStatuses: [{ ...waiting('CrashLoopBackOff', 'a'), restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: ago(45) } } }],
  });
  assert.equal(cells(initializing).RESTARTS, '3 (45s ago)');
  const initialized = pod({
    init: [{ name: 'a' }],
    initStatuses: [{ ...terminated(0, 'Completed', undefined, 'a'), restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(500) } } }],
    statuses: [{ ...running(), restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: ago(90) } } }],
    conditions: [{ type: 'Initialized', status: 'True' }],
  });
  assert.equal(cells(initialized).RESTARTS, '1 (90s ago)');
});

test('pod wide columns: IP, NODE, NOMINATED NODE, READINESS GATES', () => {
  const p = pod({ statuses: [running()], readinessGates: ['example.com/a', 'example.com/b'], conditions: [{ type: 'example.com/a', status: 'True' }] });
  const row = cells(p);
  assert.deepEqual([row.IP, row.NODE, row['NOMINATED NODE'], row['READINESS GATES']], ['<none>', '<none>', '<none>', '1/2']);
  const placed = { ...p, spec: { ...p.spec, nodeName: 'worker1', readinessGates: undefined }, status: { ...p.status, podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], nominatedNodeName: 'worker2' } } as Pod;
  const r2 = cells(placed);
  assert.deepEqual([r2.IP, r2.NODE, r2['NOMINATED NODE'], r2['READINESS GATES']], ['10.244.1.5', 'worker1', 'worker2', '<none>']);
});

test('pod columns: the default set and the -o wide set', () => {
  assert.deepEqual(columnsFor('Pod').filter((c) => !c.wide).map((c) => c.name), ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
  assert.deepEqual(columnsFor('po').filter((c) => c.wide).map((c) => c.name), ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
});
