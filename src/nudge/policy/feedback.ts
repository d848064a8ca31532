/**
 * What the user reads after acting on a nudge: a snooze says until when, a mute says what went
 * quiet (and is offered with Undo). Plain, short text. Pure.
 */
import * as l10n from '@vscode/l10n';
import { describeInstant } from '../../core/time/wallclock';

/** The request's own label ("repeated failures"), else the kind made readable ("review reminder"). */
export function labelOfKind(kind: string, label?: string): string {
  if (label?.trim()) return label.trim();
  return kind.replace(/[._-]+/g, ' ').trim() || kind;
}

export function snoozedText(until: number, now: number, timeZone: string | undefined, what?: string): string {
  const when = describeInstant(until, now, timeZone);
  return what === undefined ? l10n.t('Snoozed this until {0}.', when) : l10n.t('Snoozed {0} until {1}.', what, when);
}

export function mutedText(label: string): string {
  return l10n.t('No more nudges about {0}.', label);
}
