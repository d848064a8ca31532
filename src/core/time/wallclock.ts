/**
 * Wall-clock arithmetic for policy: which weekday and minute of the day an instant is in a time
 * zone. Intl does the zone work (including daylight-saving shifts), so no table of our own.
 */

import * as l10n from '@vscode/l10n';
/** 'HH:MM', 24-hour wall-clock time. */
export type WallTime = string;

export interface WallClock {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight, 0…1439. */
  minuteOfDay: number;
  /** 'YYYY-MM-DD' of the local calendar day: two instants share a day iff their keys match. */
  dayKey: string;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23', // never '24' for midnight
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The wall clock at `instant` in `timeZone` (undefined = this machine's zone). */
export function wallClockAt(instant: number, timeZone?: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    parts[part.type] = part.value;
  }
  return {
    weekday: WEEKDAYS[parts.weekday] ?? 0,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
    dayKey: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const WALL_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** A time of day, 00:00–23:59: a start, or any instant's reading. */
export function isWallTime(value: unknown): value is WallTime {
  return typeof value === 'string' && WALL_TIME.test(value) && value !== '24:00';
}

/** The end of a range, 00:00–24:00: `24:00` is the end of the day, so a range can cover all of it. */
export function isWallEnd(value: unknown): value is WallTime {
  return typeof value === 'string' && WALL_TIME.test(value);
}

/** 'HH:MM' → minutes since midnight (0…1440; '24:00' is 1440). Throws on malformed input: settings are validated first. */
export function parseWallTime(value: WallTime): number {
  const match = WALL_TIME.exec(value);
  if (!match) {
    throw new RangeError(`not an HH:MM time: ${value}`);
  }
  return Number(match[1] ?? match[3]) * 60 + Number(match[2] ?? match[4]);
}

export function formatMinuteOfDay(minute: number): WallTime {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * Whether `minute` lies in [start, end). A range whose end is before its start wraps past
 * midnight (18:30–09:00); start === end is an empty range.
 */
export function inWallRange(minute: number, start: number, end: number): boolean {
  if (start === end) {
    return false;
  }
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS_ = 60_000;
/** Short weekday name (0 = Sunday) for what the user reads, translated when asked for. */
export function dayName(weekday: number): string {
  return [l10n.t('Sun'), l10n.t('Mon'), l10n.t('Tue'), l10n.t('Wed'), l10n.t('Thu'), l10n.t('Fri'), l10n.t('Sat')][weekday];
}

/** 'HH:MM' when `instant` is on the same local day as `now`, else 'Tue 09:00', for reasons. */
export function describeInstant(instant: number, now: number, timeZone?: string): string {
  const at = wallClockAt(instant, timeZone);
  const time = formatMinuteOfDay(at.minuteOfDay);
  if (at.dayKey === wallClockAt(now, timeZone).dayKey) {
    return time;
  }
  // A weekday name is unambiguous only within the coming week.
  return Math.abs(instant - now) < 6 * DAY_MS ? `${dayName(at.weekday)} ${time}` : `${at.dayKey} ${time}`;
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
  const startOfMinute = Math.floor(now / MINUTE_MS_) * MINUTE_MS_;
  const local = wallClockAt(startOfMinute, timeZone);
  let candidate = startOfMinute + (days * 1440 - local.minuteOfDay + target) * MINUTE_MS_;
  const drift = wallClockAt(candidate, timeZone).minuteOfDay - target;
  candidate -= (((((drift + 720) % 1440) + 1440) % 1440) - 720) * MINUTE_MS_;
  return candidate;
}
