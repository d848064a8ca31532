/**
 * What the user reads after acting on a nudge: a snooze says until when, a mute says what went
 * quiet (and is offered with Undo). Plain, short text. Pure.
 */
import { describeInstant } from '../../core/time/wallclock';

/** The request's own label ("repeated failures"), else the kind made readable ("review reminder"). */
export function labelOfKind(kind: string, label?: string): string {
  if (label?.trim()) return label.trim();
  return kind.replace(/[._-]+/g, ' ').trim() || kind;
}

export function snoozedText(until: number, now: number, timeZone: string | undefined, what = 'this'): string {
  return `Snoozed ${what} until ${describeInstant(until, now, timeZone)}.`;
}

export function mutedText(label: string): string {
  return `No more nudges about ${label}.`;
}
