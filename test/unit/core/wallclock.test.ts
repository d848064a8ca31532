import * as assert from 'node:assert/strict';
import {
  describeInstant,
  formatMinuteOfDay,
  inWallRange,
  isWallEnd,
  isWallTime,
  parseWallTime,
  wallClockAt,
} from '../../../src/core/time/wallclock';

describe('wall clock', () => {
  const instant = Date.parse('2025-01-17T23:30:00Z');
  const cases: Array<[string, string | undefined, { weekday: number; minuteOfDay: number; dayKey: string }]> = [
    ['UTC', 'UTC', { weekday: 5, minuteOfDay: 23 * 60 + 30, dayKey: '2025-01-17' }],
    ['Berlin (next day)', 'Europe/Berlin', { weekday: 6, minuteOfDay: 30, dayKey: '2025-01-18' }],
    ['New York', 'America/New_York', { weekday: 5, minuteOfDay: 18 * 60 + 30, dayKey: '2025-01-17' }],
    ['Kolkata (half-hour offset)', 'Asia/Kolkata', { weekday: 6, minuteOfDay: 5 * 60, dayKey: '2025-01-18' }],
  ];
  for (const [name, zone, expected] of cases) {
    it(`reads ${name}`, () => assert.deepEqual(wallClockAt(instant, zone), expected));
  }

  it('reports midnight as minute 0, not 24:00', () => {
    assert.equal(wallClockAt(Date.parse('2025-01-15T00:00:00Z'), 'UTC').minuteOfDay, 0);
  });

  it('parses and formats HH:MM', () => {
    assert.equal(parseWallTime('09:05'), 545);
    assert.equal(formatMinuteOfDay(545), '09:05');
    assert.equal(formatMinuteOfDay(1440 + 5), '00:05');
    assert.throws(() => parseWallTime('9:05'));
  });

  it('takes 24:00 as the end of the day, and only as an end', () => {
    assert.equal(parseWallTime('24:00'), 1440);
    assert.equal(isWallEnd('24:00'), true);
    assert.equal(isWallTime('24:00'), false);
    assert.equal(isWallEnd('24:01'), false);
    assert.equal(isWallTime('23:59'), true);
    assert.equal(inWallRange(1439, 0, 1440), true);
    assert.equal(inWallRange(0, 0, 1440), true);
  });

  const ranges: Array<[number, string, string, boolean]> = [
    [600, '09:00', '17:00', true],
    [1020, '09:00', '17:00', false],
    [0, '18:30', '09:00', true],
    [1110, '18:30', '09:00', true],
    [1109, '18:30', '09:00', false],
    [540, '18:30', '09:00', false],
    [100, '10:00', '10:00', false],
  ];
  for (const [minute, start, end, expected] of ranges) {
    it(`minute ${minute} in ${start}–${end} is ${expected}`, () =>
      assert.equal(inWallRange(minute, parseWallTime(start), parseWallTime(end)), expected));
  }

  it('describes instants by time today, weekday this week, date beyond', () => {
    const now = Date.parse('2025-01-15T10:00:00Z');
    assert.equal(describeInstant(now + 3_600_000, now, 'UTC'), '11:00');
    assert.equal(describeInstant(now + 86_400_000, now, 'UTC'), 'Thu 10:00');
    assert.equal(describeInstant(now + 10 * 86_400_000, now, 'UTC'), '2025-01-25 10:00');
  });
});
