import * as assert from 'node:assert/strict';
import { CoachController } from '../../../src/coach/controller';
import { EMPTY_ROTATION } from '../../../src/coach/model/prompts/rotation';
import { DEFAULT_THRESHOLDS } from '../../../src/coach/model/signals/types';
import { recogniseTestCommand } from '../../../src/coach/model/testCommands';
import type { Clock } from '../../../src/core/clock';
import type { NudgeDecision, NudgeRequest } from '../../../src/nudge/api';
import { DEEP_WORK_STATE_KEY, DeepWorkMeter } from '../../../src/nudge/deepWorkMeter';
import { DEEP_WORK_KIND } from '../../../src/nudge/policy/deepWorkPace';
import { NudgeScheduler } from '../../../src/nudge/policy/scheduler';
import { inWallRange, parseWallTime, wallClockAt } from '../../../src/core/time/wallclock';
import { berlin, HOUR, MINUTE, settings } from './fixtures';
import { MemoryStorage } from './memory-storage';

const review = (n: number): NudgeRequest => ({
  kind: 'review.reminder',
  id: `https://github.com/acme/app/pull/${n}`,
  title: `Review #${n}`,
  why: `${n} reviews wait on you`,
  wantsToast: true,
});
const stuck = (kind: string): NudgeRequest => ({ kind, id: `${kind}#1`, title: 'Stuck?', why: 'signal', wantsToast: true });

/**
 * Wednesday 2025-01-15 in Berlin, 08:30–17:30, through the real scheduler, the real coach and the
 * real deep-work meter: ten review reminders, three stuck episodes (one raised by the coach from
 * `npm test` failing in the terminal, one from `pytest` failing during the focus block), one
 * two-hour focus block, and editor activity all day that the meter turns into deep work and a
 * focus-block suggestion.
 */
type Step =
  | { at: string; request: NudgeRequest }
  | { at: string; focusFor: number }
  | { at: string; terminal: string; exitCode: number }
  | { at: string; work: 'edit' | 'away' };

const WORKDAY: Step[] = [
  { at: '08:30', request: review(1) },
  { at: '08:40', request: review(2) },
  { at: '09:10', request: review(3) },
  ...workFrom('09:15', '09:55'),
  { at: '10:05', request: review(4) },
  { at: '10:20', request: review(5) },
  ...workFrom('10:25', '11:10'),
  { at: '11:15', request: stuck('coach.long-uncommitted') },
  { at: '11:20', terminal: 'npm test', exitCode: 1 },
  { at: '11:24', terminal: 'npm run test', exitCode: 1 },
  { at: '11:27', terminal: 'npm t', exitCode: 1 },
  { at: '11:30', request: review(6) },
  { at: '11:31', terminal: 'npm test', exitCode: 0 },
  { at: '11:45', work: 'away' },
  { at: '12:30', focusFor: 2 * HOUR },
  ...workFrom('12:31', '14:25'),
  { at: '12:40', request: review(7) },
  { at: '13:05', terminal: 'pytest -k refund', exitCode: 1 },
  { at: '13:08', terminal: 'pytest -k refund', exitCode: 1 },
  { at: '13:10', terminal: 'pytest -k refund', exitCode: 2 },
  { at: '13:30', request: review(8) },
  { at: '14:30', request: stuck('coach.back-and-forth') },
  { at: '15:05', request: review(9) },
  ...workFrom('15:30', '16:10'),
  { at: '16:20', request: review(10) },
  ...workFrom('16:30', '17:20'),
];

/** Edits every three minutes from `from` to `to` (Berlin wall clock, same day). */
function workFrom(from: string, to: string): Step[] {
  const steps: Step[] = [];
  for (let t = berlin(`2025-01-15T${from}`); t <= berlin(`2025-01-15T${to}`); t += 3 * MINUTE) {
    const local = new Date(t + HOUR).toISOString().slice(11, 16); // Berlin is UTC+1 in January
    steps.push({ at: local, work: 'edit' });
  }
  return steps;
}

/** A clock for pure code: time moves only when the test says so; timers are never due. */
function testClock(now: () => number): Clock {
  const never = { dispose: () => undefined };
  return { now, at: () => never, after: () => never, onDidJump: () => never };
}

