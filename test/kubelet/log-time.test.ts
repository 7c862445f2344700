/**
 * Times in container output: an image's start-up lines carry the container's start time in the
 * program's own format (no fixed date), and `date` prints as busybox and coreutils do.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import { BUILTIN_IMAGES } from '../../src/kubelet/catalog-builtin.ts';
import { dateOutput, LOG_TIME_FORMATS, stampLogLine } from '../../src/kubelet/log-time.ts';
import type { Pod } from '../../src/api/types/index.ts';

const T = Date.UTC(2025, 0, 6, 9, 0, 1, 234);

test('placeholders: each format, an offset in seconds, unknown names kept', () => {
  assert.equal(stampLogLine('{{go-log}} start server', T), '2025/01/06 09:00:01 start server');
  assert.equal(stampLogLine('I{{klog+3}}       1 x.go:1] y', T), 'I0106 09:00:04.234000       1 x.go:1] y');
  assert.equal(stampLogLine('{{iso-micro}}', T), '2025-01-06T09:00:01.234000Z');
  assert.equal(stampLogLine('1:M {{redis}} * Ready', T), '1:M 06 Jan 2025 09:00:01.234 * Ready');
  assert.equal(stampLogLine('{{mysql-entrypoint}} [Note]', T), '2025-01-06 09:00:01+00:00 [Note]');
  assert.equal(stampLogLine('{{postgres}} [1] LOG:', T), '2025-01-06 09:00:01.234 UTC [1] LOG:');
  assert.equal(stampLogLine('{{fluentd}} [info]:', T), '2025-01-06 09:00:01 +0000 [info]:');
  assert.equal(stampLogLine('{{nope}} and {{go-log+60}}', T), '{{nope}} and 2025/01/06 09:01:01');
  assert.equal(dateOutput(T), 'Mon Jan  6 09:00:01 UTC 2025');
  assert.equal(dateOutput(Date.UTC(2025, 10, 23, 17, 5, 9)), 'Sun Nov 23 17:05:09 UTC 2025');
});

test('no built-in image prints a fixed date: every timestamp-like text is a placeholder', () => {
  for (const e of BUILTIN_IMAGES) {
    for (const line of [...(e.logs ?? []), ...(e.requiredEnv?.logs ?? [])]) {
      const stamped = stampLogLine(line, T);
      assert.doesNotMatch(stamped, /\{\{/, `${e.image}: ${line}`);
      assert.doesNotMatch(line, /\b20\d\d[-/]\d\d[-/]\d\d|\b[IWE]\d{4} \d\d:\d\d/, `${e.image} has a fixed time: ${line}`);
    }
  }
});

test('gihyodocker/echo logs "start server" at the time its container started; date in exec and scripts', () => {
  const c = new Cluster();
  c.act(() =>
    c.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'echo', namespace: 'default' },
      spec: { containers: [{ name: 'echo', image: 'gihyodocker/echo:latest' }, { name: 'clock', image: 'busybox:1.36', command: ['sh', '-c', 'date; sleep 3600'] }] },
    }),
  );
  c.advanceUntil(() => c.store.get<Pod>('Pod', 'default', 'echo')!.status?.phase === 'Running', 60_000);
  c.advanceBy(90_000);
  const pod = c.store.get<Pod>('Pod', 'default', 'echo')!;
  const started = (name: string) => Date.parse(pod.status!.containerStatuses!.find((s) => s.name === name)!.state.running!.startedAt!);
  const logs = c.components.runtime.logs(pod, 'echo', {});
  assert.ok(logs.ok);
  assert.deepEqual(logs.lines, [`${LOG_TIME_FORMATS['go-log'](started('echo'))} start server`]);
  const clock = c.components.runtime.logs(pod, 'clock', {});
  assert.ok(clock.ok);
  assert.deepEqual(clock.lines, [dateOutput(started('clock'))]);
  assert.equal(c.components.runtime.exec(pod, 'clock', ['date']).stdout, `${dateOutput(c.now())}\n`);
});
