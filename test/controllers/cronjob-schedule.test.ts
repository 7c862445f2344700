/**
 * Cron schedules with robfig/cron v3 semantics. Every expected time below was computed with
 * robfig/cron v3's own SpecSchedule.Next (Go, zoneinfo) for the same schedule and start.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextAfter, parseSchedule, ScheduleError } from '../../src/controllers/cronjob/schedule.ts';
import { jobFromTemplate, jobName, mostRecentScheduleTime, nextScheduleDelay } from '../../src/controllers/cronjob/utils.ts';
import { rfc1123z, Zone } from '../../src/controllers/cronjob/zone.ts';
import type { CronJob } from '../../src/api/types/index.ts';

function nexts(schedule: string, from: string, n: number): string[] {
  const s = parseSchedule(schedule);
  const out: string[] = [];
  let t = Date.parse(from);
  for (let i = 0; i < n; i++) {
    const x = nextAfter(s, t);
    if (x === undefined) break;
    out.push(new Date(x).toISOString().replace('.000Z', 'Z'));
    t = x;
  }
  return out;
}

test('every two minutes', () => {
  assert.deepEqual(nexts('*/2 * * * *', '2025-01-06T09:00:30Z', 3), ['2025-01-06T09:02:00Z', '2025-01-06T09:04:00Z', '2025-01-06T09:06:00Z']);
  // Exactly on a schedule time, the next one is the following time.
  assert.deepEqual(nexts('*/2 * * * *', '2025-01-06T09:02:00Z', 1), ['2025-01-06T09:04:00Z']);
});

test('month ends: days a month does not have are skipped', () => {
  assert.deepEqual(nexts('0 0 31 * *', '2025-01-31T00:00:00Z', 3), ['2025-03-31T00:00:00Z', '2025-05-31T00:00:00Z', '2025-07-31T00:00:00Z']);
  assert.deepEqual(nexts('0 0 30 * *', '2025-02-01T00:00:00Z', 2), ['2025-03-30T00:00:00Z', '2025-04-30T00:00:00Z']);
  assert.deepEqual(nexts('59 23 31 12 *', '2025-06-01T00:00:00Z', 1), ['2025-12-31T23:59:00Z']);
});

test('leap years: February 29th', () => {
  assert.deepEqual(nexts('0 0 29 2 *', '2025-01-01T00:00:00Z', 2), ['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z']);
  assert.deepEqual(nexts('0 0 29 2 *', '2024-02-28T00:00:00Z', 2), ['2024-02-29T00:00:00Z', '2028-02-29T00:00:00Z']);
  // February 31st never comes: no time within five years.
  assert.deepEqual(nexts('0 0 31 2 *', '2025-01-01T00:00:00Z', 1), []);
});

test('day of month OR day of week when both are restricted, AND when one is *', () => {
  assert.deepEqual(nexts('0 0 13 * 5', '2025-01-01T00:00:00Z', 4), ['2025-01-03T00:00:00Z', '2025-01-10T00:00:00Z', '2025-01-13T00:00:00Z', '2025-01-17T00:00:00Z']);
  assert.deepEqual(nexts('0 0 * * 5', '2025-01-01T00:00:00Z', 2), ['2025-01-03T00:00:00Z', '2025-01-10T00:00:00Z']);
  assert.deepEqual(nexts('0 0 ? * 5', '2025-01-01T00:00:00Z', 1), ['2025-01-03T00:00:00Z']);
  // A step makes a field restricted: every odd day of the month or a Friday.
  assert.deepEqual(nexts('0 0 */2 * 5', '2025-01-01T00:00:00Z', 4), ['2025-01-03T00:00:00Z', '2025-01-05T00:00:00Z', '2025-01-07T00:00:00Z', '2025-01-09T00:00:00Z']);
  assert.deepEqual(nexts('0 0 1-31 * 5', '2025-01-01T00:00:00Z', 2), ['2025-01-02T00:00:00Z', '2025-01-03T00:00:00Z']);
});

