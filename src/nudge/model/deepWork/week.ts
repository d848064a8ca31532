/**
 * Weeks and days on the user's wall clock: a week starts on Monday at 00:00 in the working-hours
 * time zone, and a day at local midnight, so a week with a daylight-saving change has 167 or 169
 * hours. Pure.
 */
import { nextDayAt, wallClockAt } from '../../../core/time/wallclock';

const DAY_MS = 24 * 60 * 60_000;
const isMonday = (weekday: number): boolean => weekday === 1;

/** The Monday 00:00 that ends the week holding `instant` (the next week's start). */
export function weekEndOf(instant: number, timeZone: string | undefined): number {
  return nextDayAt(instant, '00:00', timeZone, isMonday);
}

/** The Monday 00:00 that starts the week holding `instant`. */
export function weekStartOf(instant: number, timeZone: string | undefined): number {
  // A day before the week's start (a DST shift moves midnight by an hour at most), then forward.
  return nextDayAt(weekEndOf(instant, timeZone) - 8 * DAY_MS, '00:00', timeZone, isMonday);
}

/** The eight midnights that bound the seven days of the week starting at `weekStart`. */
export function dayBoundaries(weekStart: number, timeZone: string | undefined): number[] {
  const bounds = [weekStart];
  for (let day = 1; day <= 7; day++) bounds.push(nextDayAt(bounds[day - 1], '00:00', timeZone, () => true));
  return bounds;
}

/** 'YYYY-MM-DD' of the local day holding `instant`. */
export function dayKeyOf(instant: number, timeZone: string | undefined): string {
  return wallClockAt(instant, timeZone).dayKey;
}

/** How much of [start, end) lies in [from, to). */
export function overlap(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}
