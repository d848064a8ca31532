import * as assert from 'node:assert/strict';
import { businessHoursBetween, nextWorkingDayStart, nextWorkingStart, type WorkingSchedule } from '../../../src/core/time/businessHours';

const weekdays = (timeZone?: string, start = '09:00', end = '17:00'): WorkingSchedule => ({
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start, end },
  timeZone,
});
const t = (iso: string) => Date.parse(iso);

describe('businessHoursBetween', () => {
  // 2026-03-02 is a Monday; Europe switches to summer time on Sunday 2026-03-29.
  const cases: Array<[string, string, string, WorkingSchedule, number]> = [
    ['inside one day', '2026-03-02T10:00Z', '2026-03-02T12:00Z', weekdays('UTC'), 2],
    ['clipped to working hours', '2026-03-02T08:00Z', '2026-03-02T18:00Z', weekdays('UTC'), 8],
    ['across a weekend', '2026-03-06T16:00Z', '2026-03-09T10:00Z', weekdays('UTC'), 2],
    ['weekend only', '2026-03-07T10:00Z', '2026-03-08T20:00Z', weekdays('UTC'), 0],
    ['night only', '2026-03-02T18:00Z', '2026-03-03T08:59Z', weekdays('UTC'), 0],
    ['one full week', '2026-03-02T09:00Z', '2026-03-09T09:00Z', weekdays('UTC'), 40],
    ['three weeks (whole weeks skipped)', '2026-03-02T09:00Z', '2026-03-23T09:00Z', weekdays('UTC'), 120],
    ['five weeks and a bit', '2026-03-02T09:00Z', '2026-04-06T11:30Z', weekdays('UTC'), 202.5],
    ['reversed interval', '2026-03-02T12:00Z', '2026-03-02T10:00Z', weekdays('UTC'), 0],
    ['seconds count', '2026-03-02T09:00:30Z', '2026-03-02T09:01:00Z', weekdays('UTC'), 0.5 / 60],
    ['New York hours (UTC−5)', '2026-03-02T13:00Z', '2026-03-02T23:00Z', weekdays('America/New_York'), 8],
    ['Kolkata half-hour offset', '2026-03-02T03:30Z', '2026-03-02T05:00Z', weekdays('Asia/Kolkata'), 1.5],
    ['Berlin across the DST switch', '2026-03-27T15:00Z', '2026-03-30T08:00Z', weekdays('Europe/Berlin'), 2],
    ['Sunday–Thursday week, Friday off', '2026-03-06T10:00Z', '2026-03-07T12:00Z', { ...weekdays('UTC'), workingDays: [0, 1, 2, 3, 4] }, 0],
    ['Sunday–Thursday week, Sunday on', '2026-03-08T10:00Z', '2026-03-08T11:00Z', { ...weekdays('UTC'), workingDays: [0, 1, 2, 3, 4] }, 1],
    ['no working days', '2026-03-02T09:00Z', '2026-03-09T09:00Z', { ...weekdays('UTC'), workingDays: [] }, 0],
    ['empty working hours', '2026-03-02T09:00Z', '2026-03-09T09:00Z', weekdays('UTC', '09:00', '09:00'), 0],
    // 00:00–24:00 counts every minute of a working day, the last one included.
    ['whole day: the minute before midnight', '2026-03-02T23:59Z', '2026-03-03T00:00Z', weekdays('UTC', '00:00', '24:00'), 1 / 60],
    ['whole day: across midnight', '2026-03-02T23:00Z', '2026-03-03T01:00Z', weekdays('UTC', '00:00', '24:00'), 2],
    [
      'whole week, every day',
      '2026-03-02T00:30Z',
      '2026-03-09T00:30Z',
      { ...weekdays('UTC', '00:00', '24:00'), workingDays: [0, 1, 2, 3, 4, 5, 6] },
      168,
    ],
    [
      'whole day in Berlin on the 23-hour DST day',
      '2026-03-28T23:00Z',
      '2026-03-29T22:00Z',
      { ...weekdays('Europe/Berlin', '00:00', '24:00'), workingDays: [0] },
      23,
    ],
    [
      'whole day in Berlin on the 25-hour DST day',
      '2026-10-24T22:00Z',
      '2026-10-25T23:00Z',
      { ...weekdays('Europe/Berlin', '00:00', '24:00'), workingDays: [0] },
      25,
    ],
  ];
  for (const [name, from, to, schedule, expected] of cases) {
    it(`${name}: ${expected} h`, () => {
      const got = businessHoursBetween(t(from), t(to), schedule);
      assert.ok(Math.abs(got - expected) < 1e-9, `got ${got}`);
    });
  }
});

describe('nextWorkingStart / nextWorkingDayStart', () => {
  const cases: Array<[string, (n: number, s: WorkingSchedule) => number, string, WorkingSchedule, string]> = [
    ['inside hours stays', nextWorkingStart, '2026-03-02T10:00Z', weekdays('UTC'), '2026-03-02T10:00Z'],
    ['before hours waits for the start', nextWorkingStart, '2026-03-02T07:15Z', weekdays('UTC'), '2026-03-02T09:00Z'],
    ['Friday evening → Monday', nextWorkingStart, '2026-03-06T18:00Z', weekdays('UTC'), '2026-03-09T09:00Z'],
    ['tomorrow from Monday noon', nextWorkingDayStart, '2026-03-02T12:00Z', weekdays('UTC'), '2026-03-03T09:00Z'],
    ['tomorrow from Friday → Monday', nextWorkingDayStart, '2026-03-06T10:00Z', weekdays('UTC'), '2026-03-09T09:00Z'],
    ['tomorrow in New York', nextWorkingDayStart, '2026-03-02T23:30Z', weekdays('America/New_York'), '2026-03-03T14:00Z'],
  ];
  for (const [name, fn, now, schedule, expected] of cases) {
    it(name, () => assert.equal(new Date(fn(t(now), schedule)).toISOString(), new Date(t(expected)).toISOString()));
  }
});
