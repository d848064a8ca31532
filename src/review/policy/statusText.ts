/**
 * What the status item and the reminder say, from the queue. Pure.
 */
import * as l10n from '@vscode/l10n';
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
      tooltip: l10n.t('No reviews wait on you. Click to open the Review Queue.'),
      warning: false,
    };
  }
  const late = oldest !== undefined && oldest > input.targetHours;
  const age = formatHours(oldest ?? 0);
  const lines = [
    n === 1
      ? l10n.t('1 review waits on you; the oldest for {0} of business hours.', age)
      : l10n.t('{0} reviews wait on you; the oldest for {1} of business hours.', n, age),
    l10n.t('Review target: {0} (pickup time: PR ready → first review).', formatHours(input.targetHours)),
  ];
  if (input.quietReason) lines.push(l10n.t('Quiet now: {0}.', input.quietReason));
  if (input.staleNote) lines.push(input.staleNote);
  lines.push(l10n.t('Click to open the Review Queue.'));
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
    title: n === 1 ? l10n.t('1 review waits on you') : l10n.t('{0} reviews wait on you', n),
    why: l10n.t(
      'the oldest has waited {0} of business hours; this is one of your review windows',
      formatHours(queue?.oldestWaitHours ?? 0),
    ),
    wantsToast: true,
    // Named in "Snoozed … until" and "No more nudges about …", in the user's language.
    kindLabel: l10n.t('review reminders'),
  };
}
