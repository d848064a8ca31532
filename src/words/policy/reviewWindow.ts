/**
 * When the next review window opens, so an offer that had to wait (a retro outside a review
 * window) is asked again then. The nudge scheduler still decides; this only picks the moment to
 * ask. Pure.
 */
import type { NudgeSettings } from '../../nudge/api';
import { parseWallTime, wallClockAt } from '../../core/time/wallclock';

const MINUTE_MS = 60_000;

/** The next instant after `now` at which a review window starts (one minute in), or undefined if none is set. */
export function nextReviewWindowStart(now: number, settings: Pick<NudgeSettings, 'reviewWindows' | 'timeZone'>): number | undefined {
  const starts = settings.reviewWindows.flatMap((w) => {
    try {
      return [parseWallTime(w)];
    } catch {
      return [];
    }
  });
  if (starts.length === 0) return undefined;
  const minute = wallClockAt(now, settings.timeZone).minuteOfDay;
  const waits = starts.map((start) => (start - minute + 1440) % 1440 || 1440);
  // A day-light saving shift may move the wall clock by an hour; the scheduler re-checks then anyway.
  return now - (now % MINUTE_MS) + (Math.min(...waits) + 1) * MINUTE_MS;
}
