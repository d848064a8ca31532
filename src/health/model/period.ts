/**
 * The period a report covers, in calendar weeks of a time zone: Monday 00:00 local time to the next
 * Monday 00:00, so a week that crosses a daylight-saving change is 167 or 169 hours long and an event
 * at Sunday 23:30 local time stays in its own week. Pure; "now" is a parameter.
 */
import { wallClockAt } from '../../core/time/wallclock';

const MINUTE = 60_000;
const DAY_MS = 1440 * MINUTE;

export interface Week {
  /** Monday 00:00 local, inclusive (ms). */
  start: number;
  /** Next Monday 00:00 local, exclusive (ms); for the current week, still the next Monday. */
  end: number;
  /** The Monday as `YYYY-MM-DD` in the report's time zone. */
  label: string;
}

export interface Period {
  /** Start of the oldest week (inclusive). */
  start: number;
  /** The report's "now" (exclusive): events after it are ignored. */
  end: number;
  /** Oldest first; the last one is the current, partial week. */
  weeks: Week[];
  /** IANA zone the weeks are cut in; undefined means this machine's zone. */
  timeZone?: string;
}

/** Local midnight at or before `t` (DST-safe: re-reads the wall clock after each step). */
export function startOfLocalDay(t: number, timeZone?: string): number {
  let at = t - (((t % MINUTE) + MINUTE) % MINUTE);
  at -= wallClockAt(at, timeZone).minuteOfDay * MINUTE;
  // A daylight-saving change earlier that day leaves us an hour off: step the short way to midnight.
  for (let guard = 0; guard < 4; guard++) {
    const minute = wallClockAt(at, timeZone).minuteOfDay;
    if (minute === 0) return at;
    at += minute >= 720 ? (1440 - minute) * MINUTE : -minute * MINUTE;
  }
  return at;
}

/** Monday 00:00 local time of the week holding `t`. */
export function startOfWeek(t: number, timeZone?: string): number {
  const dayStart = startOfLocalDay(t, timeZone);
  const weekday = wallClockAt(dayStart, timeZone).weekday; // 0 = Sunday
  const back = (weekday + 6) % 7;
  if (back === 0) return dayStart;
  // Step to noon of the day `back` days earlier, then to its midnight: immune to a 23/25-hour day.
  return startOfLocalDay(dayStart - back * DAY_MS + DAY_MS / 2, timeZone);
}

/** The `weeks` calendar weeks ending with the week of `now` (which is partial). */
export function weeklyPeriod(now: number, weeks: number, timeZone?: string): Period {
  const count = Math.max(1, Math.floor(weeks));
  const starts: number[] = [startOfWeek(now, timeZone)];
  while (starts.length < count) starts.unshift(startOfWeek(starts[0] - DAY_MS / 2, timeZone));
  const list: Week[] = starts.map((start, i) => ({
    start,
    end: i + 1 < starts.length ? starts[i + 1] : startOfWeek(start + 8 * DAY_MS - DAY_MS / 2, timeZone),
    label: wallClockAt(start + DAY_MS / 2, timeZone).dayKey,
  }));
  return { start: list[0].start, end: now, weeks: list, timeZone };
}

/** Index of the week holding `t`, or -1 when `t` is outside [period.start, period.end). */
export function weekIndex(period: Period, t: number): number {
  if (!(t >= period.start && t < period.end)) return -1;
  const weeks = period.weeks;
  let lo = 0;
  let hi = weeks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (weeks[mid].start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function inPeriod(period: Period, t: number): boolean {
  return t >= period.start && t < period.end;
}

/** Length of the period in days (for rates such as releases per week). */
export function periodDays(period: Period): number {
  return Math.max(0, period.end - period.start) / DAY_MS;
}
