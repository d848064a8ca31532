/**
 * The nudge policy: one pure function that says whether a request may interrupt (toast), should
 * wait in its capability's view, or must stay hidden (muted or snoozed), and why. The rules are
 * checked in a fixed order so the reason names the first one that applied.
 */
import { ALL_KINDS, type NudgeDecision, type NudgePolicyState, type NudgeRequest, type NudgeSettings } from '../api';
import { describeInstant, formatMinuteOfDay, inWallRange, parseWallTime, wallClockAt } from '../../core/time/wallclock';

const MINUTE_MS = 60_000;

export function isReviewKind(kind: string): boolean {
  return kind === 'review' || kind.startsWith('review.');
}

export function decide(req: NudgeRequest, now: number, state: NudgePolicyState, settings: NudgeSettings): NudgeDecision {
  const zone = settings.timeZone;
  const when = (instant: number): string => describeInstant(instant, now, zone);

  // Muted and snoozed: hidden everywhere; the user asked for silence about this.
  if (state.neverKinds.includes(req.kind)) {
    return { channel: 'suppressed', reason: 'muted kind' };
  }
  const snoozedUntil = Math.max(
    ownTime(state.snoozedIds, req.id),
    ownTime(state.snoozedKinds, req.kind),
    ownTime(state.snoozedKinds, ALL_KINDS),
  );
  if (snoozedUntil > now) {
    return { channel: 'suppressed', reason: `snoozed until ${when(snoozedUntil)}` };
  }

  // From here on the nudge is visible in its view; the rest only decides whether it may interrupt.
  const view = (reason: string): NudgeDecision => ({ channel: 'view', reason });
  if (!req.wantsToast) {
    return view('shown in its view only');
  }
  if (!settings.toastsEnabled) {
    return view('notifications turned off');
  }
  if (state.focusUntil !== undefined && state.focusUntil > now) {
    return view(`focus block until ${when(state.focusUntil)}`);
  }

  const clock = wallClockAt(now, zone);
  const quiet = settings.quietHours;
  if (inWallRange(clock.minuteOfDay, parseWallTime(quiet.start), parseWallTime(quiet.end))) {
    return view(`quiet hours (${quiet.start}–${quiet.end})`);
  }
  if (!settings.workingDays.includes(clock.weekday)) {
    return view('not a working day');
  }
  const work = settings.workingHours;
  if (!inWallRange(clock.minuteOfDay, parseWallTime(work.start), parseWallTime(work.end))) {
    return view(`outside working hours (${work.start}–${work.end})`);
  }

  if (isReviewKind(req.kind) || req.onlyInReviewWindow === true) {
    const window = reviewWindowAt(clock.minuteOfDay, settings);
    if (!window.open) {
      return view(window.next ? `waits for the ${window.next} review window` : 'no review window configured');
    }
  }

  const today = state.toastLog.filter((t) => t <= now && wallClockAt(t, zone).dayKey === clock.dayKey).length;
  if (today >= settings.maxToastsPerDay) {
    return view(`rate limit: ${today} ${today === 1 ? 'toast' : 'toasts'} today`);
  }
  const last = state.toastLog.reduce((latest, t) => (t <= now && t > latest ? t : latest), -Infinity);
  const sinceLast = now - last;
  if (sinceLast < settings.minMinutesBetweenToasts * MINUTE_MS) {
    return view(`rate limit: last toast ${Math.floor(sinceLast / MINUTE_MS)} min ago`);
  }

  return { channel: 'toast', reason: 'allowed' };
}

/** Own entries only: an id such as 'constructor' must not read Object.prototype. */
function ownTime(record: Record<string, number>, key: string): number {
  return Object.hasOwn(record, key) ? record[key] : 0;
}

/** Whether a review window is open at `minute`, else the start of the next one (possibly tomorrow). */
export function reviewWindowAt(minute: number, settings: NudgeSettings): { open: boolean; next?: string } {
  const starts = settings.reviewWindows.map(parseWallTime).sort((a, b) => a - b);
  const length = Math.max(0, settings.reviewWindowMinutes);
  if (starts.some((start) => inWallRange(minute, start, (start + length) % 1440) || length >= 1440)) {
    return { open: true };
  }
  if (starts.length === 0) {
    return { open: false };
  }
  const next = starts.find((start) => start > minute) ?? starts[0];
  return { open: false, next: formatMinuteOfDay(next) };
}
