/** Focus block lengths offered by "Start Focus Block". Pure. */

import * as l10n from '@vscode/l10n';

export const FOCUS_PRESETS_MINUTES = [25, 50, 90, 120] as const;
export const DEFAULT_FOCUS_MINUTES = 90;
const MAX_FOCUS_MINUTES = 12 * 60;

/** A usable block length: whole minutes in 1…720, else the default. */
export function sanitizeFocusMinutes(value: unknown): number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_FOCUS_MINUTES
    ? (value as number)
    : DEFAULT_FOCUS_MINUTES;
}

/** The presets plus the user's default, default first (a quick pick pre-selects the first item). */
export function focusDurationChoices(defaultMinutes: unknown): number[] {
  const preferred = sanitizeFocusMinutes(defaultMinutes);
  return [preferred, ...FOCUS_PRESETS_MINUTES.filter((m) => m !== preferred)];
}

export function describeMinutes(minutes: number): string {
  if (minutes === 1) return l10n.t('1 minute');
  if (minutes < 60 || minutes % 60 !== 0) return l10n.t('{0} minutes', minutes);
  return minutes === 60 ? l10n.t('1 hour') : l10n.t('{0} hours', minutes / 60);
}
