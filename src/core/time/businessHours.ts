/**
 * Business-hours arithmetic: how much working time lies between two instants, in the user's
 * working days, hours and time zone. Weekends (non-working days) and nights do not count.
 * Pure; the wall-clock conversion is the nudge scheduler's (one implementation of time zones).
 */
import { parseWallTime, wallClockAt as zoneWallClockAt, type WallClock, type WallTime } from './wallclock';

/** When someone works: days (0 = Sunday), hours in their zone, and the zone (undefined = this machine's). */
export interface WorkingSchedule {
  workingDays: readonly number[];
  workingHours: { start: WallTime; end: WallTime };
  timeZone?: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;

/**
 * Intl is the slow part (microseconds per call). After its first step every walk lands on local
 * midnights and opening times, which all PRs share, so a small memo of exact instants pays off.
 */
const memo = new Map<string, WallClock>();
const MEMO_LIMIT = 20_000;

function wallClockAt(t: number, timeZone: string | undefined): WallClock {
  const key = `${timeZone ?? ''} ${t}`;
  let clock = memo.get(key);
  if (!clock) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    clock = zoneWallClockAt(t, timeZone);
    memo.set(key, clock);
  }
  return clock;
}

interface Window {
  days: ReadonlySet<number>;
  start: number;
  end: number;
}

function windowOf(schedule: WorkingSchedule): Window {
  return {
    days: new Set(schedule.workingDays),
    start: parseWallTime(schedule.workingHours.start),
    end: parseWallTime(schedule.workingHours.end),
  };
}

/** Working minutes in one week; used to skip whole weeks of a long wait. */
function weeklyMinutes(w: Window): number {
  return w.end > w.start ? w.days.size * (w.end - w.start) : 0;
}

/**
 * Working milliseconds in [from, to). Walks local days, re-reading the wall clock after every
 * jump so daylight-saving shifts correct themselves. Spans over a week skip whole weeks first
 * (a DST change inside a skipped week may shift the result by at most its offset change).
 */
export function businessMillisBetween(from: number, to: number, schedule: WorkingSchedule): number {
  const w = windowOf(schedule);
  if (!(to > from) || w.end <= w.start || w.days.size === 0) {
    return 0;
  }
  let total = 0;
  let t = from;
  const wholeWeeks = Math.floor((to - t) / WEEK);
  if (wholeWeeks > 0) {
    total += wholeWeeks * weeklyMinutes(w) * MINUTE;
    t += wholeWeeks * WEEK;
  }
  // Bounded: at most ~3 jumps per local day over less than a week.
  for (let guard = 0; t < to && guard < 100; guard++) {
    const clock = wallClockAt(t, schedule.timeZone);
    const intoMinute = ((t % MINUTE) + MINUTE) % MINUTE;
    const minute = clock.minuteOfDay;
    if (!w.days.has(clock.weekday) || minute >= w.end) {
      t += (1440 - minute) * MINUTE - intoMinute; // next local midnight
    } else if (minute < w.start) {
      t += (w.start - minute) * MINUTE - intoMinute;
    } else {
      const untilClose = (w.end - minute) * MINUTE - intoMinute;
      const step = Math.min(untilClose, to - t);
      total += step;
      t += step;
    }
  }
  return total;
}

export function businessHoursBetween(from: number, to: number, schedule: WorkingSchedule): number {
  return businessMillisBetween(from, to, schedule) / (60 * MINUTE);
}

/** The first instant at or after `after` that is inside working hours (for "snooze until tomorrow"). */
export function nextWorkingStart(after: number, schedule: WorkingSchedule): number {
  const w = windowOf(schedule);
  if (w.end <= w.start || w.days.size === 0) {
    return after + DAY;
  }
  let t = after;
  for (let guard = 0; guard < 30; guard++) {
    const clock = wallClockAt(t, schedule.timeZone);
    const intoMinute = ((t % MINUTE) + MINUTE) % MINUTE;
    const minute = clock.minuteOfDay;
    if (w.days.has(clock.weekday) && minute >= w.start && minute < w.end) {
      return t;
    }
    if (w.days.has(clock.weekday) && minute < w.start) {
      t += (w.start - minute) * MINUTE - intoMinute;
    } else {
      t += (1440 - minute) * MINUTE - intoMinute;
    }
  }
  return t;
}

/** Start of working hours on the next working day after the day of `now` ("until tomorrow"). */
export function nextWorkingDayStart(now: number, schedule: WorkingSchedule): number {
  const today = wallClockAt(now, schedule.timeZone);
  const intoMinute = ((now % MINUTE) + MINUTE) % MINUTE;
  const nextMidnight = now + (1440 - today.minuteOfDay) * MINUTE - intoMinute;
  return nextWorkingStart(nextMidnight, schedule);
}
