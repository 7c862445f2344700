import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goDuration, humanDuration, parseDuration, rfc3339 } from '../../src/api/duration.ts';
import { formatBytes, formatCpuMillis, parseBytes, parseCpuMillis, parseQuantity } from '../../src/api/quantity.ts';

test('humanDuration follows apimachinery HumanDuration at every boundary', () => {
  const s = (n: number) => humanDuration(n * 1000);
  const cases: [number, string][] = [
    [-2, '<invalid>'],
    [-0.5, '0s'],
    [0, '0s'],
    [59, '59s'],
    [119, '119s'],
    [120, '2m'],
    [121, '2m1s'],
    [599, '9m59s'],
    [600, '10m'],
    [10799, '179m'],
    [10800, '3h'],
    [3 * 3600 + 60, '3h1m'],
    [8 * 3600 - 1, '7h59m'],
    [8 * 3600, '8h'],
    [47 * 3600, '47h'],
    [48 * 3600, '2d'],
    [49 * 3600, '2d1h'],
    [8 * 86400 - 1, '7d23h'],
    [8 * 86400, '8d'],
    [729 * 86400, '729d'],
    [730 * 86400, '2y'],
    [731 * 86400, '2y1d'],
    [8 * 365 * 86400, '8y'],
  ];
  for (const [secs, want] of cases) assert.equal(s(secs), want, `${secs}s`);
});

test('scenario durations parse; bad ones are undefined', () => {
  assert.equal(parseDuration('90s'), 90_000);
  assert.equal(parseDuration('2m'), 120_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('500ms'), 500);
  assert.equal(parseDuration('30'), 30_000);
  assert.equal(parseDuration('30x'), undefined);
  assert.equal(parseDuration(''), undefined);
});

test('Go duration strings and RFC 3339 timestamps', () => {
  assert.equal(goDuration(2432), '2.432s');
  assert.equal(goDuration(800), '800ms');
  assert.equal(goDuration(90_000), '1m30s');
  assert.equal(rfc3339(Date.UTC(2025, 0, 6, 9, 0, 3, 700)), '2025-01-06T09:00:03Z');
});

test('quantities: CPU in millicores, memory in bytes', () => {
  assert.equal(parseCpuMillis('250m'), 250);
  assert.equal(parseCpuMillis('1.5'), 1500);
  assert.equal(parseCpuMillis(2), 2000);
  assert.equal(parseBytes('128Mi'), 128 * 2 ** 20);
  assert.equal(parseBytes('1G'), 1e9);
  assert.equal(parseBytes('1e3'), 1000);
  assert.equal(parseQuantity('abc'), undefined);
  assert.equal(formatCpuMillis(1500), '1500m');
  assert.equal(formatCpuMillis(2000), '2');
  assert.equal(formatBytes(8 * 2 ** 30), '8Gi');
  assert.equal(formatBytes(1500), '1500');
});