test('names, lists, ranges and steps', () => {
  assert.deepEqual(nexts('0 0 * JAN,feb MON', '2025-01-01T00:00:00Z', 2), ['2025-01-06T00:00:00Z', '2025-01-13T00:00:00Z']);
  assert.deepEqual(nexts('0 12 * * sun,SAT', '2025-01-06T00:00:00Z', 2), ['2025-01-11T12:00:00Z', '2025-01-12T12:00:00Z']);
  assert.deepEqual(nexts('0 9 * * mon-fri', '2025-01-10T10:00:00Z', 2), ['2025-01-13T09:00:00Z', '2025-01-14T09:00:00Z']);
  assert.deepEqual(nexts('5/15 2-4 * * *', '2025-01-06T03:50:00Z', 3), ['2025-01-06T04:05:00Z', '2025-01-06T04:20:00Z', '2025-01-06T04:35:00Z']);
  // A step larger than the range fires only at its start.
  assert.deepEqual(nexts('*/61 * * * *', '2025-01-06T09:00:00Z', 2), ['2025-01-06T10:00:00Z', '2025-01-06T11:00:00Z']);
});

test('descriptors and @every', () => {
  assert.deepEqual(nexts('@hourly', '2025-01-06T09:00:30Z', 1), ['2025-01-06T10:00:00Z']);
  assert.deepEqual(nexts('@daily', '2025-01-06T09:00:00Z', 1), ['2025-01-07T00:00:00Z']);
  assert.deepEqual(nexts('@midnight', '2025-01-06T09:00:00Z', 1), ['2025-01-07T00:00:00Z']);
  assert.deepEqual(nexts('@weekly', '2025-01-06T09:00:00Z', 1), ['2025-01-12T00:00:00Z']);
  assert.deepEqual(nexts('@monthly', '2025-01-06T09:00:00Z', 1), ['2025-02-01T00:00:00Z']);
  assert.deepEqual(nexts('@yearly', '2025-01-06T09:00:00Z', 1), ['2026-01-01T00:00:00Z']);
  assert.deepEqual(nexts('@annually', '2025-01-06T09:00:00Z', 1), ['2026-01-01T00:00:00Z']);
  assert.deepEqual(nexts('@every 1m30s', '2025-01-01T00:00:10Z', 2), ['2025-01-01T00:01:40Z', '2025-01-01T00:03:10Z']);
});

test('America/New_York: DST moves the UTC time; the gap is skipped, the repeated hour runs twice', () => {
  const ny = 'TZ=America/New_York ';
  assert.deepEqual(nexts(`${ny}0 9 * * *`, '2025-03-07T00:00:00Z', 4), ['2025-03-07T14:00:00Z', '2025-03-08T14:00:00Z', '2025-03-09T13:00:00Z', '2025-03-10T13:00:00Z']);
  assert.deepEqual(nexts(`${ny}30 2 * * *`, '2025-03-08T00:00:00Z', 3), ['2025-03-08T07:30:00Z', '2025-03-10T06:30:00Z', '2025-03-11T06:30:00Z']);
  assert.deepEqual(nexts(`${ny}30 1 * * *`, '2025-11-01T12:00:00Z', 3), ['2025-11-02T05:30:00Z', '2025-11-02T06:30:00Z', '2025-11-03T06:30:00Z']);
  assert.deepEqual(nexts(`${ny}0 * * * *`, '2025-11-02T04:30:00Z', 4), ['2025-11-02T05:00:00Z', '2025-11-02T06:00:00Z', '2025-11-02T07:00:00Z', '2025-11-02T08:00:00Z']);
});

test('Asia/Seoul: UTC+9 all year', () => {
  assert.deepEqual(nexts('TZ=Asia/Seoul 0 9 * * *', '2025-01-01T00:00:00Z', 2), ['2025-01-02T00:00:00Z', '2025-01-03T00:00:00Z']);
  assert.deepEqual(nexts('TZ=Asia/Seoul 30 2 * * *', '2025-03-08T00:00:00Z', 2), ['2025-03-08T17:30:00Z', '2025-03-09T17:30:00Z']);
  // Midnight on the 1st in Seoul is the day before in UTC.
  assert.deepEqual(nexts('CRON_TZ=Asia/Seoul 0 0 1 * *', '2025-01-06T00:00:00Z', 1), ['2025-01-31T15:00:00Z']);
});

