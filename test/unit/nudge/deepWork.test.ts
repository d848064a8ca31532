import * as assert from 'node:assert/strict';
import {
  type Activity,
  emptyTracker,
  flush,
  liveStretch,
  MINUTE,
  observe,
  type Stretch,
  type TrackerState,
} from '../../../src/nudge/model/deepWork/tracker';
import { dayBoundaries, weekEndOf, weekStartOf } from '../../../src/nudge/model/deepWork/week';
import { formatDeepTime, interruptionsText, summarizeWeek, weekMarkdown } from '../../../src/nudge/model/deepWork/summary';
import type { NudgeRequest } from '../../../src/nudge/api';
import { DEEP_WORK_STATE_KEY, DeepWorkMeter, parseDeepWorkState } from '../../../src/nudge/deepWorkMeter';
import { focusSuggestion, paceOf } from '../../../src/nudge/policy/deepWorkPace';
import { berlin, HOUR, settings } from './fixtures';
import { MemoryStorage } from './memory-storage';

const ZONE = 'Europe/Berlin';

/** Runs activities through the tracker; returns the completed stretches and the final state. */
function run(activities: Activity[]): { stretches: Stretch[]; state: TrackerState } {
  let state = emptyTracker();
  const stretches: Stretch[] = [];
  for (const activity of activities) {
    const result = observe(state, activity);
    state = result.state;
    if (result.completed) stretches.push(result.completed);
  }
  return { stretches, state };
}

/** Work every `step` minutes from `from` to `to` (minutes after t0), inclusive. */
function workEvery(t0: number, from: number, to: number, step = 1): Activity[] {
  const out: Activity[] = [];
  for (let m = from; m <= to; m += step) out.push({ at: t0 + m * MINUTE, kind: 'work' });
  return out;
}

const T0 = berlin('2025-01-15T10:00'); // a Wednesday
const at = (minutes: number): number => T0 + minutes * MINUTE;
const minutesOf = (s: Stretch): number => (s.end - s.start) / MINUTE;

describe('deep work: what counts as a stretch', () => {
  it('counts 30 minutes of steady editing, closed by a long idle gap at the last edit', () => {
    const { stretches } = run([...workEvery(T0, 0, 30), { at: at(50), kind: 'work' }]);
    assert.deepEqual(stretches.map(minutesOf), [30]);
  });

  it('drops a stretch shorter than 25 minutes', () => {
    const { stretches } = run([...workEvery(T0, 0, 24), { at: at(40), kind: 'work' }]);
    assert.deepEqual(stretches, []);
  });

  it('counts exactly 25 minutes, the threshold', () => {
    const { stretches } = run([...workEvery(T0, 0, 25, 5), { at: at(40), kind: 'work' }]);
    assert.deepEqual(stretches.map(minutesOf), [25]);
  });

  it('keeps a stretch through pauses of up to 10 minutes, and breaks it after a longer one', () => {
    const kept = run([...workEvery(T0, 0, 30, 10), { at: at(60), kind: 'work' }]);
    assert.deepEqual(kept.stretches.map(minutesOf), [30]);
    const broken = run([
      { at: at(0), kind: 'work' },
      { at: at(15), kind: 'work' },
      { at: at(26), kind: 'work' },
      { at: at(60), kind: 'work' },
    ]);
    assert.deepEqual(broken.stretches, [], 'pauses of 15 and 11 minutes each break it, so no run reaches 25 minutes');
  });

  it('lets reading and moving around extend a stretch but never start one', () => {
    const reading: Activity[] = [];
    for (let m = 0; m <= 40; m += 2) reading.push({ at: at(m), kind: 'presence' });
    assert.deepEqual(run([...reading, { at: at(60), kind: 'work' }]).stretches, []);
    const mixed = run([{ at: at(0), kind: 'work' }, ...reading.slice(1), { at: at(60), kind: 'work' }]);
    assert.deepEqual(mixed.stretches.map(minutesOf), [40]);
  });

  it('ends when the window loses focus, counting up to that moment', () => {
    const { stretches, state } = run([...workEvery(T0, 0, 28), { at: at(31), kind: 'away' }, ...workEvery(T0, 35, 45)]);
    assert.deepEqual(stretches.map(minutesOf), [31]);
    assert.equal(state.open?.start, at(35), 'a new stretch starts after coming back');
  });

  it('ends where a burst of switches between many files starts', () => {
    const burst: Activity[] = [];
    for (let i = 0; i < 8; i++) burst.push({ at: at(30) + i * 10_000, kind: 'switch', file: `src/f${i % 4}.ts` });
    const { stretches, state } = run([...workEvery(T0, 0, 30), ...burst]);
    assert.deepEqual(stretches.map(minutesOf), [30]);
    assert.equal(state.open, undefined);
  });

  it('does not call flipping between a test and its code a burst', () => {
    const flips: Activity[] = [];
    for (let i = 0; i < 12; i++) flips.push({ at: at(10) + i * 8_000, kind: 'switch', file: i % 2 ? 'src/a.ts' : 'test/a.test.ts' });
    const { stretches } = run([...workEvery(T0, 0, 10), ...flips, ...workEvery(T0, 12, 30), { at: at(50), kind: 'work' }]);
    assert.deepEqual(stretches.map(minutesOf), [30]);
  });

  it('closes the stretch when time runs backwards (a clock set back)', () => {
    const { stretches, state } = run([...workEvery(T0, 0, 30), { at: at(5), kind: 'work' }]);
    assert.deepEqual(stretches.map(minutesOf), [30]);
    assert.equal(state.open?.start, at(5));
  });

  it('shows the open stretch live once it is 25 minutes long, and flushes it', () => {
    const { state } = run(workEvery(T0, 0, 26));
    assert.equal(liveStretch(state, at(26)) && minutesOf(liveStretch(state, at(26))!), 26);
    assert.equal(minutesOf(liveStretch(state, at(40))!), 26, 'after an idle gap it is over, and counts the same');
    assert.equal(liveStretch(run(workEvery(T0, 0, 20)).state, at(20)), undefined);
    assert.equal(minutesOf(flush(state).completed!), 26);
  });
});

