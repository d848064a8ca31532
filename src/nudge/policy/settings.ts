/**
 * Nudge settings: defaults and validation of raw configuration values. Pure, so a typo in
 * settings.json becomes a logged warning and a default, never a broken scheduler.
 */
import type { NudgeSettings } from '../api';
import { isValidTimeZone, isWallEnd, isWallTime } from '../../core/time/wallclock';

export const DEFAULT_NUDGE_SETTINGS: Readonly<NudgeSettings> = Object.freeze({
  toastsEnabled: true,
  quietHours: { start: '18:30', end: '09:00' },
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '18:00' },
  maxToastsPerDay: 4,
  minMinutesBetweenToasts: 60,
  reviewWindows: ['10:00', '15:00'],
  reviewWindowMinutes: 30,
  timeZone: undefined,
});

/**
 * Raw values keyed by setting name below `multiplier.` (e.g. 'nudges.quietHoursStart');
 * undefined means "not set".
 */
export type RawNudgeSettings = Partial<Record<NudgeSettingKey, unknown>>;

export const NUDGE_SETTING_KEYS = [
  'nudges.toastsEnabled',
  'nudges.quietHoursStart',
  'nudges.quietHoursEnd',
  'nudges.maxToastsPerDay',
  'nudges.minMinutesBetweenToasts',
  'nudges.reviewWindows',
  'nudges.reviewWindowMinutes',
  'workingHours.days',
  'workingHours.start',
  'workingHours.end',
  'workingHours.timeZone',
] as const;
export type NudgeSettingKey = (typeof NUDGE_SETTING_KEYS)[number];

export function normalizeNudgeSettings(raw: RawNudgeSettings): { settings: NudgeSettings; problems: string[] } {
  const problems: string[] = [];
  const d = DEFAULT_NUDGE_SETTINGS;

  function pick<T>(key: NudgeSettingKey, valid: (v: unknown) => v is T, fallback: T, expected: string): T {
    const value = raw[key];
    if (value === undefined) {
      return fallback;
    }
    if (valid(value)) {
      return value;
    }
    problems.push(`multiplier.${key}: expected ${expected}, got ${JSON.stringify(value)}; using the default`);
    return fallback;
  }
  const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
  const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
  const isDays = (v: unknown): v is number[] => Array.isArray(v) && v.every((day) => Number.isInteger(day) && day >= 0 && day <= 6);
  const isTimes = (v: unknown): v is string[] => Array.isArray(v) && v.every(isWallTime);
  const isZone = (v: unknown): v is string => typeof v === 'string' && (v === '' || isValidTimeZone(v));

  const zone = pick('workingHours.timeZone', isZone, '', 'an IANA time zone such as "Europe/Berlin"');
  return {
    settings: {
      toastsEnabled: pick('nudges.toastsEnabled', isBool, d.toastsEnabled, 'true or false'),
      quietHours: {
        start: pick('nudges.quietHoursStart', isWallTime, d.quietHours.start, 'HH:MM'),
        end: pick('nudges.quietHoursEnd', isWallEnd, d.quietHours.end, 'HH:MM (24:00 for midnight)'),
      },
      workingDays: [...pick('workingHours.days', isDays, d.workingDays, 'weekday numbers 0 (Sunday) to 6')],
      workingHours: {
        start: pick('workingHours.start', isWallTime, d.workingHours.start, 'HH:MM'),
        end: pick('workingHours.end', isWallEnd, d.workingHours.end, 'HH:MM (24:00 for midnight)'),
      },
      maxToastsPerDay: pick('nudges.maxToastsPerDay', isCount, d.maxToastsPerDay, 'a whole number ≥ 0'),
      minMinutesBetweenToasts: pick('nudges.minMinutesBetweenToasts', isCount, d.minMinutesBetweenToasts, 'a whole number ≥ 0'),
      reviewWindows: [...pick('nudges.reviewWindows', isTimes, d.reviewWindows, 'a list of HH:MM times')],
      reviewWindowMinutes: pick('nudges.reviewWindowMinutes', isCount, d.reviewWindowMinutes, 'a whole number ≥ 0'),
      timeZone: zone === '' ? undefined : zone,
    },
    problems,
  };
}
