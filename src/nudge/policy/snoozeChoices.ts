/**
 * The choices offered by "Snooze All Nudges…" and the wall-clock instants they need, in the
 * user's zone. Pure.
 */
import * as l10n from '@vscode/l10n';
import type { NudgeSettings } from '../api';
import { describeInstant, nextDayAt } from '../../core/time/wallclock';

const MINUTE_MS = 60_000;

export interface SnoozeChoice {
  label: string;
  description: string;
  until: number;
}

export function snoozeChoices(now: number, snoozedUntil: number | undefined, settings: NudgeSettings): SnoozeChoice[] {
  const zone = settings.timeZone;
  const choice = (label: string, until: number): SnoozeChoice => ({
    label,
    description: l10n.t('until {0}', describeInstant(until, now, zone)),
    until,
  });
  const choices: SnoozeChoice[] = [];
  if (snoozedUntil !== undefined && snoozedUntil > now) {
    choices.push({
      label: l10n.t('Resume nudges now'),
      description: l10n.t('snoozed until {0}', describeInstant(snoozedUntil, now, zone)),
      until: now,
    });
  }
  choices.push(
    choice(l10n.t('30 minutes'), now + 30 * MINUTE_MS),
    choice(l10n.t('1 hour'), now + 60 * MINUTE_MS),
    choice(l10n.t('2 hours'), now + 120 * MINUTE_MS),
    choice(
      l10n.t('Until the next working morning'),
      nextDayAt(now, settings.workingHours.start, zone, (d) => settings.workingDays.includes(d)),
    ),
  );
  return choices;
}
