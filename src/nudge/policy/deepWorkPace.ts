/**
 * Whether the week's deep work is falling behind its goal, and the suggestion to book a focus
 * block that follows. The pace is the goal spread over the week's working hours: by Wednesday noon
 * of a Monday–Friday week, half the goal. Pure.
 */
import * as l10n from '@vscode/l10n';
import { businessMillisBetween, type WorkingSchedule } from '../../core/time/businessHours';
import type { NudgeRequest } from '../api';
import { formatDeepTime, type DeepWorkWeek } from '../model/deepWork/summary';

/** Behind means under this share of the pace… */
const BEHIND_SHARE = 0.6;
/** …and at least this far behind it, so Monday morning is never "behind". */
const MIN_SHORTFALL_MINUTES = 120;

export const DEEP_WORK_KIND = 'focus.deep-work';

export interface Pace {
  /** Where the week would be now at an even pace toward the goal. */
  expectedMinutes: number;
  behind: boolean;
}

/**
 * The pace counts from Monday 00:00, or from when the meter started measuring if that was later
 * this week: someone who installs on Wednesday is not behind for Monday and Tuesday.
 */
export function paceOf(week: DeepWorkWeek, now: number, schedule: WorkingSchedule, measuringSince = week.weekStart): Pace {
  const from = Math.min(Math.max(week.weekStart, measuringSince), week.weekEnd);
  const total = businessMillisBetween(week.weekStart, week.weekEnd, schedule);
  const elapsed = businessMillisBetween(from, Math.min(Math.max(now, from), week.weekEnd), schedule);
  const expectedMinutes = total > 0 ? (week.goalMinutes * elapsed) / total : 0;
  const behind = expectedMinutes - week.minutes >= MIN_SHORTFALL_MINUTES && week.minutes < expectedMinutes * BEHIND_SHARE;
  return { expectedMinutes, behind };
}

/** The nudge: one a day at most (its id is the day), through the one scheduler. */
export function focusSuggestion(week: DeepWorkWeek, pace: Pace, dayKey: string): NudgeRequest {
  return {
    kind: DEEP_WORK_KIND,
    id: `${DEEP_WORK_KIND}:${dayKey}`,
    title: l10n.t('Book a focus block for deep work?'),
    why: l10n.t(
      'Deep work this week: {0} of {1}; an even pace would be {2} by now.',
      formatDeepTime(week.minutes),
      formatDeepTime(week.goalMinutes),
      formatDeepTime(pace.expectedMinutes),
    ),
    wantsToast: true,
    kindLabel: l10n.t('deep-work suggestions'),
  };
}