describe('deep work: weeks on the wall clock', () => {
  it('starts the week on Monday 00:00 in the zone, also at the boundary itself', () => {
    const monday = berlin('2025-01-13T00:00');
    assert.equal(weekStartOf(berlin('2025-01-15T10:00'), ZONE), monday);
    assert.equal(weekStartOf(monday, ZONE), monday, 'Monday 00:00 belongs to the new week');
    assert.equal(weekStartOf(monday - 1, ZONE), berlin('2025-01-06T00:00'), 'Sunday 23:59:59.999 to the old one');
    assert.equal(weekEndOf(monday - 1, ZONE), monday);
    assert.equal(weekEndOf(monday, ZONE), berlin('2025-01-20T00:00'));
  });

  it('splits a stretch across midnight between the two days', () => {
    const week = summarizeWeek({
      stretches: [{ start: berlin('2025-01-14T23:40'), end: berlin('2025-01-15T00:20') }],
      interruptions: [],
      now: berlin('2025-01-15T09:00'),
      timeZone: ZONE,
      goalHours: 20,
    });
    assert.deepEqual(
      week.days.filter((d) => d.minutes > 0).map((d) => [d.label, d.minutes]),
      [
        ['Tue', 20],
        ['Wed', 20],
      ],
    );
    assert.equal(week.minutes, 40);
  });

  it('counts only the part of a stretch after Monday 00:00 in the new week', () => {
    const sundayNight = { start: berlin('2025-01-19T23:30'), end: berlin('2025-01-20T00:30') };
    const input = { stretches: [sundayNight], interruptions: [], timeZone: ZONE, goalHours: 20 };
    assert.equal(summarizeWeek({ ...input, now: berlin('2025-01-20T09:00') }).minutes, 30);
    assert.equal(summarizeWeek({ ...input, now: berlin('2025-01-19T23:59') }).minutes, 30);
  });

  it('has 167 hours in the week clocks go forward, and 169 in the week they go back', () => {
    // Europe/Berlin: summer time starts 2025-03-30 (Sunday) and ends 2025-10-26 (Sunday).
    const spring = weekStartOf(Date.parse('2025-03-26T12:00:00Z'), ZONE);
    assert.equal((weekEndOf(spring, ZONE) - spring) / HOUR, 167);
    const autumn = weekStartOf(Date.parse('2025-10-22T12:00:00Z'), ZONE);
    assert.equal((weekEndOf(autumn, ZONE) - autumn) / HOUR, 169);
    const days = dayBoundaries(autumn, ZONE);
    assert.equal((days[7] - days[6]) / HOUR, 25, 'the Sunday the clocks go back has 25 hours');
    assert.equal(new Date(days[7]).toISOString(), '2025-10-26T23:00:00.000Z', 'Monday 00:00 CET');
  });

  it('counts a stretch through the night the clocks go back by its real length', () => {
    // 02:30 CEST → 02:30 CET is one real hour.
    const start = Date.parse('2025-10-26T00:30:00Z');
    const week = summarizeWeek({
      stretches: [{ start, end: start + HOUR }],
      interruptions: [],
      now: start + 2 * HOUR,
      timeZone: ZONE,
      goalHours: 20,
    });
    assert.equal(week.minutes, 60);
    assert.equal(week.days[6].minutes, 60);
  });
});

