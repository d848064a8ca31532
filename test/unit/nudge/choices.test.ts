import * as assert from 'node:assert/strict';
import { describeMinutes, focusDurationChoices, sanitizeFocusMinutes } from '../../../src/nudge/policy/focusDurations';
import { nextQuietBoundary } from '../../../src/nudge/policy/quietBoundary';
import { nextDayAt, nextOccurrence } from '../../../src/core/time/wallclock';
import { snoozeChoices } from '../../../src/nudge/policy/snoozeChoices';
import { wallClockAt } from '../../../src/core/time/wallclock';
import { berlin, HOUR, settings, state } from './fixtures';

describe('focus durations', () => {
  const cases: Array<[unknown, number[]]> = [
    [90, [90, 25, 50, 120]],
    [25, [25, 50, 90, 120]],
    [45, [45, 25, 50, 90, 120]],
    ['90', [90, 25, 50, 120]],
    [0, [90, 25, 50, 120]],
    [10_000, [90, 25, 50, 120]],
  ];
  for (const [configured, expected] of cases) {
    it(`default ${JSON.stringify(configured)} → ${expected.join(', ')}`, () =>
      assert.deepEqual(focusDurationChoices(configured), expected));
  }
  it('sanitizes odd arguments to the default', () => {
    assert.deepEqual(
      [sanitizeFocusMinutes(30), sanitizeFocusMinutes(-5), sanitizeFocusMinutes(2.5), sanitizeFocusMinutes(undefined)],
      [30, 90, 90, 90],
    );
  });
  it('describes durations', () => {
    assert.deepEqual([25, 60, 90, 120].map(describeMinutes), ['25 minutes', '1 hour', '90 minutes', '2 hours']);
  });
});

describe('snooze-all choices', () => {
  const weekdays = (d: number) => d >= 1 && d <= 5;

  it('finds the next working morning, skipping the weekend', () => {
    const friday = berlin('2025-01-17T16:20');
    assert.equal(nextDayAt(friday, '09:00', 'Europe/Berlin', weekdays), berlin('2025-01-20T09:00'));
    const wednesday = berlin('2025-01-15T08:00');
    assert.equal(nextDayAt(wednesday, '09:00', 'Europe/Berlin', weekdays), berlin('2025-01-16T09:00'));
  });

  it('lands on 09:00 local across a daylight-saving change', () => {
    const beforeShift = Date.parse('2025-03-29T12:00:00+01:00'); // Saturday; clocks go forward Sunday
    const monday = nextDayAt(beforeShift, '09:00', 'Europe/Berlin', weekdays);
    assert.deepEqual(wallClockAt(monday, 'Europe/Berlin'), { weekday: 1, minuteOfDay: 540, dayKey: '2025-03-31' });
  });

  it('finds the next occurrence today, else tomorrow', () => {
    assert.equal(nextOccurrence(berlin('2025-01-15T08:00'), '09:00', 'Europe/Berlin'), berlin('2025-01-15T09:00'));
    assert.equal(nextOccurrence(berlin('2025-01-15T09:00'), '09:00', 'Europe/Berlin'), berlin('2025-01-16T09:00'));
  });

  it('offers durations with local end times, and resume when snoozed', () => {
    const now = berlin('2025-01-15T13:00');
    const plain = snoozeChoices(now, undefined, settings());
    assert.deepEqual(
      plain.map((c) => [c.label, c.description]),
      [
        ['30 minutes', 'until 13:30'],
        ['1 hour', 'until 14:00'],
        ['2 hours', 'until 15:00'],
        ['Until the next working morning', 'until Thu 09:00'],
      ],
    );
    const snoozed = snoozeChoices(now, now + HOUR, settings());
    assert.equal(snoozed[0].label, 'Resume nudges now');
    assert.equal(snoozed[0].until, now);
  });
});

describe('next quiet boundary', () => {
  const cases: Array<[string, number, Parameters<typeof state>[0], ReturnType<typeof settings>, number | undefined]> = [
    ['quiet hours start later today', berlin('2025-01-15T13:00'), {}, settings(), berlin('2025-01-15T18:30')],
    ['quiet hours end tomorrow morning', berlin('2025-01-15T19:00'), {}, settings(), berlin('2025-01-16T09:00')],
    [
      'an earlier focus end wins',
      berlin('2025-01-15T13:00'),
      { focusUntil: berlin('2025-01-15T14:00') },
      settings(),
      berlin('2025-01-15T14:00'),
    ],
    ['exactly at the start, the next boundary is the end', berlin('2025-01-15T18:30'), {}, settings(), berlin('2025-01-16T09:00')],
    [
      'no quiet hours and no focus: none',
      berlin('2025-01-15T13:00'),
      {},
      settings({ quietHours: { start: '00:00', end: '00:00' } }),
      undefined,
    ],
  ];
  for (const [name, now, s, cfg, expected] of cases) {
    it(name, () => assert.equal(nextQuietBoundary(now, state(s), cfg), expected));
  }
});