describe('a simulated workday over the real scheduler, coach and deep-work meter', () => {
  it('toasts at most 4 times, never in focus or quiet hours, and drops nothing', async () => {
    const s = settings();
    let now = 0;
    const storage = new MemoryStorage();
    // The meter has measured since Monday 09:00; Monday and Tuesday held one short stretch of deep work.
    storage.set(DEEP_WORK_STATE_KEY, {
      stretches: [{ start: berlin('2025-01-13T14:00'), end: berlin('2025-01-13T14:40') }],
      interruptions: [],
      since: berlin('2025-01-13T09:00'),
    });
    const scheduler = new NudgeScheduler({ clock: () => now, storage, settings: () => s });
    const decisions: Array<{ at: number; req: NudgeRequest; decision: NudgeDecision; inFocus: boolean }> = [];
    const meter = new DeepWorkMeter({
      clock: testClock(() => now),
      storage,
      nudgeSettings: () => s,
      settings: () => ({ enabled: true, goalHours: 20 }),
      suggest: (req) => notify(req).channel === 'toast',
    });
    /** What NudgeController.notify does for every capability: decide, record, and tell the meter. */
    function notify(req: NudgeRequest): NudgeDecision {
      const inFocus = scheduler.isFocusActive();
      const decision = scheduler.notify(req);
      const seen = decisions.findIndex((d) => d.req.id === req.id && d.at === now);
      if (seen >= 0) decisions.splice(seen, 1); // the coach decided first; this is its toast
      decisions.push({ at: now, req, decision, inFocus });
      if (decision.channel === 'toast') meter.recordInterruption(now);
      return decision;
    }
    const coach = new CoachController({
      now: () => now,
      thresholds: () => DEFAULT_THRESHOLDS,
      library: () => [{ id: 'q', signal: '*', role: 'stuck', text: 'What have you tried so far?', source: 'shipped' }],
      problems: () => [],
      wantsToast: () => true, // multiplier.coach.notifications on: the coach asks for toasts too
      decide: (req) => {
        const decision = scheduler.decide(req);
        // The coach asks on every evaluation; the day's log keeps each prompt's first answer.
        if (!decisions.some((d) => d.req.id === req.id)) decisions.push({ at: now, req, decision, inFocus: scheduler.isFocusActive() });
        return decision;
      },
      toast: (req) => void notify(req),
      quietReason: () => scheduler.quietReason(),
      mutedKinds: () => scheduler.state.neverKinds,
      loadRotation: () => EMPTY_ROTATION,
      saveRotation: () => undefined,
      peopleFor: async () => [],
    });

    const ordered = [...WORKDAY].sort((a, b) => a.at.localeCompare(b.at));
    for (const step of ordered) {
      now = berlin(`2025-01-15T${step.at}`);
      if ('focusFor' in step) scheduler.startFocus(now + step.focusFor);
      else if ('request' in step) notify(step.request);
      else if ('work' in step) meter.observe({ at: now, kind: step.work === 'edit' ? 'work' : 'away' });
      else {
        const test = recogniseTestCommand(step.terminal);
        assert.ok(test, `${step.terminal} is a test command`);
        coach.record({ kind: 'taskEnd', at: now, task: test.command, exitCode: step.exitCode });
        await coach.evaluate();
      }
    }
    now = berlin('2025-01-15T17:45');
    meter.close();

    const toasts = decisions.filter((d) => d.decision.channel === 'toast');
    const s0 = parseWallTime(s.quietHours.start);
    const s1 = parseWallTime(s.quietHours.end);
    const inQuiet = (at: number) => inWallRange(wallClockAt(at, s.timeZone).minuteOfDay, s0, s1);
    const hhmm = (at: number) => new Date(at + HOUR).toISOString().slice(11, 16);
    const kinds = (channel: string) => decisions.filter((d) => d.decision.channel === channel).map((d) => d.req.kind);
    const counts = {
      requests: decisions.length,
      toast: toasts.length,
      view: kinds('view').length,
      suppressed: kinds('suppressed').length,
      inFocus: decisions.filter((d) => d.inFocus).length,
      inQuietHours: decisions.filter((d) => inQuiet(d.at)).length,
    };
    const week = meter.week()!;
    console.log(`      workday counts: ${JSON.stringify(counts)}`);
    for (const d of decisions)
      console.log(`        ${hhmm(d.at)} ${d.req.kind.padEnd(26)} ${d.decision.channel.padEnd(6)} ${d.decision.reason}`);
    console.log(
      `      deep work: ${week.minutes} min in ${week.stretches} stretches; interruptions ${week.interruptions} (${week.interruptionsDuringDeepWork} during deep work)`,
    );

    // Every request the day made: 10 reviews, 2 fixed stuck prompts, 2 from the terminal, 1 suggestion.
    assert.equal(decisions.filter((d) => d.req.kind === 'review.reminder').length, 10);
    const failures = decisions.filter((d) => d.req.kind === 'coach.repeated-failure');
    assert.equal(failures.length, 2, 'npm test and pytest streaks');
    assert.deepEqual(
      failures.filter((d) => d.inFocus).map((d) => d.decision.channel),
      ['view'],
      'pytest failing in the focus block waits in the Coach view',
    );
    assert.ok(
      decisions.some((d) => d.req.kind === 'coach.repeated-failure' && d.req.why.startsWith('"npm test" has failed 3 times')),
      'npm t, npm run test and npm test are one streak',
    );
    assert.equal(decisions.filter((d) => d.req.kind === DEEP_WORK_KIND).length >= 1, true, 'the meter suggested a focus block');
    assert.ok(counts.inFocus > 0 && counts.inQuietHours > 0, 'the day must exercise focus and quiet hours');
    assert.ok(counts.toast <= 4, `at most 4 toasts, got ${counts.toast}`);
    assert.ok(counts.toast >= 1, 'a day with review windows and opt-in coaching should toast at least once');
    assert.deepEqual(
      toasts.filter((d) => d.inFocus),
      [],
      'no toast during focus',
    );
    assert.deepEqual(
      toasts.filter((d) => inQuiet(d.at)),
      [],
      'no toast in quiet hours',
    );
    assert.equal(counts.suppressed, 0, 'nothing muted, so nothing may be dropped');
    assert.ok(toasts.filter((d) => d.req.kind === DEEP_WORK_KIND).length <= 1, 'one focus-block suggestion a day at most');
    for (const t of toasts.filter((d) => d.req.kind.startsWith('review.'))) {
      const minute = wallClockAt(t.at, s.timeZone).minuteOfDay;
      assert.ok(
        s.reviewWindows.some((w) => minute >= parseWallTime(w) && minute < parseWallTime(w) + s.reviewWindowMinutes),
        `${hhmm(t.at)} is in a review window`,
      );
    }
    toasts.slice(1).forEach((t, i) => assert.ok(t.at - toasts[i].at >= 60 * MINUTE, 'toasts at least an hour apart'));

    // The meter: Monday's stretch and today's five blocks of editing (the focus block alone is
    // nearly two hours); the 11:45 break to lunch ends one.
    assert.equal(week.stretches, 6, JSON.stringify(week.days));
    assert.equal(week.days[2].minutes, 39 + 45 + 114 + 39 + 48);
    assert.equal(week.minutes, 40 + week.days[2].minutes);
    assert.equal(week.interruptions, counts.toast, 'every toast is recorded beside the deep work');
  });

  it('a capability asking every 5 minutes for 24 hours still gets at most 4 toasts, an hour apart', () => {
    const s = settings({ reviewWindows: ['10:00', '15:00'] });
    let now = berlin('2025-01-15T00:00');
    const scheduler = new NudgeScheduler({ clock: () => now, storage: new MemoryStorage(), settings: () => s });
    const toastTimes: number[] = [];
    let asked = 0;
    for (const end = now + 24 * HOUR; now < end; now += 5 * MINUTE) {
      asked++;
      const kind = asked % 2 ? 'review.reminder' : 'coach.long-uncommitted';
      if (scheduler.notify({ kind, id: `x${asked}`, title: 't', why: 'w', wantsToast: true }).channel === 'toast') toastTimes.push(now);
    }
    console.log(`      nagging day: ${asked} requests → ${toastTimes.length} toasts`);
    assert.ok(toastTimes.length <= 4 && toastTimes.length > 0);
    toastTimes.slice(1).forEach((t, i) => assert.ok(t - toastTimes[i] >= HOUR));
  });
});