describe('deep work: the week in words', () => {
  const week = summarizeWeek({
    stretches: [
      { start: berlin('2025-01-13T09:30'), end: berlin('2025-01-13T11:10') },
      { start: berlin('2025-01-14T14:00'), end: berlin('2025-01-14T14:45') },
      { start: berlin('2025-01-06T10:00'), end: berlin('2025-01-06T12:00') }, // last week
    ],
    interruptions: [berlin('2025-01-13T10:00'), berlin('2025-01-14T16:00'), berlin('2025-01-08T10:00')],
    now: berlin('2025-01-15T10:00'),
    timeZone: ZONE,
    goalHours: 20,
  });

  it('sums the week, its stretches and the interruptions Multiplier caused', () => {
    assert.equal(week.minutes, 145);
    assert.equal(week.stretches, 2);
    assert.equal(week.longestMinutes, 100);
    assert.equal(week.interruptions, 2);
    assert.equal(week.interruptionsDuringDeepWork, 1);
    assert.equal(interruptionsText(week), 'Multiplier interrupted you 2 times this week (1 during deep work).');
  });

  it('formats time for the status bar: minutes, half hours, then whole hours', () => {
    assert.deepEqual([0, 25, 59.9, 60, 89, 90, 145, 599, 600, 660, 1199].map(formatDeepTime), [
      '0 min',
      '25 min',
      '59 min',
      '1 h',
      '1 h',
      '1.5 h',
      '2 h',
      '9.5 h',
      '10 h',
      '11 h',
      '19 h',
    ]);
  });

  it('writes a Markdown summary for Growth Notes, with its tag in the text', () => {
    const md = weekMarkdown(week, ZONE);
    assert.match(md, /^# Deep work — week of 2025-01-13\n/);
    assert.match(md, /\*\*2 h 25 min\*\* of deep work against a goal of \*\*20 h\*\*, in 2 stretches \(longest 1 h 40 min\)\./);
    assert.match(md, /\| Mon 01-13 \| 1 h 40 min \|/);
    assert.match(md, /\| Wed 01-15 \| — \|/);
    assert.match(md, /\n#deep-work\n$/);
  });
});

describe('deep work: falling behind the goal', () => {
  const schedule = settings();
  const weekWith = (minutes: number, now: number) =>
    summarizeWeek({
      stretches: minutes > 0 ? [{ start: berlin('2025-01-13T09:00'), end: berlin('2025-01-13T09:00') + minutes * MINUTE }] : [],
      interruptions: [],
      now,
      timeZone: ZONE,
      goalHours: 20,
    });

  it('is never behind on Monday morning', () => {
    const now = berlin('2025-01-13T10:00');
    assert.equal(paceOf(weekWith(0, now), now, schedule).behind, false);
  });

  it('is behind on Wednesday noon with 2 h of a 20 h goal, and suggests a focus block once that day', () => {
    const now = berlin('2025-01-15T12:00');
    const week = weekWith(120, now);
    const pace = paceOf(week, now, schedule);
    // Mon 9 h + Tue 9 h + Wed 3 h of a 45-hour working week: 21/45 of 20 h.
    assert.equal(Math.round(pace.expectedMinutes), Math.round((1200 * 21) / 45));
    assert.equal(pace.behind, true);
    const request = focusSuggestion(week, pace, '2025-01-15');
    assert.equal(request.id, 'focus.deep-work:2025-01-15');
    assert.equal(request.why, 'Deep work this week: 2 h of 20 h; an even pace would be 9 h by now.');
  });

  it('counts the pace from when measuring began, if that was this week', () => {
    const now = berlin('2025-01-15T12:00');
    const week = weekWith(0, now);
    assert.equal(paceOf(week, now, schedule, berlin('2025-01-15T09:00')).expectedMinutes, (1200 * 3) / 45);
    assert.equal(paceOf(week, now, schedule, berlin('2025-01-15T09:00')).behind, false);
    assert.equal(paceOf(week, now, schedule, berlin('2024-12-01T09:00')).behind, true, 'measuring since long ago: the whole week');
  });

  it('is on pace with 8 h by Wednesday noon', () => {
    const now = berlin('2025-01-15T12:00');
    assert.equal(paceOf(weekWith(8 * 60, now), now, schedule).behind, false);
  });
});

describe('deep work: the meter', () => {
  const never = { dispose: () => undefined };
  function meterAt(start: number, options: { enabled?: boolean; seed?: unknown; toast?: boolean } = {}) {
    const clock = { now: start };
    const storage = new MemoryStorage();
    if (options.seed !== undefined) storage.set(DEEP_WORK_STATE_KEY, options.seed);
    const suggestions: NudgeRequest[] = [];
    const enabled = { value: options.enabled ?? true };
    const meter = new DeepWorkMeter({
      clock: { now: () => clock.now, at: () => never, after: () => never, onDidJump: () => never },
      storage,
      nudgeSettings: () => settings(),
      settings: () => ({ enabled: enabled.value, goalHours: 20 }),
      suggest: (req) => (suggestions.push(req), options.toast ?? true),
    });
    const work = (from: number, to: number, step = 2): void => {
      for (let m = from; m <= to; m += step) {
        clock.now = start + m * MINUTE;
        meter.observe({ at: clock.now, kind: 'work' });
      }
    };
    return { meter, clock, storage, suggestions, enabled, work };
  }

  it('counts a 30-minute stretch live, then keeps it in storage once it ends', () => {
    const { meter, storage, work, clock } = meterAt(berlin('2025-01-15T10:00'));
    let changes = 0;
    meter.onDidChange(() => changes++);
    work(0, 30);
    assert.equal(meter.week()?.minutes, 30, 'live while the stretch is open');
    clock.now += 30 * MINUTE;
    meter.observe({ at: clock.now, kind: 'work' });
    assert.deepEqual((storage.get(DEEP_WORK_STATE_KEY) as { stretches: Stretch[] }).stretches.map(minutesOf), [30]);
    assert.equal(meter.week()?.minutes, 30);
    assert.ok(changes >= 4 && changes <= 8, `fires when the live minutes change and when the stretch ends (${changes})`);
  });

  it('is not behind for the days before it started measuring', () => {
    const { suggestions, work } = meterAt(berlin('2025-01-15T09:30'));
    work(0, 2);
    assert.deepEqual(suggestions, [], 'installed on Wednesday morning: no "behind" for Monday and Tuesday');
  });

  it('suggests a focus block once a day when behind, never in the middle of a stretch', () => {
    const seed = { stretches: [], interruptions: [], since: berlin('2025-01-13T09:00') };
    const { suggestions, work, clock, meter } = meterAt(berlin('2025-01-15T11:00'), { seed });
    work(0, 30);
    assert.equal(suggestions.length, 1, 'at the first activity, before the flow starts');
    clock.now += 60 * MINUTE; // lunch
    meter.observe({ at: clock.now, kind: 'work' });
    assert.equal(suggestions.length, 1, 'toasted today already');
  });

  it('asks again later the same day while the scheduler kept it in the view', () => {
    const seed = { stretches: [], interruptions: [], since: berlin('2025-01-13T09:00') };
    const { suggestions, meter, clock } = meterAt(berlin('2025-01-15T11:00'), { seed, toast: false });
    meter.observe({ at: clock.now, kind: 'work' });
    clock.now += 45 * MINUTE;
    meter.observe({ at: clock.now, kind: 'work' });
    assert.equal(suggestions.length, 2);
  });

  it('records Multiplier’s own toasts beside the deep work', () => {
    const { meter, work, clock } = meterAt(berlin('2025-01-15T10:00'));
    work(0, 30);
    meter.recordInterruption(clock.now - 10 * MINUTE);
    meter.recordInterruption(clock.now + 60 * MINUTE);
    clock.now += 2 * HOUR;
    const week = meter.week()!;
    assert.deepEqual([week.interruptions, week.interruptionsDuringDeepWork], [2, 1]);
  });

  it('measures nothing and shows nothing when turned off', () => {
    const { meter, work, storage, enabled } = meterAt(berlin('2025-01-15T10:00'), { enabled: false });
    work(0, 40);
    meter.recordInterruption(berlin('2025-01-15T10:10'));
    assert.equal(meter.week(), undefined);
    assert.equal(storage.get(DEEP_WORK_STATE_KEY), undefined, 'nothing stored');
    enabled.value = true;
    assert.equal(meter.week()?.minutes, 0);
  });

  it('reads damaged storage entry by entry', () => {
    assert.deepEqual(
      parseDeepWorkState({
        stretches: [{ start: 1, end: 2 }, { start: 'x' }, { start: 5, end: 1 }, null],
        interruptions: [3, 'y'],
        since: 'z',
      }),
      { stretches: [{ start: 1, end: 2 }], interruptions: [3] },
    );
    assert.deepEqual(parseDeepWorkState('nonsense'), { stretches: [], interruptions: [] });
  });
});
