/**
 * When "should we keep quiet?" may next change its answer by the clock alone: the end of focus,
 * or the start or end of quiet hours. The editor layer sets one timer for it, so a status item
 * goes quiet at 18:30 without polling. Pure.
 */
import type { NudgePolicyState, NudgeSettings } from '../api';
import { nextOccurrence } from '../../core/time/wallclock';

export function nextQuietBoundary(now: number, state: NudgePolicyState, settings: NudgeSettings): number | undefined {
  const candidates: number[] = [];
  if (state.focusUntil !== undefined && state.focusUntil > now) {
    candidates.push(state.focusUntil);
  }
  const { start, end } = settings.quietHours;
  if (start !== end) {
    candidates.push(nextOccurrence(now, start, settings.timeZone), nextOccurrence(now, end, settings.timeZone));
  }
  return candidates.length ? Math.min(...candidates) : undefined;
}
