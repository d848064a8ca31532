import * as assert from 'node:assert/strict';
import type { NudgeDecision, NudgeRequest } from '../../../src/nudge/api';
import { NudgeScheduler } from '../../../src/nudge/policy/scheduler';
import { inWallRange, parseWallTime, wallClockAt } from '../../../src/core/time/wallclock';
import { berlin, HOUR, MINUTE, settings } from './fixtures';
import { MemoryStorage } from './memory-storage';

type Step = { at: string } & ({ request: NudgeRequest } | { focusFor: number });

const review = (n: number): NudgeRequest => ({
  kind: 'review.reminder',
  id: `https://github.com/acme/app/pull/${n}`,
  title: `Review #${n}`,
  why: `${n} reviews wait on you`,
  wantsToast: true,
});
const stuck = (kind: string): NudgeRequest => ({ kind, id: `${kind}#1`, title: 'Stuck?', why: 'signal', wantsToast: true });

/** Wednesday 2025-01-15 in Berlin, 08:30–16:30: ten review reminders, three stuck episodes, one focus block. */
const WORKDAY: Step[] = [
  { at: '08:30', request: review(1) },
  { at: '08:40', request: review(2) },
  { at: '09:10', request: review(3) },
  { at: '10:05', request: review(4) },
  { at: '10:20', request: review(5) },
  { at: '11:15', request: stuck('coach.long-uncommitted') },
  { at: '11:30', request: review(6) },
  { at: '12:30', focusFor: 2 * HOUR },
  { at: '12:40', request: review(7) },
  { at: '13:10', request: stuck('coach.repeated-failures') },
  { at: '13:30', request: review(8) },
  { at: '14:30', request: stuck('coach.back-and-forth') },
  { at: '15:05', request: review(9) },
  { at: '16:20', request: review(10) },
];

describe('a simulated workday over the real scheduler', () => {
  it('toasts at most 4 times, never in focus or quiet hours, and drops nothing', () => {
    const s = settings();
    let now = 0;
    const scheduler = new NudgeScheduler({ clock: () => now, storage: new MemoryStorage(), settings: () => s });
    const decisions: Array<{ at: string; req: NudgeRequest; decision: NudgeDecision; inFocus: boolean }> = [];

    for (const step of WORKDAY) {
      now = berlin(`2025-01-15T${step.at}`);
      if ('focusFor' in step) {
        scheduler.startFocus(now + step.focusFor);
        continue;
      }
      const inFocus = scheduler.isFocusActive();
      decisions.push({ at: step.at, req: step.request, decision: scheduler.notify(step.request), inFocus });
    }

    const toasts = decisions.filter((d) => d.decision.channel === 'toast');
    const quietStart = parseWallTime(s.quietHours.start);
    const quietEnd = parseWallTime(s.quietHours.end);
    const inQuiet = (at: string) => inWallRange(wallClockAt(berlin(`2025-01-15T${at}`), s.timeZone).minuteOfDay, quietStart, quietEnd);
    const counts = {
      requests: decisions.length,
      toast: toasts.length,
      view: decisions.filter((d) => d.decision.channel === 'view').length,
      suppressed: decisions.filter((d) => d.decision.channel === 'suppressed').length,
      inFocus: decisions.filter((d) => d.inFocus).length,
      inQuietHours: decisions.filter((d) => inQuiet(d.at)).length,
    };
    console.log(`      workday counts: ${JSON.stringify(counts)}`);
    for (const d of decisions) console.log(`        ${d.at} ${d.req.kind.padEnd(26)} ${d.decision.channel.padEnd(6)} ${d.decision.reason}`);

    assert.equal(counts.requests, 13);
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
    for (const t of toasts.filter((d) => d.req.kind.startsWith('review.'))) {
      const minute = parseWallTime(t.at);
      assert.ok(
        s.reviewWindows.some((w) => minute >= parseWallTime(w) && minute < parseWallTime(w) + s.reviewWindowMinutes),
        `${t.at} is in a review window`,
      );
    }
    const times = toasts.map((d) => berlin(`2025-01-15T${d.at}`));
    times.slice(1).forEach((t, i) => assert.ok(t - times[i] >= 60 * MINUTE, 'toasts at least an hour apart'));
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
