/**
 * What the status item and the reminder say, from the queue. Pure.
 */
import type { NudgeRequest } from '../../nudge/api';
import { formatHours } from './hygiene';
import type { ReviewQueue } from '../model/queue';

export interface StatusView {
  visible: boolean;
  /** e.g. `$(git-pull-request) 3 · 26h`. */
  text: string;
  tooltip: string;
  warning: boolean;
}

export interface StatusInput {
  queue: ReviewQueue | undefined;
  targetHours: number;
  hideWhenEmpty: boolean;
  /** Why to keep quiet now (focus, quiet hours); the item then shows no warning colour. */
  quietReason?: string;
  /** Age of the data when it is stale (offline); shown in the tooltip. */
  staleNote?: string;
}

export function statusView(input: StatusInput): StatusView {
  const waiting = input.queue?.waiting ?? [];
  const n = waiting.length;
  const oldest = input.queue?.oldestWaitHours;
  if (n === 0) {
    return {
      visible: !input.hideWhenEmpty && input.queue !== undefined,
      text: '$(git-pull-request) 0',
      tooltip: 'No reviews wait on you. Click to open the Review Queue.',
      warning: false,
    };
  }
  const late = oldest !== undefined && oldest > input.targetHours;
  const lines = [
    `${n} ${n === 1 ? 'review waits' : 'reviews wait'} on you; the oldest for ${formatHours(oldest ?? 0)} of business hours.`,
    `Review target: ${formatHours(input.targetHours)} (pickup time: PR ready → first review).`,
  ];
  if (input.quietReason) lines.push(`Quiet now: ${input.quietReason}.`);
  if (input.staleNote) lines.push(input.staleNote);
  lines.push('Click to open the Review Queue.');
  return {
    visible: true,
    text: `$(git-pull-request) ${n} · ${formatHours(oldest ?? 0)}`,
    tooltip: lines.join('\n'),
    warning: late && input.quietReason === undefined,
  };
}

export const REMINDER_KIND = 'review.reminder';
/** Our own floor between reminders; review windows, quiet hours and focus are the scheduler's. */
export const REMINDER_GAP_MS = 3 * 60 * 60 * 1000;

/** The reminder to offer the nudge scheduler, or undefined when there is nothing worth saying. */
export function reminderRequest(queue: ReviewQueue | undefined, now: number, lastRemindedAt: number | undefined): NudgeRequest | undefined {
  const waiting = queue?.waiting ?? [];
  if (waiting.length === 0) return undefined;
  if (lastRemindedAt !== undefined && now - lastRemindedAt < REMINDER_GAP_MS) return undefined;
  const n = waiting.length;
  return {
    kind: REMINDER_KIND,
    id: REMINDER_KIND,
    title: `${n} ${n === 1 ? 'review waits' : 'reviews wait'} on you`,
    why: `the oldest has waited ${formatHours(queue?.oldestWaitHours ?? 0)} of business hours; this is one of your review windows`,
    wantsToast: true,
  };
}
