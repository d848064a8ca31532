import type { NudgePolicyState, NudgeRequest, NudgeSettings } from '../../../src/nudge/api';
import { DEFAULT_NUDGE_SETTINGS } from '../../../src/nudge/policy/settings';
import { emptyNudgeState } from '../../../src/nudge/policy/state';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** An instant given as Berlin wall-clock time in winter (UTC+1). 2025-01-15 is a Wednesday. */
export function berlin(local: string): number {
  const ms = Date.parse(`${local}:00+01:00`);
  if (Number.isNaN(ms)) throw new Error(`bad fixture time ${local}`);
  return ms;
}

export function settings(overrides: Partial<NudgeSettings> = {}): NudgeSettings {
  return {
    ...DEFAULT_NUDGE_SETTINGS,
    quietHours: { ...DEFAULT_NUDGE_SETTINGS.quietHours },
    workingHours: { ...DEFAULT_NUDGE_SETTINGS.workingHours },
    workingDays: [...DEFAULT_NUDGE_SETTINGS.workingDays],
    reviewWindows: [...DEFAULT_NUDGE_SETTINGS.reviewWindows],
    timeZone: 'Europe/Berlin',
    ...overrides,
  };
}

/** Settings where only the rule under test can stop a toast. */
export function openSettings(overrides: Partial<NudgeSettings> = {}): NudgeSettings {
  return settings({
    quietHours: { start: '00:00', end: '00:00' },
    workingDays: [0, 1, 2, 3, 4, 5, 6],
    workingHours: { start: '00:00', end: '23:59' },
    maxToastsPerDay: 1000,
    minMinutesBetweenToasts: 0,
    ...overrides,
  });
}

export function request(overrides: Partial<NudgeRequest> = {}): NudgeRequest {
  return { kind: 'coach.stuck', id: 'signal-1', title: 'Stuck?', why: 'tests failed 5 times', wantsToast: true, ...overrides };
}

export function state(overrides: Partial<NudgePolicyState> = {}): NudgePolicyState {
  return { ...emptyNudgeState(), ...overrides };
}