test('what robfig refuses is refused', () => {
  const msg = (s: string) => {
    try {
      parseSchedule(s);
      return 'accepted';
    } catch (e) {
      assert.ok(e instanceof ScheduleError);
      return e.message;
    }
  };
  assert.equal(msg('0 0 * *'), 'expected exactly 5 fields, found 4: [0 0 * *]');
  assert.equal(msg('@fortnightly'), 'unrecognized descriptor: @fortnightly');
  assert.equal(msg('TZ=Mars/Olympus 0 0 * * *'), 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus');
  assert.notEqual(msg('0 0 L * *'), 'accepted');
  assert.notEqual(msg('0 0 * * 1#2'), 'accepted');
  assert.notEqual(msg('0 0 * * sat-sun'), 'accepted', 'a range must not run backwards');
  assert.equal(msg(''), 'empty spec string');
});

test('zone arithmetic as Go does it: time.Date in a gap and an overlap, RFC 3339 with offset', () => {
  const ny = new Zone('America/New_York');
  assert.equal(new Date(ny.date(2025, 3, 9, 2, 30)).toISOString(), '2025-03-09T06:30:00.000Z');
  assert.equal(new Date(ny.date(2025, 11, 2, 1, 30)).toISOString(), '2025-11-02T05:30:00.000Z');
  assert.equal(new Date(ny.date(2025, 1, 32)).toISOString(), '2025-02-01T05:00:00.000Z');
  assert.equal(new Zone('Asia/Seoul').rfc3339(Date.UTC(2025, 0, 6, 9, 2)), '2025-01-06T18:02:00+09:00');
  assert.equal(ny.rfc3339(Date.UTC(2025, 0, 6, 9, 2)), '2025-01-06T04:02:00-05:00');
  assert.equal(new Zone('').rfc3339(Date.UTC(2025, 0, 6, 9, 2)), '2025-01-06T09:02:00Z');
  assert.equal(rfc1123z(Date.UTC(2025, 0, 6, 9, 2)), 'Mon, 06 Jan 2025 09:02:00 +0000');
});

function cj(schedule: string, created: string, extra: Partial<CronJob['spec']> = {}, lastScheduleTime?: string): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'pi', namespace: 'default', uid: 'u-1', creationTimestamp: created },
    spec: { schedule, ...extra, jobTemplate: { metadata: { labels: { app: 'pi' }, annotations: { team: 'a' } }, spec: { template: { spec: { containers: [{ name: 'c' }] } } } } },
    status: lastScheduleTime ? { lastScheduleTime } : {},
  };
}

test('mostRecentScheduleTime: the latest missed time, how many were missed, and when to wake next', () => {
  const sched = parseSchedule('*/2 * * * *');
  const now = Date.parse('2025-01-06T09:07:00Z');
  const r = mostRecentScheduleTime(cj('*/2 * * * *', '2025-01-06T09:00:30Z'), now, sched, true);
  assert.equal(r.mostRecent, Date.parse('2025-01-06T09:06:00Z'));
  assert.equal(r.missed, 'few');
  // Nothing due yet: wake at the next time + 100 ms.
  const fresh = cj('*/2 * * * *', '2025-01-06T09:00:30Z', {}, '2025-01-06T09:06:00Z');
  assert.equal(mostRecentScheduleTime(fresh, now, sched, true).mostRecent, undefined);
  assert.equal(nextScheduleDelay(fresh, now, sched), 60_100);
  // 150 minutes of a per-minute schedule is "many".
  const many = mostRecentScheduleTime(cj('* * * * *', '2025-01-06T09:00:00Z'), Date.parse('2025-01-06T11:30:30Z'), parseSchedule('* * * * *'), true);
  assert.deepEqual([many.missed, many.mostRecent], ['many', Date.parse('2025-01-06T11:30:00Z')]);
  // startingDeadlineSeconds moves the earliest time up: 09:06 is more than 30 s ago.
  const late = mostRecentScheduleTime(cj('*/2 * * * *', '2025-01-06T09:00:30Z', { startingDeadlineSeconds: 30 }), now, sched, true);
  assert.equal(late.mostRecent, undefined);
  // A schedule that never fires is an error, as upstream reports it.
  assert.equal(mostRecentScheduleTime(cj('0 0 31 2 *', '2025-01-06T09:00:00Z'), now, parseSchedule('0 0 31 2 *'), true).error, 'time difference between two schedules is less than 1 second');
});

test('the Job for a scheduled run: name, labels, annotations, controller reference', () => {
  const at = Date.parse('2025-01-06T09:02:00Z');
  const c = cj('*/2 * * * *', '2025-01-06T09:00:00Z', { timeZone: 'America/New_York' });
  assert.equal(jobName(c, at), 'pi-28935902');
  const job = jobFromTemplate(c, at);
  assert.equal(job.metadata.name, 'pi-28935902');
  assert.deepEqual(job.metadata.labels, { app: 'pi' });
  assert.deepEqual(job.metadata.annotations, { team: 'a', 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-06T04:02:00-05:00' });
  assert.deepEqual(job.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'pi', uid: 'u-1', controller: true, blockOwnerDeletion: true }]);
  assert.deepEqual(job.spec, c.spec.jobTemplate.spec);
});
