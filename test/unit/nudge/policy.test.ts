import * as assert from 'node:assert/strict';
import { ALL_KINDS, type NudgeChannel, type NudgePolicyState, type NudgeRequest, type NudgeSettings } from '../../../src/nudge/api';
import { decide, isReviewKind } from '../../../src/nudge/policy/policy';
import { berlin, HOUR, MINUTE, openSettings, request, settings, state } from './fixtures';

interface Case {
  name: string;
  at: number;
  req?: Partial<NudgeRequest>;
  state?: Partial<NudgePolicyState>;
  settings?: NudgeSettings;
  channel: NudgeChannel;
  reason?: string | RegExp;
}

function runTable(cases: Case[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const decision = decide(request(c.req), c.at, state(c.state), c.settings ?? openSettings());
      assert.equal(decision.channel, c.channel, `reason was: ${decision.reason}`);
      if (typeof c.reason === 'string') assert.equal(decision.reason, c.reason);
      else if (c.reason) assert.match(decision.reason, c.reason);
    });
  }
}

const quiet = (start: string, end: string): NudgeSettings => openSettings({ quietHours: { start, end } });

describe('nudge policy', () => {
  describe('quiet hours (default 18:30–09:00, wrapping midnight)', () => {
    const q = quiet('18:30', '09:00');
    runTable([
      { name: '18:29 is before quiet hours', at: berlin('2025-01-15T18:29'), settings: q, channel: 'toast' },
      {
        name: '18:30 starts quiet hours',
        at: berlin('2025-01-15T18:30'),
        settings: q,
        channel: 'view',
        reason: 'quiet hours (18:30–09:00)',
      },
      { name: '23:59 is quiet', at: berlin('2025-01-15T23:59'), settings: q, channel: 'view', reason: /quiet hours/ },
      { name: '00:00 is quiet (past midnight)', at: berlin('2025-01-16T00:00'), settings: q, channel: 'view', reason: /quiet hours/ },
      { name: '08:59 is quiet', at: berlin('2025-01-16T08:59'), settings: q, channel: 'view', reason: /quiet hours/ },
      { name: '09:00 ends quiet hours', at: berlin('2025-01-16T09:00'), settings: q, channel: 'toast' },
      {
        name: 'a non-wrapping range 12:00–13:00 holds 12:30',
        at: berlin('2025-01-15T12:30'),
        settings: quiet('12:00', '13:00'),
        channel: 'view',
      },
      {
        name: 'a non-wrapping range excludes its end',
        at: berlin('2025-01-15T13:00'),
        settings: quiet('12:00', '13:00'),
        channel: 'toast',
      },
      {
        name: 'start equal to end means no quiet hours',
        at: berlin('2025-01-15T03:00'),
        settings: quiet('00:00', '00:00'),
        channel: 'toast',
      },
    ]);
  });

  describe('working days and hours (default Mon–Fri 09:00–18:00)', () => {
    const work = settings({ quietHours: { start: '00:00', end: '00:00' }, minMinutesBetweenToasts: 0 });
    runTable([
      { name: 'Wednesday 11:00 is working time', at: berlin('2025-01-15T11:00'), settings: work, channel: 'toast' },
      {
        name: 'Saturday is not a working day',
        at: berlin('2025-01-18T11:00'),
        settings: work,
        channel: 'view',
        reason: 'not a working day',
      },
      { name: 'Sunday is not a working day', at: berlin('2025-01-19T11:00'), settings: work, channel: 'view', reason: 'not a working day' },
      {
        name: 'a weekend-working team toasts on Saturday',
        at: berlin('2025-01-18T11:00'),
        settings: { ...work, workingDays: [0, 6] },
        channel: 'toast',
      },
      {
        name: '…and not on Wednesday',
        at: berlin('2025-01-15T11:00'),
        settings: { ...work, workingDays: [0, 6] },
        channel: 'view',
        reason: 'not a working day',
      },
      {
        name: '08:59 is before working hours',
        at: berlin('2025-01-15T08:59'),
        settings: work,
        channel: 'view',
        reason: 'outside working hours (09:00–18:00)',
      },
      { name: '09:00 starts working hours', at: berlin('2025-01-15T09:00'), settings: work, channel: 'toast' },
      { name: '17:59 is still working hours', at: berlin('2025-01-15T17:59'), settings: work, channel: 'toast' },
      {
        name: '18:00 ends working hours',
        at: berlin('2025-01-15T18:00'),
        settings: work,
        channel: 'view',
        reason: /outside working hours/,
      },
      {
        name: 'a night shift 22:00–06:00 wraps midnight',
        at: berlin('2025-01-15T02:00'),
        settings: { ...work, workingHours: { start: '22:00', end: '06:00' } },
        channel: 'toast',
      },
    ]);
  });

  describe('review windows (default 10:00 and 15:00, 30 minutes)', () => {
    const review = { kind: 'review.reminder' };
    const windows = openSettings({ reviewWindows: ['10:00', '15:00'], reviewWindowMinutes: 30 });
    runTable([
      {
        name: '09:59 waits for the 10:00 window',
        at: berlin('2025-01-15T09:59'),
        req: review,
        settings: windows,
        channel: 'view',
        reason: 'waits for the 10:00 review window',
      },
      { name: '10:00 opens the window', at: berlin('2025-01-15T10:00'), req: review, settings: windows, channel: 'toast' },
      { name: '10:29 is inside the window', at: berlin('2025-01-15T10:29'), req: review, settings: windows, channel: 'toast' },
      {
        name: '10:30 closes it; next is 15:00',
        at: berlin('2025-01-15T10:30'),
        req: review,
        settings: windows,
        channel: 'view',
        reason: 'waits for the 15:00 review window',
      },
      { name: '15:15 is inside the second window', at: berlin('2025-01-15T15:15'), req: review, settings: windows, channel: 'toast' },
      {
        name: 'after the last window the next is tomorrow 10:00',
        at: berlin('2025-01-15T16:00'),
        req: review,
        settings: windows,
        channel: 'view',
        reason: 'waits for the 10:00 review window',
      },
      {
        name: 'other kinds ignore review windows',
        at: berlin('2025-01-15T09:59'),
        req: { kind: 'coach.stuck' },
        settings: windows,
        channel: 'toast',
      },
      {
        name: 'a "reviewer.x" kind is not a review kind',
        at: berlin('2025-01-15T09:59'),
        req: { kind: 'reviewer.x' },
        settings: windows,
        channel: 'toast',
      },
      {
        name: 'no windows: review kinds never toast',
        at: berlin('2025-01-15T10:05'),
        req: review,
        settings: openSettings({ reviewWindows: [] }),
        channel: 'view',
        reason: 'no review window configured',
      },
      {
        name: 'a window on a weekend does not toast',
        at: berlin('2025-01-18T10:05'),
        req: review,
        settings: settings({ minMinutesBetweenToasts: 0 }),
        channel: 'view',
        reason: 'not a working day',
      },
      {
        name: 'a window wrapping midnight (23:50 + 30 min) holds 00:10',
        at: berlin('2025-01-16T00:10'),
        req: review,
        settings: openSettings({ reviewWindows: ['23:50'] }),
        channel: 'toast',
      },
    ]);
    it('recognises review kinds by prefix', () => {
      assert.deepEqual(['review', 'review.reminder', 'reviewer', 'coach.review'].map(isReviewKind), [true, true, false, false]);
    });
  });

  describe('focus', () => {
    runTable([
      {
        name: 'an active block keeps toasts in the view',
        at: berlin('2025-01-15T13:00'),
        state: { focusUntil: berlin('2025-01-15T14:00') },
        channel: 'view',
        reason: 'focus block until 14:00',
      },
      {
        name: 'a block ending tomorrow names the day',
        at: berlin('2025-01-15T17:00'),
        state: { focusUntil: berlin('2025-01-16T09:00') },
        channel: 'view',
        reason: 'focus block until Thu 09:00',
      },
      {
        name: 'the block ends at its end time',
        at: berlin('2025-01-15T14:00'),
        state: { focusUntil: berlin('2025-01-15T14:00') },
        channel: 'toast',
      },
      {
        name: 'focus also outranks review windows',
        at: berlin('2025-01-15T10:05'),
        req: { kind: 'review.reminder' },
        state: { focusUntil: berlin('2025-01-15T11:00') },
        channel: 'view',
        reason: /focus block/,
      },
    ]);
  });

  describe('rate limit (default 4 a day, 60 minutes apart)', () => {
    const limited = openSettings({ maxToastsPerDay: 4, minMinutesBetweenToasts: 60 });
    const today = ['08:00', '09:00', '10:00', '11:00'].map((t) => berlin(`2025-01-15T${t}`));
    const yesterday = ['08:00', '09:00', '10:00', '23:30'].map((t) => berlin(`2025-01-14T${t}`));
    runTable([
      {
        name: 'four toasts today stop the fifth',
        at: berlin('2025-01-15T15:00'),
        state: { toastLog: today },
        settings: limited,
        channel: 'view',
        reason: 'rate limit: 4 toasts today',
      },
      {
        name: "yesterday's toasts do not count (day boundary in the zone)",
        at: berlin('2025-01-15T15:00'),
        state: { toastLog: yesterday },
        settings: limited,
        channel: 'toast',
      },
      {
        name: 'a toast 20 minutes ago blocks the next',
        at: berlin('2025-01-15T15:00'),
        state: { toastLog: [berlin('2025-01-15T14:40')] },
        settings: limited,
        channel: 'view',
        reason: 'rate limit: last toast 20 min ago',
      },
      {
        name: 'a toast 60 minutes ago does not',
        at: berlin('2025-01-15T15:00'),
        state: { toastLog: [berlin('2025-01-15T14:00')] },
        settings: limited,
        channel: 'toast',
      },
      {
        name: 'a limit of 0 never toasts',
        at: berlin('2025-01-15T15:00'),
        settings: openSettings({ maxToastsPerDay: 0 }),
        channel: 'view',
        reason: /rate limit/,
      },
      {
        name: 'toasts "in the future" (clock skew) are ignored',
        at: berlin('2025-01-15T15:00'),
        state: { toastLog: [berlin('2025-01-15T15:30')] },
        settings: limited,
        channel: 'toast',
      },
    ]);
  });

  describe('snooze and never', () => {
    const now = berlin('2025-01-15T10:00');
    runTable([
      {
        name: 'a snoozed kind is suppressed until its time',
        at: now,
        state: { snoozedKinds: { 'coach.stuck': now + HOUR } },
        channel: 'suppressed',
        reason: 'snoozed until 11:00',
      },
      { name: 'a kind snooze expires', at: now + HOUR, state: { snoozedKinds: { 'coach.stuck': now + HOUR } }, channel: 'toast' },
      {
        name: 'a snoozed occurrence is suppressed',
        at: now,
        state: { snoozedIds: { 'signal-1': now + 30 * MINUTE } },
        channel: 'suppressed',
        reason: 'snoozed until 10:30',
      },
      {
        name: 'another occurrence of the kind is not',
        at: now,
        req: { id: 'signal-2' },
        state: { snoozedIds: { 'signal-1': now + HOUR } },
        channel: 'toast',
      },
      {
        name: 'snooze all covers every kind',
        at: now,
        state: { snoozedKinds: { [ALL_KINDS]: now + 2 * HOUR } },
        channel: 'suppressed',
        reason: 'snoozed until 12:00',
      },
      {
        name: 'the latest of several snoozes wins',
        at: now,
        state: { snoozedKinds: { 'coach.stuck': now + HOUR }, snoozedIds: { 'signal-1': now + 3 * HOUR } },
        channel: 'suppressed',
        reason: 'snoozed until 13:00',
      },
      {
        name: 'snooze hides even view-only nudges',
        at: now,
        req: { wantsToast: false },
        state: { snoozedKinds: { 'coach.stuck': now + HOUR } },
        channel: 'suppressed',
      },
      {
        name: 'an id named like a prototype key cannot break a kind snooze',
        at: now,
        req: { id: 'constructor' },
        state: { snoozedKinds: { 'coach.stuck': now + HOUR } },
        channel: 'suppressed',
      },
      { name: 'a never kind is suppressed', at: now, state: { neverKinds: ['coach.stuck'] }, channel: 'suppressed', reason: 'muted kind' },
      {
        name: 'never outranks everything, even view-only',
        at: now,
        req: { wantsToast: false },
        state: { neverKinds: ['coach.stuck'] },
        channel: 'suppressed',
        reason: 'muted kind',
      },
      { name: 'never for another kind leaves this one alone', at: now, state: { neverKinds: ['review.reminder'] }, channel: 'toast' },
    ]);
  });

  describe('what the capability asked for', () => {
    const now = berlin('2025-01-15T10:00');
    runTable([
      { name: 'no toast wanted → view', at: now, req: { wantsToast: false }, channel: 'view', reason: 'shown in its view only' },
      {
        name: 'toasts turned off → view',
        at: now,
        settings: openSettings({ toastsEnabled: false }),
        channel: 'view',
        reason: 'notifications turned off',
      },
      { name: 'everything allows → toast', at: now, channel: 'toast', reason: 'allowed' },
    ]);
  });

  describe('time zones: the same instant in two places', () => {
    const berlinZone = (s: NudgeSettings): NudgeSettings => ({ ...s, timeZone: 'Europe/Berlin' });
    const newYork = (s: NudgeSettings): NudgeSettings => ({ ...s, timeZone: 'America/New_York' });
    const defaults = settings({ minMinutesBetweenToasts: 0 });
    const noQuiet = settings({ quietHours: { start: '00:00', end: '00:00' }, workingHours: { start: '00:00', end: '23:59' } });
    const winterEvening = Date.parse('2025-01-15T20:00:00Z'); // Berlin 21:00, New York 15:00
    const reviewTime = Date.parse('2025-01-15T15:10:00Z'); // Berlin 16:10, New York 10:10
    const fridayNight = Date.parse('2025-01-17T23:30:00Z'); // Berlin Sat 00:30, New York Fri 18:30
    const summerMorning = Date.parse('2025-07-16T08:05:00Z'); // Berlin 10:05 (UTC+2), New York 04:05
    runTable([
      {
        name: '20:00Z is quiet hours in Berlin',
        at: winterEvening,
        settings: berlinZone(defaults),
        channel: 'view',
        reason: /quiet hours/,
      },
      { name: '20:00Z is mid-afternoon in New York', at: winterEvening, settings: newYork(defaults), channel: 'toast' },
      {
        name: '15:10Z misses the Berlin review windows',
        at: reviewTime,
        req: { kind: 'review.reminder' },
        settings: berlinZone(defaults),
        channel: 'view',
        reason: 'waits for the 10:00 review window',
      },
      {
        name: "15:10Z is inside New York's 10:00 window",
        at: reviewTime,
        req: { kind: 'review.reminder' },
        settings: newYork(defaults),
        channel: 'toast',
      },
      {
        name: 'Fri 23:30Z is already Saturday in Berlin',
        at: fridayNight,
        settings: berlinZone(noQuiet),
        channel: 'view',
        reason: 'not a working day',
      },
      { name: 'Fri 23:30Z is still Friday in New York', at: fridayNight, settings: newYork(noQuiet), channel: 'toast' },
      {
        name: 'summer time: 08:05Z is Berlin 10:05, a review window',
        at: summerMorning,
        req: { kind: 'review.reminder' },
        settings: berlinZone(defaults),
        channel: 'toast',
      },
      {
        name: 'summer time: 08:05Z is quiet in New York',
        at: summerMorning,
        req: { kind: 'review.reminder' },
        settings: newYork(defaults),
        channel: 'view',
        reason: /quiet hours/,
      },
      {
        name: 'reasons name local times: snooze shown in New York time',
        at: winterEvening,
        state: { snoozedKinds: { 'coach.stuck': winterEvening + HOUR } },
        settings: newYork(defaults),
        channel: 'suppressed',
        reason: 'snoozed until 16:00',
      },
    ]);
  });
});
