/**
 * The choices offered by "Snooze All Nudges…" and the wall-clock instants they need, in the
 * user's zone. Pure.
 */
import type { NudgeSettings, WallTime } from '../api';
import { describeInstant, parseWallTime, wallClockAt } from '../../core/time/wallclock';

const MINUTE_MS = 60_000;

export interface SnoozeChoice {
  label: string;
  description: string;
  until: number;
}

/**
 * The instant of `time` on the first day after today that `isDay` accepts (up to a week on),
 * in `timeZone`. Corrects once for a daylight-saving shift between now and then.
 */
export function nextDayAt(now: number, time: WallTime, timeZone: string | undefined, isDay: (weekday: number) => boolean): number {
  for (let days = 1; days <= 7; days++) {
    const candidate = wallTimeOnDay(now, days, time, timeZone);
    if (isDay(wallClockAt(candidate, timeZone).weekday)) {
      return candidate;
    }
  }
  return wallTimeOnDay(now, 1, time, timeZone);
}

/** The next instant after `now` whose wall clock reads `time` (today or tomorrow). */
export function nextOccurrence(now: number, time: WallTime, timeZone: string | undefined): number {
  const today = wallTimeOnDay(now, 0, time, timeZone);
  return today > now ? today : wallTimeOnDay(now, 1, time, timeZone);
}

/** `time` on the local day `days` after today's, corrected once for a daylight-saving shift. */
function wallTimeOnDay(now: number, days: number, time: WallTime, timeZone: string | undefined): number {
  const target = parseWallTime(time);
  const startOfMinute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const local = wallClockAt(startOfMinute, timeZone);
  let candidate = startOfMinute + (days * 1440 - local.minuteOfDay + target) * MINUTE_MS;
  const drift = wallClockAt(candidate, timeZone).minuteOfDay - target;
  candidate -= (((((drift + 720) % 1440) + 1440) % 1440) - 720) * MINUTE_MS;
  return candidate;
}

export function snoozeChoices(now: number, snoozedUntil: number | undefined, settings: NudgeSettings): SnoozeChoice[] {
  const zone = settings.timeZone;
  const choice = (label: string, until: number): SnoozeChoice => ({
    label,
    description: `until ${describeInstant(until, now, zone)}`,
    until,
  });
  const choices: SnoozeChoice[] = [];
  if (snoozedUntil !== undefined && snoozedUntil > now) {
    choices.push({ label: 'Resume nudges now', description: `snoozed until ${describeInstant(snoozedUntil, now, zone)}`, until: now });
  }
  choices.push(
    choice('30 minutes', now + 30 * MINUTE_MS),
    choice('1 hour', now + 60 * MINUTE_MS),
    choice('2 hours', now + 120 * MINUTE_MS),
    choice(
      'Until the next working morning',
      nextDayAt(now, settings.workingHours.start, zone, (d) => settings.workingDays.includes(d)),
    ),
  );
  return choices;
}
